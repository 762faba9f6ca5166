// Cold start of `npm start`, with and without changed sources: from running the command
// to /healthz answering 200, each on a fresh database (so migrations and the content pack
// load are included). "Changed sources" removes the build stamp, which is what any edit
// under src/ (or a new package-lock) amounts to: the hashes no longer match, so it builds.
// Usage: node bench/startup.js [runs per case, default 3]. Prints each case's median and
// the ratio between them.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const RUNS = Number(process.argv[2] || 3);

function freePort() {
	return new Promise((done) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => done(port));
		});
	});
}

/** Seconds from `npm start` to a 200 from /healthz; then stops the server. */
async function coldStart() {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'attribution-lab-bench-start-'));
	const started = performance.now();
	// Its own process group, so npm and the server it starts are stopped together.
	const child = spawn('npm', ['start', '--silent'], {
		cwd: root,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: join(dir, 'kit.db') }
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise((done) => child.on('exit', done));
	try {
		for (;;) {
			if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
			const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
			if (healthy) return (performance.now() - started) / 1000;
			await new Promise((done) => setTimeout(done, 25));
		}
	} finally {
		process.kill(-child.pid, 'SIGTERM');
		await exited;
		rmSync(dir, { recursive: true, force: true });
	}
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const changed = [];
const unchanged = [];
for (let i = 0; i < RUNS; i++) {
	rmSync(join(root, '.build-stamp'), { force: true });
	changed.push(await coldStart());
	unchanged.push(await coldStart());
}
const fmt = (xs) => `${median(xs).toFixed(2)} s (runs: ${xs.map((x) => x.toFixed(2)).join(', ')})`;
console.log(`npm start, sources changed (builds):  ${fmt(changed)}`);
console.log(`npm start, sources unchanged:         ${fmt(unchanged)}`);
console.log(`ratio changed / unchanged:            ${(median(changed) / median(unchanged)).toFixed(1)}×`);
