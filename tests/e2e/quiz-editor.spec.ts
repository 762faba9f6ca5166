import type { Browser, Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { client, post } from './http-seed';

/** A browser page signed in as a new admin teacher of a fresh app (seeded over HTTP). */
async function teacherPage(browser: Browser, app: AppProcess, javaScriptEnabled: boolean): Promise<Page> {
	const api = await client(app.url);
	await post(api, '/setup', { name: 'Tess Teacher', email: 'tess@school.test', password: 'harbor lantern violet', mode: 'open' });
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, storageState: await api.storageState() });
	await api.dispose();
	return context.newPage();
}

const question = (page: Page, n: number) => page.getByRole('region', { name: new RegExp(`^Question ${n} ·`) });

for (const javaScriptEnabled of [true, false]) {
	test(`a teacher copies, writes, drafts, edits, reorders and removes quiz questions, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
		test.setTimeout(120_000);
		const app = await startApp();
		expect(await app.ready).toBe(true);
		try {
			const page = await teacherPage(browser, app, javaScriptEnabled);
			const axe = () => expectNoAxeViolations(page, javaScriptEnabled);
			await page.goto('/teach');
			await page.getByRole('link', { name: 'Quizzes' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Quizzes' })).toBeVisible();
			await axe();

			// The pack's quiz is read-only; a copy of it is the teacher's to edit.
			const packTitle = 'Who Said That? Checking the Mexico Troops Story';
			await page.getByRole('link', { name: packTitle }).click();
			await expect(page.getByText('comes with the content pack')).toBeVisible();
			await expect(page.getByRole('button', { name: /^Save/ })).toHaveCount(0);
			await axe();
			await page.getByRole('button', { name: 'Copy to edit' }).click();
			await expect(page.getByRole('heading', { level: 1, name: `${packTitle} (copy)` })).toBeVisible();
			await expect(page.getByRole('status').filter({ hasText: 'This is your copy' })).toBeVisible();
			await expect(question(page, 18).getByText('Edit question 18')).toBeVisible();

			// A new quiz of their own.
			await page.goto('/teach/quizzes');
			await expect(page.getByRole('heading', { name: `${packTitle} (copy)` })).toBeVisible();
			await page.getByLabel('Title').fill('Voices in the Mexico story');
			await page.getByRole('button', { name: 'Create quiz' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Voices in the Mexico story' })).toBeVisible();
			await axe();

			// A multiple-choice question: refused until one option is marked correct, with what was typed kept.
			await page.getByLabel('Question type').selectOption('multiple-choice');
			await page.getByRole('button', { name: 'Start question' }).click();
			const form = page.getByRole('region', { name: 'New question: Multiple choice' });
			await form.getByLabel('Prompt').fill('Who wrote the article?');
			await form.getByLabel('Option 1 text').fill('No author is named');
			await form.getByLabel('Feedback on option 1', { exact: true }).fill('Right: the page names no author.');
			await form.getByLabel('Option 2 text').fill('Anna Kelly');
			await form.getByLabel('Feedback on option 2', { exact: true }).fill('Kelly is quoted, but she did not write it.');
			await form.getByLabel('Explanation', { exact: true }).fill('The article has no byline.');
			await form.getByRole('button', { name: 'Add question' }).click();
			await expect(form.getByRole('alert')).toContainText('Mark exactly one option as correct.');
			await expect(form.getByLabel('Prompt')).toHaveValue('Who wrote the article?');
			await expect(form.getByLabel('Option 2 text')).toHaveValue('Anna Kelly');
			await axe();
			await form.getByLabel('Option 1 is correct').check();
			await form.getByRole('button', { name: 'Add question' }).click();
			await expect(question(page, 1).getByRole('status')).toHaveText('Question added.');
			await expect(question(page, 1)).toContainText('Who wrote the article?');

			// Drafts from the claim ledger: Anna Kelly's paraphrase and the vague “Washington”.
			await page.getByRole('checkbox', { name: /^12\. Anna Kelly/ }).check();
			await page.getByRole('checkbox', { name: /^16\. / }).check();
			await page.getByRole('button', { name: 'Draft questions' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Added 4 drafted questions' })).toBeVisible();
			await expect(page.getByRole('region', { name: /^Question \d+ ·/ })).toHaveCount(5);
			await expect(question(page, 2)).toContainText('Who does the article credit with this?');
			// Certainty is shown on the draft form and stays off unless the teacher ticks it.
			await expect(page.getByRole('region', { name: 'Draft from claims' }).getByRole('checkbox', { name: /^Ask how sure/ })).not.toBeChecked();
			await expect(question(page, 2)).toContainText('Does not ask how sure the student is');
			await axe();

			// Reorder: the hand-written question goes below the first draft.
			await question(page, 1).getByRole('button', { name: 'Move down question 1' }).click();
			await expect(question(page, 2)).toContainText('Who wrote the article?');
			await expect(question(page, 1)).toContainText('Who does the article credit with this?');

			// Edit the drafted who-said-it question: a key against the ledger is refused beside it.
			const first = question(page, 1);
			await first.getByText('Edit question 1').click();
			await first.getByLabel('Prompt').fill('Who does the article credit with the claim about cooperation?');
			await first.getByLabel('Option 2 is correct').check();
			await first.getByRole('button', { name: 'Save question 1' }).click();
			await expect(question(page, 1).getByRole('alert')).toContainText('credits this claim to “anna-kelly”');
			await expect(question(page, 1).getByLabel('Prompt')).toHaveValue('Who does the article credit with the claim about cooperation?');
			await question(page, 1).getByLabel('Option 1 is correct').check();
			await question(page, 1).getByRole('button', { name: 'Save question 1' }).click();
			await expect(question(page, 1).getByRole('status')).toHaveText('Question saved.');
			await expect(question(page, 1)).toContainText('the claim about cooperation');

			// Remove the last question, confirming first.
			await question(page, 5).getByText('Remove…').click();
			await question(page, 5).getByRole('button', { name: 'Yes, remove question 5' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Question removed.' })).toBeVisible();
			await expect(page.getByRole('region', { name: /^Question \d+ ·/ })).toHaveCount(4);

			// Title and description.
			await page.getByLabel('Description', { exact: true }).fill('Four questions on who speaks in the article.');
			await page.getByRole('button', { name: 'Save title and description' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Title and description saved.' })).toBeVisible();
			await page.goto(page.url().replace(/[?#].*$/, ''));
			await expect(page.getByLabel('Description', { exact: true })).toHaveValue('Four questions on who speaks in the article.');
			await axe();
		} finally {
			await app.stop();
		}
	});
}
