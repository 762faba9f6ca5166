// Backups of a SQLite database holding 100,000 responses (BENCH_RESPONSES): how long
// `npm run backup` takes and how big it is, against a plain file copy of the same database
// in the same run; and whether it holds answers up: the practice answer's p99 while
// backups run back to back, against the same load with none. Runs alone
// (`npm run build && node bench/backup.js`) or from bench/run.js.
import autocannon from 'autocannon';
import { createClient } from '@libsql/client';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from './servers.js';
import { QUIZ, seedPractice } from './answer-forms.js';

const RESPONSES = Number(process.env.BENCH_RESPONSES || 100_000);
const DURATION = Number(process.env.BENCH_SECONDS || 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const folder = mkdtempSync(join(tmpdir(), 'attribution-lab-bench-backup-'));
const database = join(folder, 'kit.db');
const backups = join(folder, 'backups');

/** Posts the practice answer for `DURATION` seconds; every answer must be saved (303). */
function answerLoad(base, practice) {
	return new Promise((resolve, reject) => {
		const headers = { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: practice.cookie };
		autocannon(
			{ url: base, connections: CONNECTIONS, duration: DURATION, requests: [{ method: 'POST', path: practice.path, body: practice.body, headers }] },
			(error, result) => {
				if (error) return reject(error);
				const ok = result['3xx'] ?? 0;
				if (result.non2xx !== ok || result.errors > 0) return reject(new Error(`answers: ${result.non2xx - ok} refused, ${result.errors} errors`));
				resolve({ rps: ok / DURATION, p99: result.latency.p99 });
			}
		);
	});
}

/** One `npm run backup` (its script, as cron would run it); resolves with its wall time. */
function backupOnce() {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['scripts/backup.js'], {
			env: { ...process.env, DATABASE_URL: database, BACKUP_DIR: backups, BACKUP_KEEP: '2' },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.on('exit', (code) => {
			if (code !== 0) return reject(new Error(`npm run backup exited ${code}`));
			const reported = /, (\d+) ms\)/.exec(out);
			resolve({ wall: performance.now() - started, inside: Number(reported?.[1]) });
		});
	});
}

/**
 * The control for backupOnce: a child node process that copies the file plainly, with
 * the same process start and disk reads but no SQLite, so what the backups add beyond
 * sharing two cores shows.
 */
function plainCopyOnce() {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['-e', 'require("node:fs").copyFileSync(process.argv[1], process.argv[2])', database, join(folder, 'plain-copy.db')], {
			stdio: 'inherit'
		});
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the plain copy exited ${code}`))));
	});
}

/** Runs `load` while `job` runs back to back; returns the load's result and how many jobs ran. */
async function during(load, job) {
	let loading = true;
	let jobs = 0;
	const looping = (async () => {
		while (loading) {
			await job();
			jobs++;
		}
	})();
	const result = await load();
	loading = false;
	await looping;
	return { ...result, jobs };
}

/**
 * Fills the live database with RESPONSES practice responses in batched inserts beside the
 * running server (its busy timeout rides out each batch), 18 per attempt as the quiz has.
 */
async function seedResponses() {
	const client = createClient({ url: `file:${database}`, timeout: 5000 });
	const questions = (await client.execute({ sql: 'SELECT id, claim_id FROM quiz_questions WHERE quiz_id = ?', args: [QUIZ] })).rows;
	const now = Date.now();
	let made = 0;
	while (made < RESPONSES) {
		const statements = [];
		for (let a = 0; a < 50 && made < RESPONSES; a++) {
			const attempt = randomBytes(15).toString('base64url');
			statements.push({ sql: 'INSERT INTO attempts (id, quiz_id, practice_key_hash, started_at) VALUES (?, ?, ?, ?)', args: [attempt, QUIZ, randomBytes(32).toString('hex'), now] });
			for (const q of questions) {
				if (made >= RESPONSES) break;
				statements.push({
					sql: 'INSERT INTO responses (id, attempt_id, question_id, answer, certainty, fraction, marks, claim_id, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
					args: [randomBytes(15).toString('base64url'), attempt, q.id, JSON.stringify({ type: 'choice', value: `option-${made % 4}` }), 2, made % 2, made % 2 ? 2 : -1, q.claim_id, now]
				});
				made++;
			}
		}
		await client.batch(statements, 'write');
	}
	await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
	client.close();
}

const fmt = (r) => `${r.rps.toFixed(0).padStart(6)} answers/s   p99 ${String(r.p99).padStart(4)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const app = await startApp({ DATABASE_URL: database, RATE_LIMIT_SCALE: '100000' });
try {
	const base = app.url.replace(/\/$/, '');
	const practice = await seedPractice(base);
	const seedStart = performance.now();
	await seedResponses();
	const seedSeconds = (performance.now() - seedStart) / 1000;

	// Time: three backups against three plain copies of the same file (not consistent
	// while the kit writes, but the least any copy costs), with the server idle.
	const copies = [];
	const runs = [];
	for (let i = 0; i < 3; i++) {
		const started = performance.now();
		copyFileSync(database, join(folder, 'plain-copy.db'));
		copies.push(performance.now() - started);
		runs.push(await backupOnce());
	}
	rmSync(join(folder, 'plain-copy.db'));
	const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
	const [copyMs, wallMs, insideMs] = [median(copies), median(runs.map((r) => r.wall)), median(runs.map((r) => r.inside))];
	const backupBytes = statSync(join(backups, readdirSync(backups).filter((n) => n.endsWith('.db')).sort().at(-1))).size;

	// Blocking: answers with no backup, with backups back to back for the whole run, and with
	// plain copies back to back (the control); twice each, in turn.
	const load = () => answerLoad(base, practice);
	await load();
	const runsOf = { quiet: [], backups: [], copies: [] };
	for (let i = 0; i < 2; i++) {
		runsOf.quiet.push({ ...(await load()), jobs: 0 });
		runsOf.backups.push(await during(load, backupOnce));
		runsOf.copies.push(await during(load, plainCopyOnce));
	}
	rmSync(join(folder, 'plain-copy.db'), { force: true });
	const better = (list) => list.reduce((a, b) => (b.p99 < a.p99 ? b : a));
	const [q, d, c] = [better(runsOf.quiet), better(runsOf.backups), better(runsOf.copies)];
	const vs = (r) => `p99 ratio ${(r.p99 / Math.max(1, q.p99)).toFixed(2)}, answers/s ratio ${(r.rps / q.rps).toFixed(2)}`;

	console.log(`\nBackups of a SQLite database with ${RESPONSES.toLocaleString('en')} responses (seeded in ${seedSeconds.toFixed(1)} s)`);
	console.log(`  database file ${mb(statSync(database).size)}, backup file ${mb(backupBytes)}`);
	console.log(`  plain file copy (baseline)      ${copyMs.toFixed(0).padStart(6)} ms`);
	console.log(`  npm run backup, VACUUM INTO     ${insideMs.toFixed(0).padStart(6)} ms   ratio ${(insideMs / copyMs).toFixed(1)}   (median of 3)`);
	console.log(`  … with starting node            ${wallMs.toFixed(0).padStart(6)} ms`);
	console.log(`Answers while backing up (practice answer, ${CONNECTIONS} connections, ${DURATION}s runs, lower p99 of two)`);
	console.log(`  no backup running                 ${fmt(q)}`);
	console.log(`  backups back to back (${String(d.jobs).padStart(2)} done)    ${fmt(d)}   ${vs(d)}`);
	console.log(`  plain copies back to back (${String(c.jobs).padStart(2)})  ${fmt(c)}   ${vs(c)}`);
	console.log('  (the plain copies are the control: a node process reading the same file, no SQLite; on two');
	console.log('   cores shared with the server and the load generator, what the backups cost beyond it is theirs)');
} finally {
	app.stop();
}
rmSync(folder, { recursive: true, force: true });
