// `npm run bench live`: a live session under load. Simulated students (this process;
// the app servers are other processes) each hold the session's event stream and answer
// through the no-JavaScript form. Measured, in one run:
//  - one session of LIVE_STUDENTS (2,000) on one app server on SQLite; the same on
//    PostgreSQL with two app servers behind nginx; then 4 sessions of a quarter each;
//  - the teacher shows a question: time until every student's stream has it;
//  - every student answers within 10 s: acknowledgement latency, answer-to-projector
//    latency, answers lost (acknowledged but not in the database), server CPU and peak memory;
//  - baselines: a bare node:http server holding as many streams and broadcasting the same
//    bytes (fan-out ratio), and the bare one-row upsert of bench/answers.js against the
//    live answer path (throughput ratio);
//  - LIVE_SIZES (e.g. "3000,4000"): more sessions on SQLite, to find the largest that meets the aims.
// Every loop is bounded in count and time; everything listens on loopback only.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createClient } from '@libsql/client';
import postgres from 'postgres';
import { port, startAppServer, startCluster } from '../tests/cluster/cluster.js';
import { answer, LiveStream } from '../tests/cluster/live-clients.js';
import { command, questionOnPage, seedAdmin, seedClass, startLive } from '../tests/cluster/seed.js';
import { addSignedInStudents } from './live-seed.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STUDENTS = Number(process.env.LIVE_STUDENTS || 2000);
const ANSWER_WINDOW_MS = 10_000;
const AIM = { ackP95: 100, projectorP95: 250 };
const COMMAND_TIMEOUT_MS = 60_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The p-th percentile (nearest rank) of `list`. */
function pct(list, p) {
	if (list.length === 0) return NaN;
	const sorted = [...list].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (n) => `${Number.isFinite(n) ? n.toFixed(0) : '–'} ms`;

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}
/**
 * Seconds a process's main thread has run and has waited for a core (runnable, not running),
 * from /proc: on a shared 2-core machine, the wait says how much of a slow figure was
 * other work on the machine rather than the server's own.
 */
function schedSeconds(pid) {
	const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
	return { run: run / 1e9, wait: wait / 1e9 };
}
/** A process's peak resident memory in MB, from /proc. */
function peakMb(pid) {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
	return line ? Number(line[1]) / 1024 : NaN;
}

/** Runs `fn` over `items`, `concurrency` at a time. */
async function pool(items, concurrency, fn) {
	const results = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(concurrency, items.length) }, async () => {
			while (next < items.length) {
				const i = next++;
				results[i] = await fn(items[i], i);
			}
		})
	);
	return results;
}

/** Waits until every stream satisfies `test`, for at most `limitMs`; returns how many did not. */
async function allStreams(streams, test, limitMs) {
	const results = await Promise.allSettled(streams.map((s) => s.waitFor(test, limitMs)));
	return results.filter((r) => r.status === 'rejected').length;
}

/**
 * A teacher, `sessions` classes of `perSession` signed-in students (written into the
 * database: see live-seed.js), a live session in each.
 */
async function seedSessions(base, databaseUrl, sessions, perSession) {
	const { cookie: teacher } = await seedAdmin(base);
	const seeded = [];
	for (let s = 0; s < sessions; s++) {
		const cls = await seedClass(base, teacher, `Live class ${s + 1}`);
		const students = await addSignedInStudents(databaseUrl, cls.id, perSession, `Student ${s + 1}-`);
		seeded.push({ classId: cls.id, sid: await startLive(base, teacher, cls.id), students });
	}
	return { teacher, sessions: seeded };
}

/**
 * One run: the sessions, their projectors and every student's stream; the first question
 * shown, then answered by everyone within 10 s; returns the figures.
 */
async function liveRun(base, databaseUrl, pids, sessions, perSession, responsesSaved) {
	const seeded = await seedSessions(base, databaseUrl, sessions, perSession);
	const { teacher } = seeded;
	const projectors = seeded.sessions.map((s) => new LiveStream(`${base}/teach/live/${s.sid}/events`, teacher));
	const projectorEvents = seeded.sessions.map(() => []);
	projectors.forEach((p, i) => p.waitFor((d) => (projectorEvents[i].push({ answered: d.answered, at: performance.now() }), false), 600_000).catch(() => {}));
	const streams = [];
	for (const [i, s] of seeded.sessions.entries()) {
		for (const student of s.students) {
			streams.push({ session: i, student, stream: new LiveStream(`${base}/me/live/${s.sid}/events`, student.cookie) });
			if (streams.length % 100 === 0) await sleep(20); // phones do not all connect in the same millisecond
		}
	}
	const connectStart = performance.now();
	const cpuConnect = pids.map(cpuSeconds);
	const schedConnect = pids.map(schedSeconds);
	// Progress while they open (a slow open shows its shape: steady, or stalled then a burst).
	const ticker = setInterval(() => {
		const open = streams.filter((s) => s.stream.latest).length;
		console.log(`  … ${open} of ${streams.length} streams open after ${((performance.now() - connectStart) / 1000).toFixed(0)} s`);
	}, 10_000);
	const notConnected = await allStreams(streams.map((s) => s.stream), (d) => d.state?.stage === 'lobby', 180_000);
	clearInterval(ticker);
	{
		const cpu = pids.map(cpuSeconds).reduce((a, c, i) => a + c - cpuConnect[i], 0);
		const sched = pids.map(schedSeconds).reduce((a, c, i) => ({ run: a.run + c.run - schedConnect[i].run, wait: a.wait + c.wait - schedConnect[i].wait }), { run: 0, wait: 0 });
		console.log(`  opening them cost the app servers ${((1000 * cpu) / streams.length).toFixed(1)} ms of CPU per stream; their main threads ran ${sched.run.toFixed(1)} s and waited ${sched.wait.toFixed(1)} s for a core`);
	}
	console.log(`  (${streams.length - notConnected} of ${streams.length} streams open in ${((performance.now() - connectStart) / 1000).toFixed(1)} s)`);
	if (notConnected > streams.length / 10) throw new Error(`${notConnected} streams never got the lobby state`);
	// A few phones that never connected are reported, and left out of the figures.
	for (let i = streams.length - 1; i >= 0; i--) if (!streams[i].stream.latest) streams.splice(i, 1)[0].stream.close();
	await Promise.all(projectors.map((p) => p.waitFor((d) => d.joined === 0 || d.joined >= 0, 30_000)));
	const cpuStart = pids.map(cpuSeconds);
	const schedStart = pids.map(schedSeconds);
	const wallStart = performance.now();

	/** The teacher gives `type` in every session at once; times until each student has question `index`. */
	const show = async (type, index) => {
		const times = [];
		const missed = await Promise.all(
			seeded.sessions.map(async (s, i) => {
				const mine = streams.filter((x) => x.session === i);
				const t0 = performance.now();
				await command(base, teacher, s.sid, type, projectors[i].latest.version, COMMAND_TIMEOUT_MS);
				const results = await Promise.allSettled(
					mine.map((x) => x.stream.waitFor((d) => d.state?.stage === 'question' && d.state.current === index, COMMAND_TIMEOUT_MS).then(() => times.push(performance.now() - t0)))
				);
				return results.filter((r) => r.status === 'rejected').length;
			})
		);
		const missing = missed.reduce((a, b) => a + b, 0);
		if (missing > 0) throw new Error(`${missing} students never got question ${index + 1}`);
		return times;
	};

	const shownFirst = await show('start', 0);
	const questions = await Promise.all(seeded.sessions.map((s) => questionOnPage(base, s.students[0].cookie, s.sid)));
	const sends = seeded.sessions.map(() => []);
	const acks = [];
	let refused = 0;
	/** Why tries failed: an HTTP status, or the client's error (a timeout). */
	const failures = new Map();
	const acknowledged = seeded.sessions.map(() => new Set());
	const answerStart = performance.now();
	const cpuAnswers = pids.map(cpuSeconds);
	await Promise.all(
		streams.map(async ({ session, student }) => {
			await sleep(Math.random() * ANSWER_WINDOW_MS);
			for (let tries = 0; tries < 3; tries++) {
				const sent = performance.now();
				const q = questions[session];
				const result = await answer(base, student.cookie, seeded.sessions[session].sid, q.id, q.fields).catch((error) => ({
					acknowledged: false,
					status: /no answer within/.test(String(error?.message)) ? 'timeout' : String(error?.code ?? error)
				}));
				if (result.acknowledged) {
					const at = performance.now();
					acks.push(at - sent);
					sends[session].push({ sent, at });
					acknowledged[session].add(student.name);
					return;
				}
				refused++;
				failures.set(result.status, (failures.get(result.status) ?? 0) + 1);
				await sleep(200);
			}
		})
	);
	const answerWall = (performance.now() - answerStart) / 1000;
	const cpuAfterAnswers = pids.map(cpuSeconds);
	// The projectors catch up (coalesced: at most four updates a second).
	await Promise.all(projectors.map((p, i) => p.waitFor((d) => d.answered >= acknowledged[i].size, 10_000).catch(() => {})));
	const toProjector = [];
	for (const [i, list] of sends.entries()) {
		// Commits happen in acknowledgement order, so the k-th acknowledged answer is on the
		// projector with the first update counting k answers that came after it was sent.
		list.sort((a, b) => a.at - b.at);
		list.forEach(({ sent }, k) => {
			const shown = projectorEvents[i].find((e) => e.answered >= k + 1 && e.at >= sent);
			toProjector.push(shown ? shown.at - sent : Infinity);
		});
	}
	let lost = 0;
	for (const [i, s] of seeded.sessions.entries()) {
		const saved = await responsesSaved(s.sid, questions[i].id);
		for (const name of acknowledged[i]) if (!saved.has(name)) lost++;
	}
	const cpuEnd = pids.map(cpuSeconds);
	const schedEnd = pids.map(schedSeconds);
	const wall = (performance.now() - wallStart) / 1000;
	const sum = (a) => a.reduce((x, y) => x + y, 0);
	const figures = {
		streams: streams.length,
		show: shownFirst,
		rawEvent: streams[0].stream.raw,
		acks,
		refused,
		failures: [...failures].map(([why, n]) => `${n} × ${why}`).join(', '),
		acknowledged: sum(acknowledged.map((a) => a.size)),
		toProjector,
		lost,
		cpuAnswers: sum(cpuAfterAnswers) - sum(cpuAnswers),
		answerWall,
		cpuAll: sum(cpuEnd) - sum(cpuStart),
		wall,
		peakMb: pids.map(peakMb),
		waitedForCore: schedEnd.reduce((a, c, i) => a + c.wait - schedStart[i].wait, 0)
	};
	for (const { stream } of streams) stream.close();
	for (const p of projectors) p.close();
	return { figures, seeded, questions };
}

function report(label, f, bare) {
	console.log(`\n${label}: ${f.streams} students, each with an event stream`);
	console.log(`  question shown → every student has it: p50 ${ms(pct(f.show, 50))}, p95 ${ms(pct(f.show, 95))}, max ${ms(Math.max(...f.show))}`);
	if (bare) {
		console.log(`  bare node:http, same streams and bytes: p50 ${ms(pct(bare, 50))}, p95 ${ms(pct(bare, 95))}, max ${ms(Math.max(...bare))}`);
		console.log(`  fan-out ratio (bare time / app time): p95 ${(pct(bare, 95) / pct(f.show, 95)).toFixed(2)}, max ${(Math.max(...bare) / Math.max(...f.show)).toFixed(2)}   (aim: at least 0.5)`);
	}
	const okAck = pct(f.acks, 95) <= AIM.ackP95 ? 'meets' : 'misses';
	const okProj = pct(f.toProjector, 95) <= AIM.projectorP95 ? 'meets' : 'misses';
	console.log(`  answers within 10 s: ${f.acknowledged} acknowledged, ${f.refused} refused or failed tries${f.failures ? ` (${f.failures})` : ''}`);
	console.log(`  acknowledgement: p50 ${ms(pct(f.acks, 50))}, p95 ${ms(pct(f.acks, 95))}, p99 ${ms(pct(f.acks, 99))}   (${okAck} the aim of p95 ≤ ${AIM.ackP95} ms)`);
	console.log(`  answer → projector: p50 ${ms(pct(f.toProjector, 50))}, p95 ${ms(pct(f.toProjector, 95))}   (${okProj} the aim of p95 ≤ ${AIM.projectorP95} ms)`);
	console.log(`  answers lost: ${f.lost}`);
	console.log(
		`  server CPU: ${((100 * f.cpuAnswers) / f.answerWall).toFixed(0)}% of one core while answering, ${((100 * f.cpuAll) / f.wall).toFixed(0)}% over the run; peak memory ${f.peakMb.map((m) => `${m.toFixed(0)} MB`).join(' + ')}; runnable but waiting for a core ${f.waitedForCore.toFixed(1)} s of ${f.wall.toFixed(0)} s`
	);
	return okAck === 'meets' && okProj === 'meets' && f.lost === 0;
}

/** The bare fan-out: as many streams on a bare server, the same event bytes broadcast twice; the second run's times. */
async function bareFanOut(count, raw) {
	const p = await port();
	const child = spawn(process.execPath, ['bench/bare-sse.js'], { env: { ...process.env, PORT: String(p) }, stdio: 'inherit' });
	try {
		const url = `http://127.0.0.1:${p}`;
		for (let i = 0; i < 100; i++) {
			if (await fetch(`${url}/`).then((r) => r.ok, () => false)) break;
			await sleep(100);
		}
		const streams = [];
		for (let i = 0; i < count; i++) {
			streams.push(new LiveStream(`${url}/events`, ''));
			if (i % 100 === 99) await sleep(20);
		}
		for (let i = 0; i < 600 && streams.some((s) => s.connects === 0); i++) await sleep(100);
		let times = [];
		for (let round = 0; round < 2; round++) {
			const data = JSON.stringify({ ...JSON.parse(raw), round });
			times = [];
			const t0 = performance.now();
			const waits = streams.map((s) => s.waitFor((d) => d.round === round, 30_000).then(() => times.push(performance.now() - t0)));
			await fetch(`${url}/broadcast`, { method: 'POST', body: `id: r${round}\ndata: ${data}\n\n` });
			await Promise.allSettled(waits);
		}
		for (const s of streams) s.close();
		return times;
	} finally {
		child.kill('SIGTERM');
	}
}

/**
 * Answers per second through the live answer action, against bench/bare-upsert.js on the same row;
 * also the app's floor: the same student's GET of /healthz (every hook, the session's lookup and one
 * query), the least any request through SvelteKit costs here.
 */
async function answerThroughput(base, databaseUrl, sid, { id: question, fields }, cookie, attemptId, appPid) {
	/** Loads `url` for 8 s; also the CPU time `pid` spent per answer (robust to a busy machine, unlike answers/s). */
	const load = (url, path, body, headers, pid, method = 'POST') => {
		const cpu0 = cpuSeconds(pid);
		return new Promise((resolve, reject) =>
			autocannon({ url, connections: 10, duration: 8, requests: [{ method, path, body, headers }] }, (error, r) => {
				if (error) return reject(error);
				// An answer is acknowledged with a redirect (the no-JavaScript form); a GET with a 200.
				const ok = (method === 'GET' ? r['2xx'] : r['3xx']) ?? 0;
				const refused = method === 'GET' ? r.non2xx : r.non2xx - ok;
				if (refused > 0 || r.errors > 0) return reject(new Error(`${url}${path}: ${refused} refused, ${r.errors} errors`));
				resolve({ rps: ok / 8, p99: r.latency.p99, cpuMs: (1000 * (cpuSeconds(pid) - cpu0)) / Math.max(1, ok) });
			})
		);
	};
	const p = await port();
	const bare = spawn(process.execPath, ['bench/bare-upsert.js'], {
		env: { ...process.env, PORT: String(p), DATABASE_URL: databaseUrl, ATTEMPT_ID: attemptId, QUESTION_ID: question },
		stdio: 'inherit'
	});
	try {
		for (let i = 0; i < 100; i++) {
			if (await fetch(`http://127.0.0.1:${p}/`).then((r) => r.ok, () => false)) break;
			await sleep(100);
		}
		const body = new URLSearchParams({ question, ...fields }).toString();
		const headers = { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie };
		const live = () => load(base, `/me/live/${sid}?/answer`, body, headers, appPid);
		const plain = () => load(`http://127.0.0.1:${p}`, '/', body, headers, bare.pid);
		await live();
		await plain();
		const l = [await live(), await live()].reduce((a, b) => (b.rps > a.rps ? b : a));
		const b = [await plain(), await plain()].reduce((a, b) => (b.rps > a.rps ? b : a));
		const floor = await load(base, '/healthz', undefined, { cookie }, appPid, 'GET');
		return { live: l, bare: b, floor };
	} finally {
		bare.kill('SIGTERM');
	}
}

function printThroughput(t) {
	const cpu = (x) => `${x.cpuMs.toFixed(2)} ms CPU each`;
	console.log(`  bare node:http, same one-row upsert   ${t.bare.rps.toFixed(0)} answers/s, p99 ${t.bare.p99} ms, ${cpu(t.bare)}`);
	console.log(`  live answer action                    ${t.live.rps.toFixed(0)} answers/s, p99 ${t.live.p99} ms, ${cpu(t.live)}   ratio ${(t.live.rps / t.bare.rps).toFixed(2)} (by CPU ${(t.bare.cpuMs / t.live.cpuMs).toFixed(2)})   (aim: at least 0.5)`);
	console.log(`  the app's floor: GET /healthz, same cookie ${t.floor.rps.toFixed(0)} requests/s, ${cpu(t.floor)}   (the aim needs at most ${(2 * t.bare.cpuMs).toFixed(2)} ms CPU an answer)`);
}

const NAMES_SQL = `select s.display_name as name from responses r join attempts a on a.id = r.attempt_id
	join students s on s.id = a.student_id where a.live_session_id = $1 and r.question_id = $2`;

async function sqliteRun(count, withBaselines) {
	const file = join(mkdtempSync(join(tmpdir(), 'attribution-lab-live-')), 'kit.db');
	const server = await startAppServer({ port: await port(), databaseUrl: file, env: { RATE_LIMIT_SCALE: '100000' }, nodeArgs: (process.env.LIVE_NODE_ARGS || '').split(' ').filter(Boolean) });
	const db = createClient({ url: `file:${file}` });
	try {
		const saved = async (sid, q) =>
			new Set((await db.execute({ sql: NAMES_SQL.replace('$1', '?').replace('$2', '?'), args: [sid, q] })).rows.map((r) => String(r.name)));
		const { figures, seeded, questions } = await liveRun(server.url, file, [server.pid], 1, count, saved);
		const bare = withBaselines ? await bareFanOut(count, figures.rawEvent) : null;
		const meets = report(`One session on SQLite, one app server`, figures, bare);
		if (withBaselines) {
			const s = seeded.sessions[0];
			const { rows } = await db.execute({
				sql: `select a.id from attempts a join students st on st.id = a.student_id where a.live_session_id = ? and st.display_name = ?`,
				args: [s.sid, 'Student 1-1']
			});
			const second = await questionOnPage(server.url, s.students[0].cookie, s.sid);
			const t = await answerThroughput(server.url, file, s.sid, second, s.students[0].cookie, String(rows[0].id), server.pid);
			console.log(`\nAnswer throughput on SQLite (one student, 10 connections, 8 s, better of two)`);
		printThroughput(t);
			void questions;
		}
		return meets;
	} finally {
		db.close();
		await server.kill('SIGTERM');
	}
}

/** nginx's complaints during the run, counted by kind (an upstream it gave up on explains a 502). */
function reportNginx(log) {
	const kinds = new Map();
	for (const line of log.split('\n').filter(Boolean)) {
		const kind = line.replace(/^\S+ \S+ /, '').replace(/\d+#\d+: \*?\d* ?/, '').replace(/, client: .*$/, '').replace(/127\.0\.0\.1:\d+/g, 'server');
		kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
	}
	console.log(kinds.size === 0 ? '  nginx logged nothing' : `  nginx logged:\n${[...kinds].map(([k, n]) => `    ${n} × ${k.slice(0, 160)}`).join('\n')}`);
}

/**
 * `LIVE_RUNS=answers`: only the answer throughput against the bare upsert, on SQLite, for a
 * session of a few students (quick, for profiling: LIVE_NODE_ARGS="--cpu-prof
 * --cpu-prof-dir=…" is passed to the app server).
 */
async function answersRun() {
	const file = join(mkdtempSync(join(tmpdir(), 'attribution-lab-live-')), 'kit.db');
	const nodeArgs = (process.env.LIVE_NODE_ARGS || '').split(' ').filter(Boolean);
	const server = await startAppServer({ port: await port(), databaseUrl: file, env: { RATE_LIMIT_SCALE: '100000' }, nodeArgs });
	const db = createClient({ url: `file:${file}` });
	try {
		const seeded = await seedSessions(server.url, file, 1, 5);
		const s = seeded.sessions[0];
		const projector = new LiveStream(`${server.url}/teach/live/${s.sid}/events`, seeded.teacher);
		await projector.waitFor((d) => d.version >= 0, 30_000);
		await command(server.url, seeded.teacher, s.sid, 'start', projector.latest.version, COMMAND_TIMEOUT_MS);
		projector.close();
		const q = await questionOnPage(server.url, s.students[0].cookie, s.sid);
		const { rows } = await db.execute({
			sql: `select a.id from attempts a join students st on st.id = a.student_id where a.live_session_id = ? and st.display_name = ?`,
			args: [s.sid, 'Student 1-1']
		});
		const t = await answerThroughput(server.url, file, s.sid, q, s.students[0].cookie, String(rows[0].id), server.pid);
		console.log(`\nAnswer throughput on SQLite (one student, 10 connections, 8 s, better of two)`);
		printThroughput(t);
	} finally {
		db.close();
		await server.kill('SIGTERM');
	}
}

async function clusterRun(sessions, perSession) {
	const cluster = await startCluster({ env: { RATE_LIMIT_SCALE: '100000' } });
	const sql = postgres(cluster.databaseUrl, { max: 2, onnotice: () => {} });
	try {
		const saved = async (sid, q) => new Set((await sql.unsafe(NAMES_SQL, [sid, q])).map((r) => String(r.name)));
		const { figures } = await liveRun(cluster.url, cluster.databaseUrl, cluster.servers.map((s) => s.pid), sessions, perSession, saved);
		const meets = report(`${sessions === 1 ? 'One session' : `${sessions} sessions of ${perSession}`} on PostgreSQL, two app servers behind nginx`, figures, null);
		reportNginx(cluster.nginxLog());
		return meets;
	} finally {
		await sql.end();
		await cluster.stop();
	}
}

console.log(`npm run bench live: simulated students run in this process, each app server in its own;`);
console.log(`this machine has 2 cores, shared by the students, the servers${process.env.LIVE_SKIP_PG ? '' : ', nginx and PostgreSQL'}.`);
const which = (process.env.LIVE_RUNS || 'sqlite,pg,pg4').split(',');
if (which.includes('answers')) await answersRun();
if (which.includes('sqlite')) await sqliteRun(STUDENTS, true);
if (which.includes('pg')) await clusterRun(1, STUDENTS);
if (which.includes('pg4')) await clusterRun(4, Math.round(STUDENTS / 4));
for (const size of (process.env.LIVE_SIZES || '').split(',').filter(Boolean).map(Number)) {
	if (!(size > 0 && size <= 10_000)) throw new Error(`LIVE_SIZES: ${size} is not between 1 and 10000`);
	const meets = await sqliteRun(size, false);
	console.log(`  → ${size} students on SQLite ${meets ? 'meets' : 'misses'} the p95 aims`);
}
process.exit(0); // a projector's long wait (a timer) would otherwise keep the process up for minutes
