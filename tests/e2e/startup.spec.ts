import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyContent, editPackFile } from '../fixtures/content-pack';
import { expect, READER, test } from './fixtures';

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Starts the built app as `npm start` would, and collects what it prints. */
async function startApp(env: Record<string, string>) {
	const port = await freePort();
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
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
			child.kill('SIGTERM');
			await exited;
		}
	};
}

test('a broken content pack stops start-up with a message naming the file, field and reason', async () => {
	const { root, packDir } = await copyContent();
	await editPackFile(packDir, 'claims.yaml', (s) => s.replace(/speaker: anna-kelly/, 'speaker: ana-kelly'));
	const db = join(await mkdtemp(join(tmpdir(), 'attribution-lab-start-')), 'kit.db');
	const app = await startApp({ CONTENT_DIR: root, DATABASE_URL: db });

	expect(await app.exited).toBe(1);
	expect(app.output()).toMatch(/Content pack error in .*claims\.yaml, field "claims\.\d+\.speaker": unknown speaker "ana-kelly"/);
	expect(app.output()).not.toContain('is ready');
});

test('a restart keeps the seeded content without loading it twice, and an edited pack updates it', async ({ request }) => {
	const { root, packDir } = await copyContent();
	const db = join(await mkdtemp(join(tmpdir(), 'attribution-lab-start-')), 'kit.db');

	const first = await startApp({ CONTENT_DIR: root, DATABASE_URL: db });
	expect(await first.ready).toBe(true);
	expect(first.output()).toContain('Content pack "mexico-says-no-to-us-troops": created.');
	const before = await (await request.get(`${first.url}${READER}/annotations.jsonld`)).json();
	await first.stop();

	const second = await startApp({ CONTENT_DIR: root, DATABASE_URL: db });
	expect(await second.ready).toBe(true);
	expect(second.output()).not.toContain('Content pack');
	const after = await (await request.get(`${second.url}${READER}/annotations.jsonld`)).json();
	expect(after.total).toBe(before.total);
	await second.stop();

	await editPackFile(packDir, 'notes.yaml', (s) => s.replace(/title: .*/, 'title: "Edited while the kit was stopped"'));
	const third = await startApp({ CONTENT_DIR: root, DATABASE_URL: db });
	expect(await third.ready).toBe(true);
	expect(third.output()).toContain('Content pack "mexico-says-no-to-us-troops": updated.');
	const page = await request.get(`${third.url}${READER}`);
	expect(await page.text()).toContain('Edited while the kit was stopped');
	await third.stop();
});
