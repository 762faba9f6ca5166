/**
 * Starts the built app as its own process on a fresh database, for tests that need a
 * first run (setup), their own rate limits, or their own content folder.
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export interface AppProcess {
	url: string;
	/** Resolves true once the server listens, false if it exited first. */
	ready: Promise<boolean>;
	exited: Promise<number | null>;
	output: () => string;
	stop: () => Promise<void>;
}

/** A fresh SQLite file in a new temporary folder. */
export async function freshDatabaseFile(): Promise<string> {
	return join(await mkdtemp(join(tmpdir(), 'attribution-lab-e2e-')), 'kit.db');
}

/** Starts `scripts/serve.js` as `npm start` would, collecting what it prints. */
export async function startApp(env: Record<string, string> = {}): Promise<AppProcess> {
	const port = await freePort();
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: await freshDatabaseFile(), ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const ready = new Promise<boolean>((resolve) => {
		const check = setInterval(() => {
			if (output.includes('is ready') || child.exitCode !== null) {
				clearInterval(check);
				resolve(output.includes('is ready'));
			}
		}, 50);
	});
	return {
		url: `http://127.0.0.1:${port}`,
		ready,
		exited,
		output: () => output,
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}
