// Starting and stopping the servers a benchmark compares: the built app, and a bare
// node:http server that answers every request with the same bytes from memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on the loopback interface. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

async function waitFor(url, child, seconds = 30) {
	for (let i = 0; i < seconds * 10; i++) {
		if (child.exitCode !== null) throw new Error(`The server exited early (${child.exitCode}).`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${url} did not answer within ${seconds}s`);
}

function start(args, env, url) {
	const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
	return waitFor(url, child).then(() => ({ url, stop: () => child.kill('SIGTERM') }));
}

/** The built app (build/) on a fresh SQLite file unless `env` names a DATABASE_URL. */
export async function startApp(env = {}) {
	const port = await freePort();
	const db = join(mkdtempSync(join(tmpdir(), 'attribution-lab-bench-')), 'kit.db');
	return start(
		['scripts/serve.js'],
		{ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: db, ...env },
		`http://127.0.0.1:${port}/`
	);
}

/** A bare node:http server in its own process that sends `body` with `contentType`. */
export async function startBare(body, contentType) {
	const port = await freePort();
	const file = join(mkdtempSync(join(tmpdir(), 'attribution-lab-bench-')), 'body');
	writeFileSync(file, body);
	const source = `
		const http = require('node:http');
		const body = require('node:fs').readFileSync(process.env.BODY_FILE);
		http.createServer((req, res) => {
			res.writeHead(200, { 'content-type': process.env.CONTENT_TYPE, 'content-length': body.length });
			res.end(body);
		}).listen(${port}, '127.0.0.1');`;
	return start(['-e', source], { BODY_FILE: file, CONTENT_TYPE: contentType }, `http://127.0.0.1:${port}/`);
}
