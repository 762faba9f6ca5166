/**
 * Quizzes to and from Moodle: a teacher downloads the shipped quiz as GIFT and as Moodle
 * XML, imports the GIFT file back as a new quiz on the article, reads the report and opens
 * the new quiz in the editor; broken and oversized files get their message. JS on and off.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, SLUG, test } from './fixtures';
import { client, post, PACK_QUIZ } from './http-seed';

const PACK_TITLE = 'Who Said That? Checking the Mexico Troops Story';
/** The shipped quiz's questions, and how many of them are find-the-evidence (those come back skipped). */
const PACK_QUIZ_YAML = readFileSync(`src/content/articles/${SLUG}/quiz.yaml`, 'utf8');
const QUESTIONS = (PACK_QUIZ_YAML.match(/^\s+- id: q\w+$/gm) ?? []).length;
const FIND_EVIDENCE = (PACK_QUIZ_YAML.match(/^\s+type: find-evidence$/gm) ?? []).length;
const IMPORTED = QUESTIONS - FIND_EVIDENCE;

/** A browser page signed in as a new admin teacher of a fresh app (seeded over HTTP). */
async function teacherPage(browser: Browser, app: AppProcess, javaScriptEnabled: boolean): Promise<Page> {
	const api = await client(app.url);
	await post(api, '/setup', { name: 'Tess Teacher', email: 'tess@school.test', password: 'harbor lantern violet', mode: 'open' });
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, storageState: await api.storageState() });
	await api.dispose();
	return context.newPage();
}

/**
 * axe on the document the page shows now. An action's answer (the import report) cannot
 * be fetched again by address, so with JavaScript off its HTML is served to a page that
 * runs axe with the page's own scripts blocked, as the shared fixture does for addresses.
 */
async function axeOnShownDocument(page: Page, javaScriptEnabled: boolean) {
	if (javaScriptEnabled) return expectNoAxeViolations(page, true);
	const html = await page.content();
	const url = page.url().split('#')[0];
	const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
	await context.addCookies(await page.context().cookies());
	const plain = await context.newPage();
	await plain.route('**/*', (route) => {
		if (route.request().resourceType() === 'script') return route.abort();
		if (route.request().url() === url) return route.fulfill({ body: html, contentType: 'text/html' });
		return route.continue();
	});
	await plain.goto(url);
	const results = await new AxeBuilder({ page: plain }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
	await context.close();
}

async function download(page: Page, link: RegExp) {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
	return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/** Submits the import form with `file`; returns the status of the page's answer when JS is off. */
async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, quizName = '') {
	await page.goto('/teach/quizzes');
	const form = page.getByRole('region', { name: 'Import from Moodle' });
	// The kit ships one article, so it is already chosen.
	await expect(form.getByLabel('Article the questions are about')).toHaveValue(SLUG);
	await form.getByLabel(/^Quiz name/).fill(quizName);
	await form.getByLabel('Question file').setInputFiles(file);
	const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/import'));
	await form.getByRole('button', { name: 'Import questions' }).click();
	return (await answer).status();
}

for (const javaScriptEnabled of [true, false]) {
	test(`a teacher exports the shipped quiz to GIFT and Moodle XML and imports the GIFT file back, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
		test.setTimeout(120_000);
		const app = await startApp();
		expect(await app.ready).toBe(true);
		try {
			const page = await teacherPage(browser, app, javaScriptEnabled);
			await page.goto(`/teach/quizzes/${encodeURIComponent(PACK_QUIZ)}`);
			await expect(page.getByRole('heading', { level: 1, name: PACK_TITLE })).toBeVisible();
			await expectNoAxeViolations(page, javaScriptEnabled);

			const gift = await download(page, /^GIFT file/);
			expect(gift.name).toBe('who-said-that-checking-the-mexico-troops-story.gift.txt');
			expect(gift.text).toMatch(/^\/\/ “Who Said That\? Checking the Mexico Troops Story”, exported from Attribution Lab\./);
			expect(gift.text).toContain('// Not carried over:');
			expect(gift.text.match(/^::Q\d+ /gm)).toHaveLength(QUESTIONS);
			const xml = await download(page, /^Moodle XML file/);
			expect(xml.name).toBe('who-said-that-checking-the-mexico-troops-story.moodle.xml');
			expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
			expect(xml.text.match(/<question type="(multichoice|essay)">/g)).toHaveLength(QUESTIONS);
			expect(xml.text).toContain('<graderinfo format="html">');

			// The GIFT file comes back as a new quiz on the article, with a report.
			const name = javaScriptEnabled ? 'Back from Moodle' : '';
			const title = name || PACK_TITLE;
			const status = await importFile(page, { name: gift.name, mimeType: 'text/plain', buffer: Buffer.from(gift.text) }, name);
			if (!javaScriptEnabled) expect(status).toBe(200);
			await expect(page.getByRole('status').filter({ hasText: `Imported ${IMPORTED} questions into the new quiz “${title}”.` })).toBeVisible();
			const report = page.getByRole('region', { name: 'Import report' });
			await expect(report.getByRole('heading', { name: `Imported (${IMPORTED})` })).toBeVisible();
			await expect(report.getByRole('heading', { name: 'Skipped (2)' })).toBeVisible();
			await expect(report.getByRole('listitem').filter({ hasText: /^Q\d+ find the evidence.*at most 12 options/ })).toHaveCount(2);
			await expect(report.getByRole('listitem').filter({ hasText: /^Q1 multiple choice \(c03\) as Multiple choice/ })).toBeVisible();
			await axeOnShownDocument(page, javaScriptEnabled);

			await report.getByRole('link', { name: `Open “${title}” in the editor` }).click();
			await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
			await expect(page.getByRole('region', { name: /^Question \d+ ·/ })).toHaveCount(IMPORTED);
			await expect(page.getByText('Your quiz')).toBeVisible();

			// A malformed file and an oversized one: their message by the form, nothing made.
			const broken = await importFile(page, { name: 'broken.xml', mimeType: 'application/xml', buffer: Buffer.from('<quiz><question type="essay"><name>') }, 'Broken');
			if (!javaScriptEnabled) expect(broken).toBe(400);
			await expect(page.getByRole('alert')).toContainText('This is not well-formed XML');
			await axeOnShownDocument(page, javaScriptEnabled);
			await page.getByLabel('Question file').setInputFiles({ name: 'huge.gift', mimeType: 'text/plain', buffer: Buffer.alloc(450 * 1024, 'a') });
			if (javaScriptEnabled) {
				// The page refuses it before sending it.
				await page.getByRole('button', { name: 'Import questions' }).click();
			} else {
				const answer = page.waitForResponse((r) => r.request().method() === 'POST');
				await page.getByRole('button', { name: 'Import questions' }).click();
				expect((await answer).status()).toBe(413);
			}
			await expect(page.getByRole('alert')).toContainText('That file is 450 KB; files can be at most 400 KB.');
			await page.goto('/teach/quizzes');
			await expect(page.getByRole('heading', { level: 3 })).toHaveCount(2);
		} finally {
			await app.stop();
		}
	});
}
