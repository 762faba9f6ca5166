// Guessing floods against the real limits (no RATE_LIMIT_SCALE), from many loopback
// addresses (127.0.x.y: the kit counts per client address):
//  (a) students joining with right codes while 10 addresses flood wrong codes: right
//      codes admitted against tried (must be all), and the join rate against the same
//      joins without a flood, measured in the same run;
//  (b) the rightful teacher signing in while 10 addresses guess her password: success
//      rate and latency, from a new address and from a trusted browser (device cookie),
//      against the same sign-ins without a flood.
// Needs a build (npm run bench builds first). Run alone with `node bench/floods.js`.
import { Agent, request } from 'node:http';
import { startApp } from './servers.js';

const JOINS = Number(process.env.BENCH_FLOOD_JOINS || 400);
const CONCURRENCY = Number(process.env.BENCH_CONNECTIONS || 10);
const SIGN_INS = Number(process.env.BENCH_FLOOD_SIGN_INS || 10);
const CLASSES = 25;

const agents = new Map();
/** A keep-alive agent whose connections come from `address`. */
function agentFor(address) {
	if (!agents.has(address)) agents.set(address, new Agent({ keepAlive: true, localAddress: address }));
	return agents.get(address);
}

/** One request from `from`, as a browser's form post or page load would be; resolves with status, headers and body. */
function send(from, base, path, { form, cookie } = {}) {
	const url = new URL(path, base);
	const body = form ? new URLSearchParams(form).toString() : undefined;
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{
				method: body === undefined ? 'GET' : 'POST',
				agent: agentFor(from),
				headers: {
					origin: url.origin,
					accept: 'text/html',
					...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }),
					...(cookie ? { cookie } : {})
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

/** `name=value` of cookie `name` from a response's Set-Cookie lines. */
function cookieFrom(response, name) {
	const line = [response.headers['set-cookie'] ?? []].flat().find((l) => l.startsWith(`${name}=`));
	return line ? line.split(';')[0] : '';
}

const loopbacks = (block, count) => Array.from({ length: count }, (_, i) => `127.0.${block}.${i + 1}`);
const ADMIN = '127.0.0.1';
const TEACHER = { email: 'flood@school.test', password: 'bench harbor lantern violet' };

/** An admin and open-join classes, set up through the kit's forms; returns the admin's cookie and the codes. */
async function seed(base) {
	const setup = await send(ADMIN, base, '/setup', { form: { name: 'Bench', ...TEACHER, mode: 'open' } });
	const cookie = cookieFrom(setup, 'lab_session');
	const codes = [];
	for (let i = 0; i < CLASSES; i++) {
		const created = await send(ADMIN, base, '/teach?/create', { form: { name: `Flood class ${i}` }, cookie });
		const id = created.headers.location.split('/').pop();
		await send(ADMIN, base, `/teach/classes/${id}?/openJoin`, { form: { open: 'true' }, cookie });
		codes.push(JSON.parse((await send(ADMIN, base, `/teach/classes/${id}/export.json`, { cookie })).body).class.joinCode);
	}
	return { cookie, codes };
}

/**
 * `count` students joining as a new device each: the code form, then typing a name,
 * `CONCURRENCY` at a time, spread over `addresses` and the classes.
 */
async function joinMany(base, codes, addresses, count, tag) {
	let next = 0;
	let admitted = 0;
	const refusals = {};
	const start = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < count) {
				const n = next++;
				const from = addresses[n % addresses.length];
				const code = codes[n % codes.length];
				const typed = await send(from, base, '/join?/code', { form: { code } });
				const named = typed.status === 303 ? await send(from, base, `/join/${code}?/name`, { form: { name: `${tag} ${n}` } }) : typed;
				if (named.status === 303) admitted++;
				else refusals[named.status] = (refusals[named.status] ?? 0) + 1;
			}
		})
	);
	const seconds = (performance.now() - start) / 1000;
	return { tried: count, admitted, refusals, perSecond: count / seconds };
}

/** Keeps each of `addresses` sending `attempt(address, i)` one after another until stopped; counts the answers. */
function flood(addresses, attempt) {
	const statuses = {};
	let stopped = false;
	let sent = 0;
	const start = performance.now();
	const loops = addresses.map(async (from) => {
		for (let i = 0; !stopped; i++) {
			const { status } = await attempt(from, i);
			statuses[status] = (statuses[status] ?? 0) + 1;
			sent++;
		}
	});
	return {
		statuses,
		sent: () => sent,
		async stop() {
			stopped = true;
			await Promise.all(loops);
			return { statuses, perSecond: sent / ((performance.now() - start) / 1000) };
		}
	};
}

/** Waits (up to 30 s) until `check()` holds; says so if it never did, since the figures would then be wrong. */
async function until(check, what) {
	for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
	if (!check()) {
		console.error(`  (${what} did not happen within 30 s: the figures below are not under a flood)`);
		process.exitCode = 1;
	}
}

/** Signs the teacher in `count` times in a row, each from `from(i)`; success rate and latency. */
async function signIns(base, count, from, cookie) {
	const times = [];
	let ok = 0;
	for (let i = 0; i < count; i++) {
		const started = performance.now();
		const response = await send(from(i), base, '/signin', { form: TEACHER, cookie });
		times.push(performance.now() - started);
		if (response.status === 303) ok++;
	}
	return { ok, count, mean: times.reduce((a, b) => a + b, 0) / count, max: Math.max(...times) };
}

const app = await startApp({ RATE_LIMIT_SCALE: '1' });
try {
	const base = app.url;
	const { cookie: admin, codes } = await seed(base);

	// (a) Joining. Warm up, measure without a flood, then with one; each run from addresses of its own.
	await joinMany(base, codes, loopbacks(10, 10), 100, 'Warm');
	const calm = await joinMany(base, codes, loopbacks(11, 20), JOINS, 'Calm');
	const wrong = codes[0] === 'ZZZZZZ' ? 'ZZZZZY' : 'ZZZZZZ';
	const codeFlood = flood(loopbacks(20, 10), (from, i) =>
		i % 2 ? send(from, base, `/join/${wrong}`) : send(from, base, '/join?/code', { form: { code: wrong } })
	);
	// Measure once the flood has passed the kit-wide ceiling (every flooding address is then refused).
	await until(() => (codeFlood.statuses[429] ?? 0) >= 10, 'the flood passing the kit-wide ceiling');
	const noticed = (await send(ADMIN, base, '/teach', { cookie: admin })).body.includes('Someone is guessing class codes');
	const flooded = await joinMany(base, codes, loopbacks(12, 20), JOINS, 'Flood');
	const codeStats = await codeFlood.stop();

	console.log(`\nJoining during a wrong-code flood from 10 addresses (real limits), ${CONCURRENCY} joins at a time`);
	console.log(`  flood: ${codeStats.perSecond.toFixed(0)} wrong codes/s answered ${JSON.stringify(codeStats.statuses)}; admin notice shown: ${noticed ? 'yes' : 'NO'}`);
	console.log(`  right codes admitted / tried, no flood     ${calm.admitted} / ${calm.tried}   ${JSON.stringify(calm.refusals)}`);
	console.log(`  right codes admitted / tried, under flood  ${flooded.admitted} / ${flooded.tried}   ${JSON.stringify(flooded.refusals)}`);
	console.log(`  joins/s: no flood ${calm.perSecond.toFixed(1)}, under flood ${flooded.perSecond.toFixed(1)}, ratio ${(flooded.perSecond / calm.perSecond).toFixed(2)}`);
	if (flooded.admitted !== flooded.tried) process.exitCode = 1;

	// (b) Signing in. The teacher's own browser signed in once before: it holds the device cookie.
	const device = cookieFrom(await send('127.0.30.1', base, '/signin', { form: TEACHER }), 'lab_device');
	let fresh = 0;
	const newAddress = () => `127.0.${31 + Math.floor(fresh / 250)}.${(fresh++ % 250) + 1}`;
	await signIns(base, 3, newAddress);
	const calmNew = await signIns(base, SIGN_INS, newAddress);
	const calmTrusted = await signIns(base, SIGN_INS, () => '127.0.30.1', device);
	const passwordFlood = flood(loopbacks(40, 10), (from, i) =>
		send(from, base, '/signin', { form: { email: TEACHER.email, password: `guess ${from} ${i}` } })
	);
	// Until the account is under attack and the guessing addresses are refused before any check.
	await until(() => (passwordFlood.statuses[400] ?? 0) > 50 && (passwordFlood.statuses[429] ?? 0) >= 10, 'the account coming under attack');
	const attackedNew = await signIns(base, SIGN_INS, newAddress);
	const attackedTrusted = await signIns(base, SIGN_INS, () => '127.0.30.1', device);
	const passwordStats = await passwordFlood.stop();

	const row = (label, calmRun, floodRun) =>
		console.log(
			`  ${label.padEnd(18)} signed in ${calmRun.ok}/${calmRun.count} → ${floodRun.ok}/${floodRun.count}   ` +
				`mean ${calmRun.mean.toFixed(0)} → ${floodRun.mean.toFixed(0)} ms (added ${(floodRun.mean - calmRun.mean).toFixed(0)} ms, ratio ${(floodRun.mean / calmRun.mean).toFixed(2)}), slowest ${floodRun.max.toFixed(0)} ms`
		);
	console.log(`\nTeacher sign-in while 10 addresses guess her password (real limits), no flood → flood`);
	console.log(`  flood: ${passwordStats.perSecond.toFixed(0)} guesses/s answered ${JSON.stringify(passwordStats.statuses)}`);
	row('from a new address', calmNew, attackedNew);
	row('trusted browser', calmTrusted, attackedTrusted);
	if (attackedNew.ok !== SIGN_INS || attackedTrusted.ok !== SIGN_INS) process.exitCode = 1;
} finally {
	app.stop();
	for (const agent of agents.values()) agent.destroy();
}
