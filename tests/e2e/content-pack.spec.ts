/**
 * Content packs in and out, in the browser with JavaScript on and off: a teacher downloads
 * the shipped article as a pack from its page, uploads the zip back on the Articles page
 * (by keyboard) and gets a draft of their own that opens in the annotation editor; a file
 * that is not a zip and a zip that is not a pack are refused by the form with why; an
 * article whose claims do not cover it lists what to fix instead of a download. axe on
 * every state.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, SLUG, test } from './fixtures';
import { post, seed, type Seeded } from './http-seed';
import { writeZip } from '../../src/lib/server/content/zip';

let app: AppProcess;
let seeded: Seeded;

// Several pages with axe on each (twice without JavaScript): more than the default 30 s on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 150_000 });

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
});
test.afterAll(async () => app?.stop());

async function open(page: Page, path: string) {
	const response = await page.goto(new URL(path, app.url).href);
	expect(response?.status()).toBe(200);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('a teacher downloads the shipped article as a pack and uploads it back as a new article of their own', async ({ page, context }) => {
			await context.addCookies((await seeded.admin.storageState()).cookies);
			await open(page, `/teach/articles/${SLUG}`);
			await expect(page.getByRole('heading', { name: 'Download as a content pack' })).toBeVisible();
			await expectNoAxeViolations(page, javaScriptEnabled);
			const downloading = page.waitForEvent('download');
			await page.getByRole('link', { name: 'Download the pack (.zip)' }).click();
			const download = await downloading;
			expect(download.suggestedFilename()).toBe(`${SLUG}.zip`);
			const zip = await readFile((await download.path())!);

			await open(page, '/teach/articles');
			const file = page.getByLabel('Content pack (.zip)');
			const importButton = page.getByRole('button', { name: 'Import the pack' });
			// Not a zip, then a zip with no pack in it: refused by the form, saying why.
			await file.setInputFiles({ name: 'article.zip', mimeType: 'application/zip', buffer: Buffer.from('just some text, not an archive') });
			await importButton.click();
			await expect(page.getByRole('alert')).toContainText('This is not a zip file');
			await file.setInputFiles({ name: 'photos.zip', mimeType: 'application/zip', buffer: Buffer.from(writeZip([{ name: 'holiday.txt', data: new TextEncoder().encode('sun') }])) });
			await importButton.click();
			await expect(page.getByRole('alert')).toContainText('This zip is not a content pack: it has no article.yaml');
			await expectNoAxeViolations(page, javaScriptEnabled);

			// The downloaded pack, by keyboard.
			await file.setInputFiles({ name: `${SLUG}.zip`, mimeType: 'application/zip', buffer: zip });
			await importButton.focus();
			await page.keyboard.press('Enter');
			await expect(page).toHaveURL(/\/teach\/articles\/t_[a-z2-7]+\?created$/);
			await expect(page.getByRole('status')).toContainText('Saved as a draft. Only you can see it');
			await expect(page.getByRole('heading', { level: 1 })).toContainText('Mexico Says No to U.S. Troops');
			await expectNoAxeViolations(page, javaScriptEnabled);

			await page.getByRole('link', { name: 'Mark claims and notes' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Mark claims and notes' })).toBeVisible();
			await expect(page.getByText('inalienable, sovereignty is inalienable').first()).toBeVisible();
			await expectNoAxeViolations(page, javaScriptEnabled);
		});

		test('an article whose claims do not cover it lists what to fix instead of a download', async ({ page, context }) => {
			await context.addCookies((await seeded.admin.storageState()).cookies);
			const saved = await post(seeded.admin, '/teach/articles/new?/save', { title: `Unmarked (${javaScriptEnabled ? 'js' : 'nojs'})`, body: 'The council met on Tuesday.', outlet: '', author: '', date: '', originalUrl: '', language: 'en' });
			await open(page, new URL(saved.headers()['location'], app.url).pathname);
			await expect(page.getByText('This article cannot be downloaded as a content pack yet')).toBeVisible();
			await expect(page.getByRole('list', { name: /cannot be downloaded/ }).getByRole('listitem')).toHaveText([/No claim covers “The council met on Tuesday\.”/]);
			await expect(page.getByRole('link', { name: 'Download the pack (.zip)' })).toHaveCount(0);
			await expectNoAxeViolations(page, javaScriptEnabled);
		});
	});
}
