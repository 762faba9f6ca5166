// Answer saving: the practice quiz's answer action and a student's assignment answer
// action, against a bare node:http server that parses the same form and does the same
// one-row upsert on the same engine, in one run.
// Run by bench/run.js; DATABASE_URL picks the engine (a postgres:// address, or SQLite).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApp } from './servers.js';
import { choiceQuestion, cookieOf, formPost, mustRedirect, QUIZ, seedPractice } from './answer-forms.js';

const DURATION = Number(process.env.BENCH_SECONDS || 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const databaseUrl = process.env.DATABASE_URL || join(mkdtempSync(join(tmpdir(), 'attribution-lab-bench-')), 'kit.db');
const engine = databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

/** Posts `body` to `path` for `seconds`; every answer must be a 303 (saved), or the run fails. */
function load(url, path, body, headers, seconds = DURATION) {
	return new Promise((resolve, reject) => {
		autocannon(
			{ url, connections: CONNECTIONS, duration: seconds, method: 'POST', requests: [{ method: 'POST', path, body, headers }] },
			(error, result) => {
				if (error) return reject(error);
				const ok = result['3xx'] ?? 0;
				if (result.non2xx !== ok || result.errors > 0) return reject(new Error(`${url}${path}: ${result.non2xx - ok} refused, ${result.errors} errors`));
				resolve({ rps: ok / seconds, p99: result.latency.p99 });
			}
		);
	});
}

/**
 * A student's assignment attempt, set up through the app's forms as tests/e2e/http-seed.ts
 * does: the admin, a class with one rostered student, the student picking their name on
 * a device, the pack's quiz assigned (feedback after submitting, so answers may change and
 * each save replaces the last; questions and options shuffled per attempt), the attempt
 * started. Returns the answer form for its first choice question.
 */
async function seedAssignment(base) {
	const setup = await mustRedirect(base, '/setup', { name: 'Bench Admin', email: 'bench@school.test', password: 'bench harbor lantern violet', mode: 'open' });
	const teacher = cookieOf(setup);
	const created = await mustRedirect(base, '/teach?/create', { name: 'Bench class' }, teacher);
	const classId = created.headers.get('location').split('/').pop();
	const roster = await formPost(base, `/teach/classes/${classId}?/roster`, { names: 'Ana' }, teacher);
	if (roster.status !== 200) throw new Error(`roster answered ${roster.status}`);
	const exported = await (await fetch(`${base}/teach/classes/${classId}/export.json`, { headers: { cookie: teacher } })).json();
	const code = exported.class.joinCode;
	const joinPage = await (await fetch(`${base}/join/${code}`)).text();
	const studentId = decodeURIComponent(joinPage.match(/href="\?me=([^"]+)"/)[1]);
	const student = cookieOf(await mustRedirect(base, `/join/${code}?/pick`, { student: studentId }));

	const pad = (n) => String(n).padStart(2, '0');
	const local = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
	const now = Date.now();
	const assigned = await mustRedirect(
		base,
		`/teach/classes/${classId}/assign`,
		{ quiz: QUIZ, opensAt: local(new Date(now - 3600_000)), closesAt: local(new Date(now + 24 * 3600_000)), maxAttempts: '1', feedback: 'after-submit', shuffle: 'on' },
		teacher
	);
	const assignmentId = assigned.headers.get('location').split('/').pop().split('?')[0];
	await mustRedirect(base, `/me/assignments/${assignmentId}?/start`, {}, student);

	const q = await choiceQuestion(async (n) => (await fetch(`${base}/me/assignments/${assignmentId}/${n}`, { headers: { cookie: student } })).text());
	const attemptId = q.html.match(/name="attempt" value="([^"]+)"/)[1];
	return {
		path: `/me/assignments/${assignmentId}/${q.n}?/answer`,
		body: new URLSearchParams({ attempt: attemptId, question: q.key, choice: q.choice, certainty: '2' }).toString(),
		cookie: student,
		n: q.n
	};
}

/** The bare server: parse the form, upsert one row, answer 303, on the same database. */
async function startBareUpsert(attemptId, questionId) {
	const port = await freePort();
	const child = spawn(process.execPath, ['bench/bare-upsert.js'], {
		env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, ATTEMPT_ID: attemptId, QUESTION_ID: questionId },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	for (let i = 0; i < 100; i++) {
		try {
			await fetch(`http://127.0.0.1:${port}/`);
			break;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

const app = await startApp({ DATABASE_URL: databaseUrl, RATE_LIMIT_SCALE: '100000' });
let bare;
try {
	const base = app.url.replace(/\/$/, '');
	const practice = await seedPractice(base);
	const assignment = await seedAssignment(base);
	const form = (cookie) => ({ origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie });
	// The bare server upserts the practice attempt's row; which row does not change its cost.
	bare = await startBareUpsert(practice.attemptId, `${QUIZ}/${practice.questionKey}`);
	const targets = {
		bare: () => load(bare.url, '/', practice.body, form(practice.cookie)),
		practice: () => load(base, practice.path, practice.body, form(practice.cookie)),
		assignment: () => load(base, assignment.path, assignment.body, form(assignment.cookie))
	};

	// Warm each up, then measure each in turn, twice, keeping each one's better run (they
	// share the database, so never at once).
	for (const name of Object.keys(targets)) await targets[name]();
	const runs = { bare: [], practice: [], assignment: [] };
	for (let i = 0; i < 2; i++) for (const name of Object.keys(targets)) runs[name].push(await targets[name]());
	const best = (list) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
	const [b, p, a] = [best(runs.bare), best(runs.practice), best(runs.assignment)];

	const fmt = (r) => `${r.rps.toFixed(0).padStart(6)} answers/s   p99 ${String(r.p99).padStart(4)} ms`;
	console.log(`\nSaving answers on ${engine} (one attempt each, ${CONNECTIONS} connections, ${DURATION}s runs, better of two)`);
	console.log(`  bare node:http, same upsert          ${fmt(b)}`);
	console.log(`  practice answer (question ${String(practice.n).padEnd(2)})        ${fmt(p)}   ratio ${(p.rps / b.rps).toFixed(2)}`);
	console.log(`  assignment answer (question ${String(assignment.n).padEnd(2)})     ${fmt(a)}   ratio ${(a.rps / b.rps).toFixed(2)}`);
	console.log(`  (aim: a ratio of at least 0.5; the assignment answer is a signed-in student's, checked`);
	console.log(`   against the session, the attempt, the assignment's times and the question, and replaces the last)`);
} finally {
	bare?.stop();
	app.stop();
}
