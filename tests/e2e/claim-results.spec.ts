/**
 * The claim views of the results, end to end: a teacher goes from the class page to the
 * claims across the class, then over the passage to one claim's breakdown and on to a
 * student's answers, by keyboard alone; downloads the CSV files; and the same pages work
 * with JavaScript off. axe runs on every page.
 *
 * Students answer through the server's own module on the app's database file, as the live
 * tests do: the student pages are tested on their own.
 */
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Browser, Download, Locator, Page } from '@playwright/test';
import { startApp, freshDatabaseFile, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { PACK_QUIZ, seed, type Seeded } from './http-seed';
import { openDatabase } from '../../src/lib/server/db/database';
import { saveAssignmentAnswer, startAttempt } from '../../src/lib/server/quiz/assignments';

let app: AppProcess;
let seeded: Seeded;
let base: string;
let amirId: string;

const C13 = 'Under his watch, multiple cartel leaders have been extradited to the U.S.,';
const C19 = 'Trump’s administration continues to deploy CIA surveillance drones over Mexico';

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

test.beforeAll(async () => {
	const file = await freshDatabaseFile();
	app = await startApp({ DATABASE_URL: file });
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url);
	base = `/teach/results/assignment/${seeded.assignmentA}`;
	// Ana and Amir answer three questions: each gets one of them wrong.
	const db = await openDatabase(file);
	try {
		const t = db.tables;
		const [assignment] = await db.db.select().from(t.assignments).where(eq(t.assignments.id, seeded.assignmentA));
		const questions = await db.db.select().from(t.quizQuestions).where(eq(t.quizQuestions.quizId, PACK_QUIZ));
		const q = (key: string) => questions.find((x) => x.key === key)!;
		const [version] = await db.db.select().from(t.articleVersions);
		const text = version.text;
		const c13 = { start: text.indexOf(C13), end: text.indexOf(C13) + C13.length };
		const students = await db.db.select().from(t.students).where(eq(t.students.classId, seeded.classA.id));
		const answers: Record<string, [string, { choices?: string[]; span?: { start: number; end: number } }][]> = {
			Ana: [['q09', { choices: ['writer'] }], ['q06', { choices: ['paraphrase'] }], ['q05', { span: c13 }]],
			Amir: [['q09', { choices: ['anna-kelly'] }], ['q06', { choices: ['direct-quote'] }], ['q05', { span: { start: 0, end: 20 } }]]
		};
		for (const s of students) {
			const attempt = await startAttempt(db, s.id, assignment);
			for (const [key, input] of answers[s.displayName]) await saveAssignmentAnswer(db, assignment, attempt, q(key), { certainty: 2, ...input }, text.length);
		}
		amirId = students.find((s) => s.displayName === 'Amir')!.id;
	} finally {
		await db.close();
	}
});

test.afterAll(async () => app?.stop());

/** A page signed in as the class's teacher. */
async function teacherPage(browser: Browser, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, acceptDownloads: true });
	await context.addCookies((await seeded.admin.storageState()).cookies);
	return context.newPage();
}

/** Presses Tab until `target` has focus, as a keyboard user would (at most 120 times). */
async function tabTo(page: Page, target: Locator) {
	for (let i = 0; i < 120; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('Tab never reached the element.');
}

/** The CSV a download holds, without its byte-order mark, as lines. */
async function csvLines(download: Promise<Download>): Promise<string[]> {
	const text = await readFile((await (await download).path())!, 'utf8');
	expect(text.startsWith('\uFEFF')).toBe(true);
	return text.slice(1).trim().split('\r\n');
}

test('a teacher drills from the class to the passage, a claim and a student, by keyboard, and downloads the CSV files', async ({ browser }) => {
	const page = await teacherPage(browser);

	// The class page links to the claims across the class.
	await page.goto(`/teach/classes/${seeded.classA.id}`);
	await tabTo(page, page.getByRole('link', { name: /Claims across the class/ }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Claims across the class' })).toBeVisible();
	const row = page.getByRole('row', { name: new RegExp(C19.slice(0, 30)) });
	await expect(row).toContainText('50% wrong');
	await expect(row).toContainText("1 of 2 took the writer's own sentence for Anna Kelly's words");
	await expectNoAxeViolations(page, true);
	const classCsv = csvLines(page.waitForEvent('download'));
	await tabTo(page, page.getByRole('link', { name: 'Download CSV' }));
	await page.keyboard.press('Enter');
	const classLines = await classCsv;
	expect(classLines[0]).toBe('article,claim,key,words,speaker,attribution,where,answers,wrong,percent wrong,top misreading');
	expect(classLines.find((l) => l.includes(',c19,') && l.includes(',all,'))).toMatch(/,all,2,1,50,"?1 of 2 took the writer's own sentence for Anna Kelly's words/);

	// On to the assignment's own view of the claim, then over the passage.
	await tabTo(page, row.getByRole('link', { name: /Assignment/ }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`${base}/claims#claim-c19$`));
	const claim = page.locator('#claim-c19');
	await expect(claim.getByRole('heading', { level: 2 })).toContainText('50% wrong');
	await expect(claim.getByRole('table', { name: /Who said it/ })).toContainText('✓ 1 right');
	await expectNoAxeViolations(page, true);
	const claimsCsv = csvLines(page.waitForEvent('download'));
	await tabTo(page, page.getByRole('link', { name: 'Download CSV' }));
	await page.keyboard.press('Enter');
	const claimLines = await claimsCsv;
	expect(claimLines[0]).toBe('claim,key,words,speaker,attribution,answers,wrong,percent wrong,who-said-it answers,whose-voice answers,misreadings');
	expect(claimLines.find((l) => l.includes(',c19,'))).toContain('The writer,Writer\'s own voice,2,1,50,The writer 1 (right); Anna Kelly 1,,1 of 2');

	await tabTo(page, claim.getByRole('link', { name: /in the passage/ }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`${base}/passage\\?claim=c19#breakdown$`));
	await expect(page.getByRole('heading', { name: /^Claim \d+: 50% wrong$/ })).toBeVisible();

	// The passage itself: choose another claim by keyboard; its breakdown opens with its notes.
	const c13Link = page.getByRole('link', { name: new RegExp(`^${C13.slice(0, 30)}.*50% wrong`) });
	await expect(c13Link).toContainText('50% wrong');
	await expect(page.getByRole('link', { name: /not asked/ }).first()).toBeVisible();
	await tabTo(page, c13Link);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\?claim=c13#breakdown$/);
	const breakdown = page.locator('#breakdown');
	await expect(breakdown.getByRole('heading', { level: 2 })).toHaveText(/^Claim \d+: 50% wrong$/);
	await expect(breakdown.getByRole('heading', { name: 'In the reader' })).toBeVisible();
	// The words the class selected for the find-the-evidence question about it.
	const heat = page.getByRole('figure', { name: /The words the class selected/ });
	await expect(heat).toContainText(C13.slice(0, 10));
	await expectNoAxeViolations(page, true);
	const selectionsCsv = csvLines(page.waitForEvent('download'));
	await tabTo(page, page.getByRole('link', { name: /Download CSV/ }));
	await page.keyboard.press('Enter');
	const selectionLines = await selectionsCsv;
	expect(selectionLines[0]).toBe('question,prompt,start,end,words selected,students,overlaps the answer');
	expect(selectionLines.filter((l) => l.endsWith(',1,yes'))).toHaveLength(1);

	// From the claim to a student's answers (that page is the per-student view).
	const amir = breakdown.getByRole('link', { name: 'Answers by Amir' });
	await expect(breakdown.getByRole('row').nth(1)).toContainText('Amir');
	await tabTo(page, amir);
	await expect(amir).toHaveAttribute('href', `${base}/students/${amirId}`);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(`${app.url}${base}/students/${amirId}`);
	await page.context().close();
});

test('the claim views work without JavaScript, and pass axe', async ({ browser }) => {
	const page = await teacherPage(browser, false);
	await page.goto(`${base}/passage?claim=c19`);
	const breakdown = page.locator('#breakdown');
	await expect(breakdown.getByRole('heading', { level: 2 })).toHaveText(/^Claim \d+: 50% wrong$/);
	await expect(breakdown.getByRole('table', { name: /Who said it/ })).toContainText('Anna Kelly');
	await expect(breakdown).toContainText("1 of 2 took the writer's own sentence for Anna Kelly's words");
	await expect(breakdown.getByRole('link', { name: /Question \d+/ }).first()).toHaveAttribute('href', new RegExp(`^${base}/questions/`));
	await expectNoAxeViolations(page, false);
	await page.goto(`${base}/claims`);
	await expect(page.locator('#claim-c15')).toContainText('1 of 2 took a direct quote for a paraphrase');
	await expectNoAxeViolations(page, false);
	await page.goto(`/teach/classes/${seeded.classA.id}/claims`);
	await expect(page.getByRole('table')).toContainText('50% wrong');
	await expectNoAxeViolations(page, false);
	// A claim that is not in the article: a message and a 404, not a 500.
	const response = await page.goto(`${base}/passage?claim=nope`);
	expect(response?.status()).toBe(404);
	await expect(page.getByText('There is no such claim in this article.')).toBeVisible();
	await page.context().close();
});
