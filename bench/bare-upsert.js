// A bare node:http server for the answer benchmark: reads the form, upserts one response
// row with the engine's own driver, answers 303. No framework, no checks, no grading.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createClient } from '@libsql/client';
import postgres from 'postgres';
import { resolve } from 'node:path';

const url = process.env.DATABASE_URL;
const attemptId = process.env.ATTEMPT_ID;
const questionId = process.env.QUESTION_ID;

let upsert;
if (url.startsWith('postgres')) {
	const sql = postgres(url, { max: 10 });
	upsert = (answer, certainty) => sql`
		insert into responses (id, attempt_id, question_id, answer, certainty, fraction, marks, claim_id, answered_at)
		values (${randomUUID()}, ${attemptId}, ${questionId}, ${sql.json(answer)}, ${certainty}, 1, 2, null, now())
		on conflict (attempt_id, question_id) do update set answer = excluded.answer, certainty = excluded.certainty, answered_at = excluded.answered_at`;
} else {
	// One connection with the app's settings (src/lib/server/db/database.ts): its busy
	// timeout (without one, a write that meets the app's connection holding a lock fails at
	// once) and synchronous = NORMAL, so both sides pay the same for a commit.
	const client = createClient({ url: `file:${resolve(url)}`, timeout: 5000, concurrency: 1 });
	await client.execute('PRAGMA synchronous = NORMAL');
	upsert = (answer, certainty) =>
		client.execute({
			sql: `insert into responses (id, attempt_id, question_id, answer, certainty, fraction, marks, claim_id, answered_at)
				values (?, ?, ?, ?, ?, 1, 2, null, ?)
				on conflict (attempt_id, question_id) do update set answer = excluded.answer, certainty = excluded.certainty, answered_at = excluded.answered_at`,
			args: [randomUUID(), attemptId, questionId, JSON.stringify(answer), certainty, Date.now()]
		});
}

http
	.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', async () => {
			if (req.method !== 'POST') return res.end('ready');
			const form = new URLSearchParams(body);
			try {
				await upsert({ type: 'choice', value: form.get('choice') }, Number(form.get('certainty')));
				res.writeHead(303, { location: '/' }).end();
			} catch (error) {
				// Counted as refused by the benchmark, rather than ending the server mid-run.
				console.error(`bare-upsert: ${error.message}`);
				res.writeHead(500).end();
			}
		});
	})
	.listen(Number(process.env.PORT), '127.0.0.1');
