// Answer saving: the practice quiz's answer action against a bare node:http server that
// parses the same form and does the same one-row upsert on the same engine, in one run.
// Run by bench/run.js; DATABASE_URL picks the engine (a postgres:// address, or SQLite).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApp } from './servers.js';

const SLUG = 'mexico-says-no-to-us-troops';
const DURATION = Number(process.env.BENCH_SECONDS || 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const databaseUrl = process.env.DATABASE_URL || join(mkdtempSync(join(tmpdir(), 'attribution-lab-bench-')), 'kit.db');
const engine = databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

function load(url, path, body, headers) {
	return new Promise((resolve, reject) => {
		autocannon(
			{ url, connections: CONNECTIONS, duration: DURATION, method: 'POST', requests: [{ method: 'POST', path, body, headers }] },
			(error, result) => {
				if (error) return reject(error);
				const ok = result['3xx'] ?? 0;
				if (result.non2xx !== ok || result.errors > 0) return reject(new Error(`${url}${path}: ${result.non2xx - ok} refused, ${result.errors} errors`));
				resolve({ rps: ok / DURATION, p99: result.latency.p99 });
			}
		);
	});
}

const app = await startApp({ DATABASE_URL: databaseUrl, RATE_LIMIT_SCALE: '100000' });
let bare;
try {
	const origin = app.url.replace(/\/$/, '');
	const started = await fetch(`${app.url}articles/${SLUG}/practice?/start`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: ''
	});
	const cookie = started.headers.get('set-cookie').split(';')[0];
	const attemptId = cookie.split('=')[1].split('.')[0];
	// The first question with one choice and a certainty scale.
	let number = 0;
	let choice = '';
	for (let n = 1; n <= 30 && !choice; n++) {
		const html = await (await fetch(`${app.url}articles/${SLUG}/practice/${n}`, { headers: { cookie } })).text();
		const match = html.match(/type="radio" name="choice" value="([^"]+)"/);
		if (match && html.includes('name="certainty"')) [number, choice] = [n, match[1]];
	}
	const questionKey = `q${String(number).padStart(2, '0')}`;
	const body = `choice=${choice}&certainty=2`;
	const headers = { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie };

	// The bare server: parse the form, upsert one row, answer 303, on the same database.
	const port = await freePort();
	bare = spawn(process.execPath, ['bench/bare-upsert.js'], {
		env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, ATTEMPT_ID: attemptId, QUESTION_ID: `${SLUG}/quiz-mexico-attribution/${questionKey}` },
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
	const bareUrl = `http://127.0.0.1:${port}`;
	const path = `/articles/${SLUG}/practice/${number}?/answer`;
	// Warm up, then measure each in turn (they share the database, so never at once).
	await load(bareUrl, '/', body, headers);
	await load(app.url.replace(/\/$/, ''), path, body, headers);
	const b = await load(bareUrl, '/', body, headers);
	const a = await load(app.url.replace(/\/$/, ''), path, body, headers);
	const fmt = (r) => `${r.rps.toFixed(0).padStart(6)} answers/s   p99 ${String(r.p99).padStart(4)} ms`;
	console.log(`\nSaving answers on ${engine} (question ${number}, one attempt, ${CONNECTIONS} connections, ${DURATION}s)`);
	console.log(`  bare node:http, same upsert   ${fmt(b)}`);
	console.log(`  Attribution Lab answer action ${fmt(a)}`);
	console.log(`  ratio (app / bare)            ${(a.rps / b.rps).toFixed(2)}   (aim: at least 0.5)`);
} finally {
	bare?.kill('SIGTERM');
	app.stop();
}
