/**
 * Students read the published version of a teacher's article: a text edit is a draft
 * that the article's page and the editor both call unpublished, with a Publish button
 * (used by keyboard); the student sees the new text only after it. The owner previews the
 * draft in the reader. JavaScript on and off; axe on each changed page.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { saveArticle, seed, type Seeded } from './http-seed';

let app: AppProcess;
let seeded: Seeded;

test.describe.configure({ mode: 'serial', timeout: 150_000 });

const BODY = 'The council met on Tuesday. It voted for new buses.\n\n## What next\n\n“We need buses now,” said Tom Reed.';
const EDITED = 'The council met on Tuesday night. It voted for new buses.\n\n## What next\n\n“We need buses now,” said Tom Reed. Fares stay the same.';

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
});
test.afterAll(async () => app?.stop());

/** Saves a draft article through the review form and returns its id. */
const newArticle = (title: string) => saveArticle(seeded.admin, { title, body: BODY, outlet: 'Riverside Gazette' });

async function open(page: Page, path: string) {
	const response = await page.goto(new URL(path, app.url).href);
	expect(response?.status()).toBe(200);
}

/** With SHOTS naming a folder, a full-page screenshot there (for people to look at; nothing is checked). */
async function shot(page: Page, name: string) {
	if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/${name}.png`, fullPage: true });
}

async function signedIn(context: BrowserContext, as: Seeded['admin']) {
	await context.addCookies((await as.storageState()).cookies);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		const js = javaScriptEnabled ? 'js' : 'nojs';

		test('a text edit stays a draft until the teacher publishes it; the student sees the published version', async ({ page, context, browser }) => {
			await signedIn(context, seeded.admin);
			const id = await newArticle(`Council backs buses (${js})`);
			await open(page, `/teach/articles/${id}`);
			await expect(page.getByText('This article is a draft: students do not see it')).toBeVisible();
			await page.getByRole('radio', { name: 'Published' }).check();
			await page.getByRole('radio', { name: /^My classes/ }).check();
			await page.getByRole('button', { name: 'Save who can read it' }).click();
			await expect(page.getByText('Published.', { exact: true })).toBeVisible();
			await expect(page.getByText('Students see version 1, the one you are editing.')).toBeVisible();
			const slug = (await page.getByRole('link', { name: 'Read it as students will' }).getAttribute('href'))!.split('/').pop()!;

			const studentContext = await browser.newContext({ javaScriptEnabled });
			await signedIn(studentContext, seeded.studentA);
			const student = await studentContext.newPage();
			await open(student, `/articles/${slug}`);
			const text = student.getByRole('region', { name: 'Article text' });
			await expect(text).toContainText('The council met on Tuesday. It voted');

			// The teacher edits the text: a new version, which students do not see yet.
			await page.getByLabel('Section headings and paragraphs').fill(EDITED);
			await page.getByRole('button', { name: 'Save the text' }).click();
			await expect(page.getByText('Saved the text as version 2. Students still see the published version until you publish this one.')).toBeVisible();
			await expect(page.getByText('Students see version 1; your changes are not published yet.')).toBeVisible();
			await expect(page.getByRole('listitem').filter({ hasText: 'Version 1' })).toContainText('Students see this one');
			await expectNoAxeViolations(page, javaScriptEnabled);
			await shot(page, `article-unpublished-${js}`);
			await student.reload();
			await expect(text).toContainText('The council met on Tuesday. It voted');
			await expect(text).not.toContainText('Tuesday night');

			// The editor says the same, and its preview shows the draft to its owner only.
			await page.getByRole('link', { name: 'Mark claims and notes' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Mark claims and notes' })).toBeVisible();
			await expect(page.getByText('Students see version 1; your changes are not published yet.')).toBeVisible();
			await expectNoAxeViolations(page, javaScriptEnabled);
			await shot(page, `editor-unpublished-${js}`);
			const preview = await page.getByRole('link', { name: /Preview: the student reader/ }).getAttribute('href');
			expect(preview).toBe(`/articles/${slug}?draft`);
			const draft = await context.newPage();
			await open(draft, preview!);
			await expect(draft.getByRole('status')).toContainText('A preview of your draft, version 2. Students see version 1 until you publish this one.');
			await expect(draft.getByRole('region', { name: 'Article text' })).toContainText('Tuesday night');
			await expectNoAxeViolations(draft, javaScriptEnabled);
			await shot(draft, `reader-draft-preview-${js}`);
			await draft.close();
			// Asking for the draft as a student shows the published version.
			await open(student, `/articles/${slug}?draft`);
			await expect(text).not.toContainText('Tuesday night');

			// Publish, by keyboard.
			await page.getByRole('button', { name: 'Publish version 2' }).focus();
			await page.keyboard.press('Enter');
			await expect(page.getByText('Published version 2: students now read it.')).toBeVisible();
			await expect(page.getByText('Students see version 2, the one you are editing.')).toBeVisible();
			await expect(page.getByRole('button', { name: /^Publish version/ })).toHaveCount(0);
			await expectNoAxeViolations(page, javaScriptEnabled);
			await open(student, `/articles/${slug}`);
			await expect(text).toContainText('Tuesday night');
			await expect(text).toContainText('Fares stay the same.');
			await studentContext.close();
		});
	});
}
