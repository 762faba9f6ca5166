// npm run bench: throughput of the reader page against a bare node:http baseline
// measured in the same run, and the reader's JavaScript weight. Needs a build (the npm
// script builds first). Figures are ratios, because these machines are noisy.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startApp, startBare } from './servers.js';
import { scriptWeight } from './script-weight.js';
import { joinAs } from '../tests/cluster/seed.js';

// Named cases run on their own: `npm run bench live` (bench/live.js; minutes, and needs
// nginx and PostgreSQL, so it is not part of the default run) and `npm run bench anchoring`
// (re-anchoring accuracy and speed: pure code, no servers; also at the end of the default run),
// `npm run bench workbench` (import time and editor save latency for a 5,000-word article
// with 200 annotations, each against its bare database baseline; a throwaway SQLite file)
// and `npm run bench dashboards` (bench/dashboards.js: the results dashboards on a district-sized
// data set on both engines; the first run seeds for many minutes, later runs reuse the seed).
const NAMED = { live: 'bench/live.js', anchoring: 'bench/anchoring.js', workbench: 'bench/workbench.js', dashboards: 'bench/dashboards.js' };
const named = process.argv[2];
if (named) {
	if (!(named in NAMED)) {
		console.error(`Unknown bench case "${named}". Named cases: ${Object.keys(NAMED).join(', ')}; or no name for the default run.`);
		process.exit(2);
	}
	const child = spawn(process.execPath, [NAMED[named]], { stdio: 'inherit' });
	child.on('exit', (code) => process.exit(code ?? 1));
	await new Promise(() => {}); // until the case exits
}

const READER = 'articles/mexico-says-no-to-us-troops';
const DURATION = Number(process.env.BENCH_SECONDS || 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);

function load(url, headers = {}) {
	return new Promise((resolve, reject) => {
		autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION }, (error, result) => {
			if (error) reject(error);
			else if (result.non2xx > 0 || result.errors > 0) reject(new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
			else resolve({ rps: result.requests.average, p99: result.latency.p99 });
		});
	});
}

/** A client that posts forms the way a browser does (same Origin, asking for HTML). */
function formPost(base, path, fields, cookie) {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base.replace(/\/$/, ''),
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields).toString()
	});
}

/** Sets the kit up through its forms: an admin and `n` open-join classes; returns their codes. */
async function seedClasses(base, n) {
	const teacher = { email: 'bench@school.test', password: 'bench harbor lantern violet' };
	const setup = await formPost(base, 'setup', { name: 'Bench', ...teacher, mode: 'open' });
	const cookie = setup.headers.get('set-cookie').split(';')[0];
	const codes = [];
	for (let i = 0; i < n; i++) {
		const created = await formPost(base, 'teach?/create', { name: `Bench class ${i}` }, cookie);
		const id = created.headers.get('location').split('/').pop();
		await formPost(base, `teach/classes/${id}?/openJoin`, { open: 'true' }, cookie);
		const exported = await (await fetch(`${base}teach/classes/${id}/export.json`, { headers: { cookie } })).json();
		codes.push(exported.class.joinCode);
	}
	return { teacher, codes };
}

/** Students joining by typing a new name each, spread over the classes. */
function joinLoad(base, codes) {
	let n = 0;
	return new Promise((resolve, reject) => {
		autocannon(
			{
				url: base,
				connections: CONNECTIONS,
				duration: DURATION,
				requests: [
					{
						method: 'POST',
						headers: { origin: base.replace(/\/$/, ''), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
						setupRequest: (req) => {
							n++;
							return { ...req, path: `/join/${codes[n % codes.length]}?/name`, body: `name=Student+${n}` };
						}
					}
				]
			},
			(error, result) => {
				if (error) return reject(error);
				// A join answers 303 (to the student's home); count only those.
				const joined = result['3xx'] ?? 0;
				if (result.non2xx !== joined || result.errors > 0) {
					return reject(new Error(`joins: ${result.non2xx - joined} refused, ${result.errors} errors`));
				}
				resolve({ rps: joined / DURATION, p99: result.latency.p99 });
			}
		);
	});
}

/** Sequential sign-ins, timed from the client. */
async function signInTimes(base, teacher, count) {
	const times = [];
	for (let i = 0; i < count; i++) {
		const start = performance.now();
		const response = await formPost(base, 'signin', teacher);
		if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
		times.push(performance.now() - start);
	}
	return { mean: times.reduce((a, b) => a + b, 0) / count, max: Math.max(...times) };
}

const fmt = (r) => `${r.rps.toFixed(0).padStart(6)} req/s   p99 ${String(r.p99).padStart(4)} ms`;

const app = await startApp({ RATE_LIMIT_SCALE: '100000' });
const uncached = await startApp({ PAGE_CACHE: 'off' });
try {
	const response = await fetch(`${app.url}${READER}`);
	const html = await response.text();
	const weight = await scriptWeight(`${app.url}${READER}`, html, response.headers.get('link'));
	const bare = await startBare(html, response.headers.get('content-type'));
	try {
		// Warm both up, then measure baseline, app, baseline, app and keep each one's better run.
		await load(bare.url);
		await load(`${app.url}${READER}`);
		const runs = { bare: [], app: [] };
		for (let i = 0; i < 2; i++) {
			runs.bare.push(await load(bare.url));
			runs.app.push(await load(`${app.url}${READER}`));
		}
		await load(`${uncached.url}${READER}`);
		const rendered = await load(`${uncached.url}${READER}`);
		const best = (list) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
		const [b, a] = [best(runs.bare), best(runs.app)];
		console.log(`\nReader page (${(html.length / 1024).toFixed(0)} KB of HTML), ${CONNECTIONS} connections, ${DURATION}s runs`);
		console.log(`  bare node:http, same bytes   ${fmt(b)}`);
		console.log(`  Attribution Lab reader       ${fmt(a)}`);
		console.log(`  ratio (app / bare)           ${(a.rps / b.rps).toFixed(2)}   (aim: at least 0.6)`);
		console.log(`  rendered every time          ${fmt(rendered)}   ratio ${(rendered.rps / b.rps).toFixed(2)}`);
		console.log(`  (the app serves public article pages from a cache of their rendered bytes, checked`);
		console.log(`   against the content stamp; teachers get the last line)`);
		console.log(`\nReader JavaScript: ${(weight.gzipBytes / 1024).toFixed(1)} KB gzipped in ${weight.files} files (budget: 40 KB)`);

		const people = await seedClasses(app.url, 25);
		// A whole class opening the article at once, signed in: one shared render, the name filled per request.
		const student = await joinAs(app.url, people.codes[0], 'Reader Student');
		await load(`${app.url}${READER}`, { cookie: student });
		const signedIn = await load(`${app.url}${READER}`, { cookie: student });
		console.log(`\nSigned-in reader (a student's session cookie), ${CONNECTIONS} connections, ${DURATION}s`);
		console.log(`  ${fmt(signedIn)}   ratio to bare ${(signedIn.rps / b.rps).toFixed(2)}   (aim: at least 0.6)`);
		console.log('  (the page is rendered once for every signed-in student; each request checks the session and fills in the name)');
		const joins = await joinLoad(app.url, people.codes);
		console.log(`\nStudents joining (open join, typed names, new device each), ${CONNECTIONS} connections, ${DURATION}s`);
		console.log(`  ${fmt(joins)}   = ${joins.rps.toFixed(0)} joins/s   (${(joins.rps / b.rps).toFixed(3)} of the bare baseline's requests/s)`);
		const signIn = await signInTimes(app.url, people.teacher, 20);
		console.log(`\nTeacher sign-in, 20 in a row: mean ${signIn.mean.toFixed(0)} ms, slowest ${signIn.max.toFixed(0)} ms`);
		console.log('  (deliberately slow: argon2id with 19 MiB and 2 passes makes each password guess cost the same)');
	} finally {
		bare.stop();
	}
} finally {
	app.stop();
	uncached.stop();
}

// Answer saving on both engines, each in its own process (PostgreSQL on a throwaway server).
const run = (command, args) =>
	new Promise((resolve) => spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: '' } }).on('exit', resolve));
await run(process.execPath, ['bench/answers.js']);
// Backup time and size with 100,000 responses, and answers during backups (bench/backup.js).
await run(process.execPath, ['bench/backup.js']);
// Joining and signing in during guessing floods, against the real limits (bench/floods.js).
await run(process.execPath, ['bench/floods.js']);
// Re-anchoring accuracy on the edit corpus, and its speed against indexOf (bench/anchoring.js).
await run(process.execPath, ['bench/anchoring.js']);
const pgBin = ['/usr/local/bin', '/usr/lib/postgresql/15/bin'].find((d) => existsSync(`${d}/initdb`));
if (pgBin) {
	await run('scripts/with-postgres.sh', ['sh', '-c', 'DATABASE_URL="$TEST_DATABASE_URL" node bench/answers.js']);
} else {
	console.log('\nSaving answers on PostgreSQL: not measured (no initdb found; install postgresql).');
}
