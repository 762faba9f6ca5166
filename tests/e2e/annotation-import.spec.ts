/**
 * Importing W3C Web Annotations on the article's page: another tool's collection (one
 * comment placed, one whose words are not in the text kept as an orphan, a bare
 * highlight skipped) with the summary saying so; the orphan shown in the editor and
 * deleted there; a wrong file and a file that is not JSON refused with a 4xx message by
 * the form. JavaScript on and off; keyboard for the import; axe on each state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { saveArticle, seed, type Seeded } from './http-seed';

let app: AppProcess;
let seeded: Seeded;

test.describe.configure({ mode: 'serial', timeout: 150_000 });

const BODY = '“We will fix the bridge,” the mayor said.\n\nCritics doubt it.';
const CTX = 'http://www.w3.org/ns/anno.jsonld';
/** Another tool's export, as Hypothesis writes it, plus one note on words this article does not have. */
function collection() {
	const exported = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/lib/annotations/fixtures/hypothesis-collection.json'), 'utf8'));
	exported.first.next.items.push({
		'@context': CTX,
		type: 'Annotation',
		id: 'https://annotations.example.org/a/Gone99',
		body: { type: 'TextualBody', value: 'Who pays for it?' },
		target: { source: 'https://news.example.com/2026/11/bridge', selector: { type: 'TextQuoteSelector', exact: 'the new tolls', prefix: 'paid for by ', suffix: '.' } }
	});
	return Buffer.from(JSON.stringify(exported));
}

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
});
test.afterAll(async () => app?.stop());

const newArticle = (title: string) => saveArticle(seeded.admin, { title, body: BODY });

async function open(page: Page, path: string) {
	const response = await page.goto(new URL(path, app.url).href);
	expect(response?.status()).toBe(200);
}

async function shot(page: Page, name: string) {
	if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/${name}.png`, fullPage: true });
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		const js = javaScriptEnabled ? 'js' : 'nojs';

		test('a teacher imports another tool’s annotations: placed, orphaned and skipped, each said; bad files refused', async ({ page, context }) => {
			await context.addCookies((await seeded.admin.storageState()).cookies);
			const id = await newArticle(`Bridge repairs (${js})`);
			await open(page, `/teach/articles/${id}`);
			const file = page.getByLabel('Web Annotation file');
			const importButton = page.getByRole('button', { name: 'Import the annotations' });

			// A file of another kind, then one that is not JSON: refused by the form, with why.
			await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('{}') });
			await importButton.click();
			await expect(page.getByRole('alert')).toContainText('“notes.txt” is not a .json or .jsonld file.');
			await file.setInputFiles({ name: 'broken.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('{"@context": ') });
			await importButton.click();
			await expect(page.getByRole('alert')).toContainText('Nothing was imported: This is not JSON');
			await expectNoAxeViolations(page, javaScriptEnabled);

			await file.setInputFiles({ name: 'group-export.jsonld', mimeType: 'application/ld+json', buffer: collection() });
			await importButton.focus();
			await page.keyboard.press('Enter');
			const status = page.getByRole('status').filter({ hasText: 'Imported:' });
			await expect(status).toContainText('Imported: 1 placed, 1 orphaned, 2 skipped: ');
			await expect(status).toContainText('it has no text to show (a bare highlight)');
			await expectNoAxeViolations(page, javaScriptEnabled);
			await shot(page, `import-summary-${js}`);

			// The orphan waits in the editor with its words; the teacher deletes it.
			await page.getByRole('link', { name: 'Mark claims and notes' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Mark claims and notes' })).toBeVisible();
			const orphan = page.getByRole('listitem').filter({ hasText: 'Note, not found:' });
			await expect(orphan).toContainText('the new tolls');
			await expect(orphan).toContainText('Imported from a Web Annotation file, but these words are not in the text.');
			await expect(page.getByRole('heading', { name: 'Notes (1)' })).toBeVisible();
			await expectNoAxeViolations(page, javaScriptEnabled);
			await shot(page, `import-editor-${js}`);
			await page.getByRole('button', { name: 'Delete “the new tolls”' }).click();
			await expect(page.getByText('Deleted.')).toBeVisible();
			await expect(page.getByRole('listitem').filter({ hasText: 'Note, not found:' })).toHaveCount(0);
		});
	});
}
