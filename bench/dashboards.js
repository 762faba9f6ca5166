// `npm run bench dashboards`: the results dashboards on a district-sized data set, on
// SQLite and on PostgreSQL. In one run, per engine:
//  - the data set (bench/dashboards-seed.ts, through the domain layer): DASH_CLASSES (100)
//    classes × DASH_STUDENTS (30) students × DASH_ASSIGNMENTS (10) assignments of an
//    18-question quiz, about 540,000 responses, kept between runs (see CACHE below);
//  - every dashboard page in PAGES over HTTP against the built app, signed in as the class's
//    teacher: p50 and p95 of DASH_REQUESTS requests, one after another, against the page's
//    main query as bare SQL through the driver in the same run (the ratio of the p95s);
//  - answer to dashboard: DASH_LIVE_STUDENTS (500) simulated students answer within 10 s while
//    teachers hold the dashboard's event stream; p50 and p95 from an answer sent to the first
//    event that shows it.
// DASH_ENGINES=sqlite (or postgres) runs one engine; DASH_PARTS=pages (or live) measures one part. PostgreSQL is DASH_PG_URL's server when
// set (its seeded database is kept there between runs), otherwise a throwaway server
// (scripts/with-postgres.sh) seeded afresh. CLUSTER_PORT_BASE gives the app servers their ports.
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createClient } from '@libsql/client';
import postgres from 'postgres';
import { createServer } from 'vite';
import { port, startAppServer } from '../tests/cluster/cluster.js';
import { answer, postForm } from '../tests/cluster/live-clients.js';
import { command, formPost, questionOnPage, seedClass, sessionCookie, startLive } from '../tests/cluster/seed.js';
import { addSignedInStudents } from './live-seed.js';

const PLAN = {
	classes: Number(process.env.DASH_CLASSES || 100),
	students: Number(process.env.DASH_STUDENTS || 30),
	assignments: Number(process.env.DASH_ASSIGNMENTS || 10),
	classesPerTeacher: 5,
	liveEvery: 25,
	concurrency: 1
};
const REQUESTS = Number(process.env.DASH_REQUESTS || 40);
const LIVE_STUDENTS = Number(process.env.DASH_LIVE_STUDENTS || 500);
const DASHBOARD_STREAMS = 3;
const ANSWER_WINDOW_MS = 10_000;
const AIM_P95_MS = 200;
/** What to measure after seeding: `pages`, `live` (answer to dashboard), or both. */
const PARTS = (process.env.DASH_PARTS || 'pages,live').split(',');
/** Seeded databases are kept here (gitignored), named by seed version and size. */
const CACHE = 'bench/.cache';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The dashboard's "results changed" event stream for one assignment (dash-question's
 * transport). Until that route answers, answer-to-dashboard is measured on the stream that
 * exists: a live session's teacher stream (/teach/live/[sid]/events).
 */
const RESULTS_EVENTS = (ids) => `/teach/results/assignment/${ids.assignmentId}/events`;
/** The page an open dashboard re-reads when told its results changed. */
const RESULTS_PAGE = (ids) => `/teach/results/assignment/${ids.assignmentId}`;

/**
 * A dashboard re-reading its page on each signal, as the browser's page does: one read at a
 * time, and one more after it when signals came meanwhile. `reads` holds each read's start and end.
 */
function rereader(url, cookie) {
	const reads = [];
	let running = false;
	let again = false;
	const run = async () => {
		running = true;
		do {
			again = false;
			const startedAt = performance.now();
			await fetch(url, { headers: { cookie } }).then((r) => r.arrayBuffer(), () => null);
			reads.push({ startedAt, doneAt: performance.now() });
		} while (again);
		running = false;
	};
	return { reads, signal: () => (running ? (again = true) : void run()) };
}

/**
 * Bare SQL baselines: what a page's main query reads, through the driver with no app around
 * it. `$1`… are the arguments (rewritten to `?` for SQLite).
 */
const BARE = {
	assignmentGrid: {
		sql: [
			'select * from quiz_questions where quiz_id = $2 order by sort',
			'select * from students where class_id = $3 order by display_name',
			'select * from attempts where assignment_id = $1',
			'select r.* from responses r join attempts a on a.id = r.attempt_id where a.assignment_id = $1'
		],
		args: (s) => [s.assignmentId, s.quizId, s.classId]
	},
	liveResults: {
		sql: [
			'select * from students where class_id = $2 order by display_name',
			'select * from attempts where live_session_id = $1',
			'select r.id, r.attempt_id, r.question_id, r.fraction, r.marks, r.certainty from responses r join attempts a on a.id = r.attempt_id where a.live_session_id = $1'
		],
		args: (s) => [s.liveId, s.classId]
	},
	classPage: {
		sql: [
			'select a.*, q.title from assignments a join quizzes q on q.id = a.quiz_id where a.class_id = $1 order by a.created_at desc',
			'select distinct t.assignment_id, t.student_id from attempts t join assignments a on a.id = t.assignment_id where a.class_id = $1',
			'select * from students where class_id = $1 order by display_name',
			'select l.id, q.title, l.created_at, l.ended_at from live_sessions l join quizzes q on q.id = l.quiz_id where l.class_id = $1',
			'select t.live_session_id from attempts t join live_sessions l on l.id = t.live_session_id where l.class_id = $1 and t.removed_at is null'
		],
		args: (s) => [s.classId]
	},
	roster: { sql: ['select * from students where class_id = $1 order by display_name'], args: (s) => [s.classId] },
	// For the pages being built (issue 11), what their main queries have to read, written
	// over the plain answer columns; the lead may replace each with the page's own query at merge.
	overview: {
		sql: [
			`select r.question_id, count(*) as answered, sum(r.fraction) as score, sum(case when r.certainty = 3 and r.fraction < 0.5 then 1 else 0 end) as sure_wrong
			from responses r join attempts a on a.id = r.attempt_id where a.assignment_id = $1 group by r.question_id`
		],
		args: (s) => [s.assignmentId]
	},
	question: {
		sql: [
			`select r.choice, count(*) as n, avg(r.certainty) as certainty from responses r join attempts a on a.id = r.attempt_id
			where a.assignment_id = $1 and r.question_id = $2 group by r.choice`,
			`select s.display_name, r.choice, r.certainty, r.fraction from responses r join attempts a on a.id = r.attempt_id join students s on s.id = a.student_id
			where a.assignment_id = $1 and r.question_id = $2`
		],
		args: (s) => [s.assignmentId, s.questionId]
	},
	questions: {
		sql: [
			`select r.question_id, r.choice, r.choices, count(*) as n from responses r join attempts a on a.id = r.attempt_id
			where a.assignment_id = $1 group by r.question_id, r.choice, r.choices`
		],
		args: (s) => [s.assignmentId]
	},
	student: {
		sql: ['select * from attempts where assignment_id = $1 and student_id = $2', 'select r.* from responses r join attempts a on a.id = r.attempt_id where a.assignment_id = $1 and a.student_id = $2'],
		args: (s) => [s.assignmentId, s.studentId]
	},
	claims: {
		sql: [
			`select r.claim_id, q.type, r.choice, count(*) as n from responses r join attempts a on a.id = r.attempt_id join quiz_questions q on q.id = r.question_id
			where a.assignment_id = $1 and q.type in ('who-said-it', 'whose-voice') group by r.claim_id, q.type, r.choice`
		],
		args: (s) => [s.assignmentId]
	},
	passage: {
		sql: [
			'select r.claim_id, count(*) as n, sum(r.fraction) as score from responses r join attempts a on a.id = r.attempt_id where a.assignment_id = $1 group by r.claim_id',
			'select r.span_start, r.span_end from responses r join attempts a on a.id = r.attempt_id where a.assignment_id = $1 and r.span_start is not null'
		],
		args: (s) => [s.assignmentId]
	},
	liveOverview: {
		sql: [
			`select r.question_id, count(*) as answered, sum(r.fraction) as score from responses r join attempts a on a.id = r.attempt_id
			where a.live_session_id = $1 and a.removed_at is null group by r.question_id`
		],
		args: (s) => [s.liveId]
	},
	classStudents: {
		sql: [
			`select a.student_id, a.assignment_id, count(r.id) as answered, sum(r.marks) as marks, sum(case when r.fraction is null then 1 else 0 end) as to_grade
			from assignments t join attempts a on a.assignment_id = t.id join responses r on r.attempt_id = a.id where t.class_id = $1 group by a.student_id, a.assignment_id`
		],
		args: (s) => [s.classId]
	},
	classClaims: {
		sql: [
			`select r.claim_id, count(*) as n, sum(r.fraction) as score from assignments t join attempts a on a.assignment_id = t.id join responses r on r.attempt_id = a.id
			where t.class_id = $1 group by r.claim_id`,
			`select r.claim_id, count(*) as n, sum(r.fraction) as score from live_sessions l join attempts a on a.live_session_id = l.id join responses r on r.attempt_id = a.id
			where l.class_id = $1 and a.removed_at is null group by r.claim_id`
		],
		args: (s) => [s.classId]
	},
	toGrade: {
		sql: [
			'select * from classes where teacher_id = $1 order by name',
			`select t.class_id, count(*) as n from classes c join assignments t on t.class_id = c.id join attempts a on a.assignment_id = t.id join responses r on r.attempt_id = a.id
			join quiz_questions q on q.id = r.question_id where c.teacher_id = $1 and q.type = 'short-answer' and r.graded_at is null group by t.class_id`
		],
		args: (s) => [s.teacherId]
	}
};

/**
 * Every dashboard page: a name, its address from the seeded ids, and its bare baseline (null
 * until someone writes it: the page is timed, the ratio left out). A page that answers 404
 * is "not built yet" and skipped. `scope`: one class's assignment or session, or class-wide.
 */
const PAGES = [
	{ name: 'assignment results grid', scope: 'one', url: (s) => `/teach/classes/${s.classId}/assignments/${s.assignmentId}`, bare: BARE.assignmentGrid },
	{ name: 'assignment results.csv', scope: 'one', url: (s) => `/teach/classes/${s.classId}/assignments/${s.assignmentId}/results.csv`, bare: BARE.assignmentGrid },
	{ name: 'live session results', scope: 'one', url: (s) => `/teach/live/${s.liveId}/results`, bare: BARE.liveResults },
	{ name: 'live session results.csv', scope: 'one', url: (s) => `/teach/live/${s.liveId}/results.csv`, bare: BARE.liveResults },
	{ name: 'results overview', scope: 'one', url: (s) => `/teach/results/assignment/${s.assignmentId}`, bare: BARE.overview },
	{ name: 'per question', scope: 'one', url: (s) => `/teach/results/assignment/${s.assignmentId}/questions/${s.questionId}`, bare: BARE.question },
	{ name: 'per question .csv', scope: 'one', url: (s) => `/teach/results/assignment/${s.assignmentId}/questions/${s.questionId}.csv`, bare: BARE.question },
	{ name: 'questions.csv', scope: 'one', url: (s) => `/teach/results/assignment/${s.assignmentId}/questions.csv`, bare: BARE.questions },
	{ name: 'per student', scope: 'one', url: (s) => `/teach/results/assignment/${s.assignmentId}/students/${s.studentId}`, bare: BARE.student },
	{ name: 'per student .csv', scope: 'one', url: (s) => `/teach/results/assignment/${s.assignmentId}/students/${s.studentId}.csv`, bare: BARE.student },
	{ name: 'claims (confusion)', scope: 'one', url: (s) => `/teach/results/assignment/${s.assignmentId}/claims`, bare: BARE.claims },
	{ name: 'claims.csv', scope: 'one', url: (s) => `/teach/results/assignment/${s.assignmentId}/claims.csv`, bare: BARE.claims },
	{ name: 'passage (shaded, heat map)', scope: 'one', url: (s) => `/teach/results/assignment/${s.assignmentId}/passage`, bare: BARE.passage },
	{ name: 'passage.csv', scope: 'one', url: (s) => `/teach/results/assignment/${s.assignmentId}/passage.csv`, bare: BARE.passage },
	{ name: 'live: results overview', scope: 'one', url: (s) => `/teach/results/live/${s.liveId}`, bare: BARE.liveOverview },
	{ name: 'live: claims', scope: 'one', url: (s) => `/teach/results/live/${s.liveId}/claims`, bare: null },
	{ name: 'live: passage', scope: 'one', url: (s) => `/teach/results/live/${s.liveId}/passage`, bare: null },
	{ name: 'class page', scope: 'class', url: (s) => `/teach/classes/${s.classId}`, bare: BARE.classPage },
	{ name: 'class export.csv', scope: 'class', url: (s) => `/teach/classes/${s.classId}/export.csv`, bare: BARE.roster },
	{ name: 'teacher home (to grade)', scope: 'class', url: () => '/teach', bare: BARE.toGrade },
	{ name: 'students by assignments', scope: 'class', url: (s) => `/teach/classes/${s.classId}/students`, bare: BARE.classStudents },
	{ name: 'students by assignments .csv', scope: 'class', url: (s) => `/teach/classes/${s.classId}/students.csv`, bare: BARE.classStudents },
	{ name: 'per claim across the class', scope: 'class', url: (s) => `/teach/classes/${s.classId}/claims`, bare: BARE.classClaims },
	{ name: 'per claim across the class .csv', scope: 'class', url: (s) => `/teach/classes/${s.classId}/claims.csv`, bare: BARE.classClaims }
];

/** The p-th percentile (nearest rank) of `list`. */
function pct(list, p) {
	if (list.length === 0) return NaN;
	const sorted = [...list].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (n) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms` : '–');
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The seed module (TypeScript, importing src/lib), through Vite's SSR loader. */
async function seedModule() {
	const root = process.cwd();
	const vite = await createServer({
		configFile: false,
		root,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false },
		optimizeDeps: { noDiscovery: true, include: [] },
		resolve: { alias: { $lib: `${root}/src/lib` } }
	});
	return { module: await vite.ssrLoadModule('/bench/dashboards-seed.ts'), close: () => vite.close() };
}

/** Seeds (or reuses, or finishes) the data set at `databaseUrl`; returns the manifest and the seed's figures. */
async function seeded(databaseUrl, manifestPath, engine) {
	const { module, close } = await seedModule();
	try {
		const before = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
		const plan = { ...PLAN, concurrency: engine === 'PostgreSQL' ? 8 : 1 };
		if (before?.complete) {
			console.log(`  reusing the seeded data set (${before.responses.toLocaleString('en')} responses, seeded in ${(before.seconds / 60).toFixed(1)} min; ${manifestPath})`);
			// Through the seed all the same: opening it applies newer migrations before the app starts.
			return module.seedDistrict(databaseUrl, plan, manifestPath, (line) => console.log(line));
		}
		console.log(`  seeding ${PLAN.classes} classes × ${PLAN.students} students × ${PLAN.assignments} assignments of 18 questions on ${engine}, through the domain layer:`);
		const manifest = await module.seedDistrict(databaseUrl, plan, manifestPath, (line) => console.log(line));
		console.log(`  seeded: ${manifest.responses.toLocaleString('en')} responses in ${(manifest.seconds / 60).toFixed(1)} min (${(manifest.responses / manifest.seconds).toFixed(0)} responses/s)`);
		return manifest;
	} finally {
		await close();
	}
}

/**
 * A statement's text with its `$n` numbered 1, 2, … in order of first use, and the arguments
 * to match: each baseline statement names only some of the page's arguments.
 */
function numbered(text, args) {
	const used = [];
	const sql = text.replace(/\$(\d+)/g, (_, n) => {
		if (!used.includes(Number(n))) used.push(Number(n));
		return `$${used.indexOf(Number(n)) + 1}`;
	});
	return { sql, args: used.map((n) => args[n - 1]) };
}

/** A bare driver for the baselines: `run(sql, args)`, on the engine of `databaseUrl`. */
function bareDriver(databaseUrl) {
	if (databaseUrl.startsWith('postgres')) {
		const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
		const run = (text, args) => {
			const n = numbered(text, args);
			return client.unsafe(n.sql, n.args);
		};
		return {
			run,
			explain: async (text, args) => (await run(`explain ${text}`, args)).map((r) => r['QUERY PLAN']),
			close: () => client.end()
		};
	}
	const db = createClient({ url: `file:${databaseUrl}` });
	// SQLite takes positional `?`: repeat the arguments in the order the text names them.
	const positional = (text, args) => ({ sql: text.replace(/\$\d+/g, '?'), args: [...text.matchAll(/\$(\d+)/g)].map((m) => args[Number(m[1]) - 1]) });
	return {
		run: (text, args) => db.execute(positional(text, args)),
		explain: async (text, args) => {
			const p = positional(text, args);
			return (await db.execute({ ...p, sql: `explain query plan ${p.sql}` })).rows.map((r) => String(r.detail));
		},
		close: () => db.close()
	};
}

/** The ids the pages are built from: the first class, its last closed assignment, its live session. */
async function sampleIds(manifest, bare) {
	const cls = manifest.classes.find((c) => c.live.length > 0) ?? manifest.classes[0];
	const teacher = manifest.teachers[cls.teacher];
	const assignmentId = cls.assignments.at(-2) ?? cls.assignments[0];
	const rows = async (text, args) => {
		const result = await bare.run(text, args);
		return Array.isArray(result) ? result : result.rows;
	};
	const questions = await rows('select id, type, claim_id from quiz_questions where quiz_id = $1 order by sort', [teacher.quizId]);
	const question = questions.find((q) => q.type === 'who-said-it') ?? questions[0];
	return {
		teacherId: teacher.id,
		email: teacher.email,
		quizId: teacher.quizId,
		classId: cls.id,
		assignmentId,
		liveId: cls.live[0] ?? '',
		studentId: cls.students[0],
		questionId: question.id,
		claimId: question.claim_id
	};
}

/** Signs the teacher in through the sign-in form; returns the session cookie. */
async function signIn(base, email, password) {
	const response = await formPost(base, '/signin', { email, password });
	if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
	return sessionCookie(response);
}

/** Every page in PAGES, timed against its bare baseline; returns the rows reported. */
async function timePages(base, cookie, ids, bare) {
	const results = [];
	for (const page of PAGES) {
		const url = `${base}${page.url(ids)}`;
		const get = async () => {
			const response = await fetch(url, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
			const body = await response.arrayBuffer();
			return { status: response.status, bytes: body.byteLength };
		};
		const first = await get();
		if (first.status === 404) {
			results.push({ page, skipped: 'not built yet (404)' });
			continue;
		}
		if (first.status !== 200) throw new Error(`${page.name}: ${url} answered ${first.status}`);
		// The page and its baseline take turns, so a burst of load elsewhere on the machine
		// falls on both alike.
		const args = page.bare?.args(ids);
		const times = [];
		const bareTimes = [];
		for (let i = -3; i < REQUESTS; i++) {
			let t0 = performance.now();
			const r = await get();
			if (r.status !== 200) throw new Error(`${page.name} answered ${r.status}`);
			if (i >= 0) times.push(performance.now() - t0);
			if (!page.bare) continue;
			t0 = performance.now();
			for (const text of page.bare.sql) await bare.run(text, args);
			if (i >= 0) bareTimes.push(performance.now() - t0);
		}
		const bareP95 = pct(bareTimes, 95);
		const bareP50 = pct(bareTimes, 50);
		results.push({ page, bytes: first.bytes, p50: pct(times, 50), p95: pct(times, 95), bareP50, bareP95 });
	}
	return results;
}

function reportPages(engine, results) {
	console.log(`\nDashboard pages on ${engine}, signed in as the class's teacher, ${REQUESTS} requests each, one at a time`);
	console.log(`  (load average ${loadavg().map((n) => n.toFixed(1)).join(', ')} on ${cpus().length} cores: other work on the machine shows in every figure)`);
	console.log(`  ${'page'.padEnd(32)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}   ${'bare SQL p50'.padStart(12)} ${'p95'.padStart(8)}   ratio (p95)   size`);
	for (const scope of ['one', 'class']) {
		console.log(scope === 'one' ? '  for one assignment or live session:' : '  class-wide:');
		for (const r of results.filter((x) => x.page.scope === scope)) {
			if (r.skipped) {
				console.log(`    ${r.page.name.padEnd(30)} ${r.skipped}`);
				continue;
			}
			const ratio = Number.isFinite(r.bareP95) ? `${(r.p95 / r.bareP95).toFixed(1)}×`.padStart(8) : '  (no baseline yet)';
			const aim = r.p95 <= AIM_P95_MS ? '' : `   MISSES p95 ≤ ${AIM_P95_MS} ms`;
			console.log(
				`    ${r.page.name.padEnd(30)} ${ms(r.p50).padStart(8)} ${ms(r.p95).padStart(8)}   ${ms(r.bareP50).padStart(12)} ${ms(r.bareP95).padStart(8)}   ${ratio.padEnd(11)}   ${(r.bytes / 1024).toFixed(0)} KB${aim}`
			);
		}
	}
}

/** Tables that grow with every answer: a whole read of one of these is what an index must spare. */
const LARGE = new Set(['responses', 'attempts']);

/** The query plans of the baselines, where a large table is read whole: candidates for an index. */
async function reportScans(bare, ids) {
	const seen = new Set();
	const lines = [];
	for (const page of PAGES) {
		if (!page.bare) continue;
		for (const text of page.bare.sql) {
			if (seen.has(text)) continue;
			seen.add(text);
			// SQLite names a table by its alias in the plan ("SCAN r"), PostgreSQL by its name.
			const tables = new Map([...text.matchAll(/(?:from|join)\s+(\w+)(?:\s+(?!on\b|where\b|join\b|group\b|order\b)(\w+))?/gi)].flatMap((m) => [[m[1], m[1]], [m[2] ?? m[1], m[1]]]));
			const plan = await bare.explain(text, page.bare.args(ids));
			const scans = plan.filter((line) => {
				const scan = /^(?:->\s*)?(?:SCAN (\w+)(?!.*USING)|Seq Scan on (\w+))/.exec(line.trim());
				return scan && LARGE.has(tables.get(scan[1] ?? scan[2]) ?? scan[2]);
			});
			if (scans.length) lines.push(`    ${text.replace(/\s+/g, ' ').slice(0, 90)}…\n      ${scans.map((s) => s.trim()).join('\n      ')}`);
		}
	}
	console.log(lines.length ? `  whole reads of responses or attempts in the baselines' plans:\n${lines.join('\n')}` : '  no baseline query reads responses or attempts whole');
}

/**
 * An event stream as the dashboard holds it: every event's arrival time (and its data,
 * parsed when it is JSON). Reconnects are not needed for a ten-second window.
 */
function openStream(url, cookie, onEvent = () => {}) {
	const events = [];
	let buffer = '';
	let open = false;
	const request = http.get(url, { headers: { accept: 'text/event-stream', cookie } }, (response) => {
		open = response.statusCode === 200;
		response.setEncoding('utf8');
		response.on('data', (chunk) => {
			buffer += chunk;
			let end;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const data = block
					.split('\n')
					.filter((l) => l.startsWith('data:'))
					.map((l) => l.slice(5).trimStart())
					.join('\n');
				if (!data) continue;
				let parsed = null;
				try {
					parsed = JSON.parse(data);
				} catch {
					// a plain "changed" ping
				}
				events.push({ at: performance.now(), data: parsed });
				onEvent();
			}
		});
	});
	request.on('error', () => {});
	return { events, isOpen: () => open, close: () => request.destroy() };
}

/**
 * Answer to dashboard: LIVE_STUDENTS signed-in students in a class of their own answer within
 * 10 s while DASHBOARD_STREAMS teacher streams are open. Each answer's latency is from its
 * sending to the first event on a stream that shows it: one counting at least as many answers
 * (a stream that counts, as the live session's), else the first event after its acknowledgement.
 */
async function answerToDashboard(base, databaseUrl, cookie, ids) {
	const cls = await seedClass(base, cookie, 'Answer-to-dashboard class');
	const students = await addSignedInStudents(databaseUrl, cls.id, LIVE_STUDENTS, 'Bench student ');
	// The dashboard's own transport, once it exists: the assignment's "results changed" stream.
	const pad = (n) => String(n).padStart(2, '0');
	const local = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
	const assigned = await formPost(
		base,
		`/teach/classes/${cls.id}/assign`,
		{ quiz: ids.quizId, opensAt: local(new Date(Date.now() - 3600_000)), closesAt: local(new Date(Date.now() + 24 * 3600_000)), maxAttempts: '1', feedback: 'after-submit' },
		cookie
	);
	if (assigned.status !== 303) throw new Error(`assigning answered ${assigned.status}`);
	const assignmentId = String(assigned.headers.get('location')).split('/').pop().split('?')[0];
	const probe = await fetch(`${base}${RESULTS_EVENTS({ assignmentId })}`, { headers: { cookie, accept: 'text/event-stream' }, signal: AbortSignal.timeout(3000) }).catch(() => null);
	const hasResultsEvents = probe?.status === 200;
	await probe?.body?.cancel().catch(() => {});

	let streamUrl;
	/** Sends one student's answer; resolves true when acknowledged. */
	let send;
	let transport;
	if (hasResultsEvents) {
		transport = `the assignment's results stream (${RESULTS_EVENTS({ assignmentId: '[aid]' })})`;
		streamUrl = `${base}${RESULTS_EVENTS({ assignmentId })}`;
		// Each student starts an attempt and reads the first question's form beforehand.
		const forms = new Map();
		const pool = [...students];
		await Promise.all(
			Array.from({ length: 8 }, async () => {
				for (let s = pool.shift(); s; s = pool.shift()) {
					await formPost(base, `/me/assignments/${assignmentId}?/start`, {}, s.cookie);
					const html = await (await fetch(`${base}/me/assignments/${assignmentId}/1`, { headers: { cookie: s.cookie } })).text();
					const field = (name) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
					const choice = /type="radio" name="choice" value="([^"]+)"/.exec(html)?.[1];
					forms.set(s.name, { attempt: field('attempt'), question: field('question'), ...(choice ? { choice } : { text: 'Nobody is named.' }), certainty: '2' });
				}
			})
		);
		send = async (s) => {
			const { status } = await postForm(`${base}/me/assignments/${assignmentId}/1?/answer`, forms.get(s.name), s.cookie);
			return status === 303 || status;
		};
	} else {
		// Until then: a live session of the same class, and the teacher's stream of it.
		const sid = await startLive(base, cookie, cls.id, ids.quizId);
		transport = `not built yet: ${RESULTS_EVENTS({ assignmentId: '[aid]' })} answered ${probe?.status ?? 'nothing'}; measured on the live session's teacher stream (/teach/live/[sid]/events)`;
		streamUrl = `${base}/teach/live/${sid}/events`;
		const first = openStream(streamUrl, cookie);
		for (let i = 0; i < 100 && first.events.length === 0; i++) await sleep(50);
		await command(base, cookie, sid, 'start', first.events.at(-1)?.data?.version ?? 0);
		first.close();
		const q = await questionOnPage(base, students[0].cookie, sid);
		send = async (s) => {
			const result = await answer(base, s.cookie, sid, q.id, q.fields);
			return result.acknowledged || result.status;
		};
	}
	// With the results stream, each dashboard re-reads its page on a signal; the live stream carries the counts itself.
	const readers = Array.from({ length: DASHBOARD_STREAMS }, () => (hasResultsEvents ? rereader(`${base}${RESULTS_PAGE({ assignmentId })}`, cookie) : null));
	const streams = readers.map((reader) => openStream(streamUrl, cookie, () => reader?.signal()));
	for (let i = 0; i < 100 && !streams.every((s) => s.isOpen() && s.events.length > 0); i++) await sleep(50);
	const startCount = (s) => s.events.length;
	const marks = streams.map(startCount);
	const sends = [];
	let refused = 0;
	/** Why answers failed: an HTTP status, or the client's error (a timeout). */
	const failures = new Map();
	await Promise.all(
		students.map(async (s) => {
			await sleep(Math.random() * ANSWER_WINDOW_MS);
			const sent = performance.now();
			const ok = await send(s).catch((error) => (/no answer within/.test(String(error?.message)) ? 'timeout' : String(error?.code ?? error)));
			if (ok === true) sends.push({ sent, at: performance.now() });
			else {
				refused++;
				failures.set(ok, (failures.get(ok) ?? 0) + 1);
			}
		})
	);
	await sleep(2000); // the streams catch up (updates are coalesced)
	const latencies = [];
	const reread = [];
	sends.sort((a, b) => a.at - b.at);
	for (const [i, stream] of streams.entries()) {
		const events = stream.events.slice(marks[i]);
		const counts = events.every((e) => typeof e.data?.answered === 'number');
		sends.forEach(({ sent, at }, k) => {
			// Commits happen in acknowledgement order, so the k-th acknowledged answer shows in
			// the first update counting k+1 answers that arrived after it was sent.
			const shown = counts ? events.find((e) => e.data.answered >= k + 1 && e.at >= sent) : events.find((e) => e.at >= at);
			latencies.push(shown ? shown.at - sent : Infinity);
			// The page read that shows it is the first one begun after the answer was saved.
			const read = readers[i]?.reads.find((r) => r.startedAt >= at);
			if (readers[i]) reread.push(read ? read.doneAt - sent : Infinity);
		});
		stream.close();
	}
	return { transport, acknowledged: sends.length, refused, failures: [...failures].map(([why, n]) => `${n} × ${why}`).join(', '), latencies, reread, events: streams.map((s, i) => s.events.length - marks[i]) };
}

/** One engine: seed (or reuse), start the built app on it, time the pages and the live update. */
async function engineRun(engine, databaseUrl, manifestPath, sizeOf) {
	console.log(`\n${engine}:`);
	const seedStart = performance.now();
	const manifest = await seeded(databaseUrl, manifestPath, engine);
	const seedWall = (performance.now() - seedStart) / 1000;
	console.log(`  database size: ${mb(await sizeOf())}`);
	const server = await startAppServer({ port: await port(), databaseUrl, env: { RATE_LIMIT_SCALE: '100000' } });
	const bare = bareDriver(databaseUrl);
	try {
		// A settled PostgreSQL has statistics (autovacuum gathers them); a fresh seed may not yet.
		if (engine === 'PostgreSQL') await bare.run('analyze', []);
		const ids = await sampleIds(manifest, bare);
		const cookie = await signIn(server.url, ids.email, manifest.password);
		const results = PARTS.includes('pages') ? await timePages(server.url, cookie, ids, bare) : [];
		if (PARTS.includes('pages')) {
			reportPages(engine, results);
			await reportScans(bare, ids);
		}
		if (!PARTS.includes('live')) return { engine, manifest, seedWall, results };
		const live = await answerToDashboard(server.url, databaseUrl, cookie, ids);
		console.log(`\nAnswer to dashboard on ${engine}: ${LIVE_STUDENTS} students answering within ${ANSWER_WINDOW_MS / 1000} s, ${DASHBOARD_STREAMS} dashboards open`);
		console.log(`  transport: ${live.transport}`);
		console.log(`  ${live.acknowledged} answers acknowledged, ${live.refused} refused${live.failures ? ` (${live.failures})` : ''}; events per dashboard: ${live.events.join(', ')}`);
		const p95 = pct(live.latencies, 95);
		console.log(`  answer → event on the dashboard's stream: p50 ${ms(pct(live.latencies, 50))}, p95 ${ms(p95)}, max ${ms(Math.max(...live.latencies))}`);
		if (live.reread.length) {
			console.log(`  answer → dashboard page re-read and showing it: p50 ${ms(pct(live.reread, 50))}, p95 ${ms(pct(live.reread, 95))}, max ${ms(Math.max(...live.reread))}`);
		}
		return { engine, manifest, seedWall, results, live };
	} finally {
		await bare.close();
		await server.kill('SIGTERM');
	}
}

// The seed's version names the kept database; read from its source so that naming it needs no Vite.
const SEED_VERSION = Number(/export const SEED_VERSION = (\d+)/.exec(readFileSync('bench/dashboards-seed.ts', 'utf8'))[1]);
// Not named by the schema: opening a kept database applies newer migrations to it, which
// backfill what they add (as they do for a school's own data).
const name = `dashboards-v${SEED_VERSION}-${PLAN.classes}x${PLAN.students}x${PLAN.assignments}`;
mkdirSync(CACHE, { recursive: true });
const engines = (process.env.DASH_ENGINES || 'sqlite,postgres').split(',');

if (engines.includes('sqlite')) {
	const file = `${CACHE}/${name}.db`;
	const manifestPath = `${file}.json`;
	// A manifest without its database (removed by hand) is worth nothing.
	if (!existsSync(file)) rmSync(manifestPath, { force: true });
	const sizeOf = async () => {
		// The file alone, once the write-ahead log is folded in (a migration leaves a large one).
		const db = createClient({ url: `file:${file}` });
		await db.execute('pragma wal_checkpoint(truncate)');
		db.close();
		return statSync(file).size;
	};
	await engineRun('SQLite', file, manifestPath, sizeOf);
}

if (engines.includes('postgres')) {
	if (process.env.DASH_PG_URL) {
		const server = new URL(process.env.DASH_PG_URL);
		const database = name.replace(/-/g, '_');
		const admin = postgres(process.env.DASH_PG_URL, { max: 1, onnotice: () => {} });
		const [exists] = await admin`select 1 from pg_database where datname = ${database}`;
		const manifestPath = `${CACHE}/${name}-pg-${server.hostname}-${server.port}.json`;
		if (!exists) {
			await admin.unsafe(`create database ${database}`);
			rmSync(manifestPath, { force: true });
		}
		await admin.end();
		const url = new URL(process.env.DASH_PG_URL);
		url.pathname = `/${database}`;
		const sizeOf = async () => {
			const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
			const [row] = await sql`select pg_database_size(current_database())::bigint as n`;
			await sql.end();
			return Number(row.n);
		};
		await engineRun('PostgreSQL', url.toString(), manifestPath, sizeOf);
	} else {
		// A throwaway server for this run: seeded afresh, gone afterwards.
		const code = await new Promise((resolve) =>
			spawn('scripts/with-postgres.sh', ['sh', '-c', 'DASH_PG_URL="$TEST_DATABASE_URL" DASH_ENGINES=postgres node bench/dashboards.js'], { stdio: 'inherit' }).on('exit', resolve)
		);
		if (code !== 0) process.exit(code ?? 1);
	}
}
