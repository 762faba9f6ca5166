import { copyContent, editPackFile } from '../fixtures/content-pack';
import { freshDatabaseFile, startApp } from './app-process';
import { expect, READER, test } from './fixtures';

test('a broken content pack stops start-up with a message naming the file, field and reason', async () => {
	const { root, packDir } = await copyContent();
	await editPackFile(packDir, 'claims.yaml', (s) => s.replace(/speaker: anna-kelly/, 'speaker: ana-kelly'));
	const app = await startApp({ CONTENT_DIR: root });

	expect(await app.exited).toBe(1);
	expect(app.output()).toMatch(/Content pack error in .*claims\.yaml, field "claims\.\d+\.speaker": unknown speaker "ana-kelly"/);
	expect(app.output()).not.toContain('is ready');
});

test('a setting that cannot be used stops start-up with its message and no stack trace', async () => {
	const app = await startApp({ PRACTICE_RETENTION_DAYS: 'soon' });
	expect(await app.exited).toBe(1);
	expect(app.output()).toContain('PRACTICE_RETENTION_DAYS must be a positive number of days (it is "soon").');
	expect(app.output()).not.toMatch(/^\s+at /m);
	expect(app.output()).not.toContain('is ready');
});

test('a restart keeps the seeded content without loading it twice, and an edited pack updates it', async ({ request }) => {
	const { root, packDir } = await copyContent();
	const db = await freshDatabaseFile();

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
