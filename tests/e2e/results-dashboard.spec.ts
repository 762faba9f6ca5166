/**
 * The results dashboard by question and by student: a teacher drills from the assignment
 * to the overview, a question, the students who chose an option and one student's answer,
 * by keyboard only, and downloads each view's CSV, with JavaScript on and off, axe on every
 * page. Then an open dashboard updates while a student answers in another browser.
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { readPack } from '../../src/lib/server/content/read-pack';
import { SHIPPED_CONTENT } from '../fixtures/content-pack';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, SLUG, test } from './fixtures';
import { post, seed, type Seeded } from './http-seed';

async function shippedQuiz() {
	return (await readPack(join(SHIPPED_CONTENT, 'articles', SLUG)))!.quiz!;
}

/** A browser page signed in as an HTTP seeding client is. */
async function pageAs(browser: Browser, app: AppProcess, who: Seeded['admin'], javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, storageState: await who.storageState() });
	return context.newPage();
}

/** Follows a link or opens a disclosure with the keyboard alone: focus, then Enter. */
async function press(page: Page, target: ReturnType<Page['getByRole']>) {
	await target.focus();
	await expect(target).toBeFocused();
	await page.keyboard.press('Enter');
}

/** Downloads what the focused link points at, by keyboard, and returns its text. */
async function download(page: Page, link: ReturnType<Page['getByRole']>): Promise<string> {
	const waiting = page.waitForEvent('download');
	await press(page, link);
	const file = await waiting;
	const stream = await file.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/** Ana answers question 1 over HTTP with the option labelled `label`, at `certainty` (1–3). */
async function answerFirst(s: Seeded, label: string, certainty: string) {
	const base = `/me/assignments/${s.assignmentA}`;
	const page = await (await s.studentA.get(`${base}/1`)).text();
	const attempt = /name="attempt" value="([^"]+)"/.exec(page)![1];
	const option = [...page.matchAll(/<input type="radio" name="choice" value="(\d+)"[^>]*>\s*([^<]*)</g)].find((m) => m[2].trim() === label)![1];
	await post(s.studentA, `${base}/1?/answer`, { attempt, question: 'q01', choice: option, certainty });
}

/** Ana writes an answer over HTTP to question `number` (a short-answer question), which waits to be graded. */
async function answerWritten(s: Seeded, number: number) {
	const base = `/me/assignments/${s.assignmentA}`;
	const page = await (await s.studentA.get(`${base}/${number}`)).text();
	const attempt = /name="attempt" value="([^"]+)"/.exec(page)![1];
	const question = /name="question" value="([^"]+)"/.exec(page)![1];
	const form: Record<string, string> = { attempt, question, text: 'The words are the writer’s own.' };
	if (page.includes('name="certainty"')) form.certainty = '2';
	await post(s.studentA, `${base}/${number}?/answer`, form);
}

for (const javaScriptEnabled of [true, false]) {
	test(`a teacher drills from questions to a student's answer and downloads CSV, keyboard only, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
		test.setTimeout(120_000);
		const quiz = await shippedQuiz();
		const q1 = quiz.questions[0];
		const wrong = q1.options!.find((o) => !o.correct)!;
		const app = await startApp();
		expect(await app.ready).toBe(true);
		const axe = (page: Page) => expectNoAxeViolations(page, javaScriptEnabled);
		try {
			const s = await seed(app.url);
			await answerFirst(s, wrong.label!, '3');
			const written = quiz.questions.findIndex((q) => q.type === 'short-answer');
			await answerWritten(s, written + 1);
			const teacher = await pageAs(browser, app, s.admin, javaScriptEnabled);
			await teacher.goto(`/teach/classes/${s.classA.id}/assignments/${s.assignmentA}`);
			// The existing grid stays, with one link to the dashboard.
			const grid = teacher.getByRole('table', { name: /Marks for each student/ });
			await expect(grid).toBeVisible();
			// Each name opens that student's dashboard page, keyboard only, on the attempt the row counts,
			// and the row's accuracy is the figure that page shows.
			// The written answer waits for a grade, so it is left out of the count until graded.
			const accuracy = `0 of ${quiz.questions.length - 1} right (0%)`;
			await expect(grid.getByRole('row', { name: /^Ana/ })).toContainText(accuracy);
			const name = grid.getByRole('link', { name: 'Ana', exact: true });
			await expect(name).toHaveAttribute('href', `/teach/results/assignment/${s.assignmentA}/students/${s.classA.studentIds['Ana']}?attempt=1`);
			await press(teacher, name);
			await expect(teacher.getByRole('heading', { level: 1, name: 'Ana' })).toBeVisible();
			await expect(teacher.getByRole('region', { name: 'Accuracy and score' })).toContainText(accuracy);
			await teacher.goto(`/teach/classes/${s.classA.id}/assignments/${s.assignmentA}`);
			await axe(teacher);
			await press(teacher, teacher.getByRole('link', { name: 'Open the results dashboard' }));

			// The overview: every question as a row.
			await expect(teacher.getByRole('heading', { level: 1, name: /results by question/ })).toBeVisible();
			const table = teacher.getByRole('table');
			await expect(table.getByRole('row')).toHaveCount(quiz.questions.length + 1);
			const row = table.getByRole('row', { name: new RegExp(`Q1 ${q1.prompt.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
			// 1 answered, 0% right, very sure (3.0), 1 very sure and wrong, not enough answers for the statistics.
			await expect(row).toContainText('0%');
			await expect(row).toContainText('3.0 (Very sure)');
			await expect(row).toContainText('Not enough answers');
			await expect(teacher.getByText(/Facility is the average share of the marks/)).toBeVisible();
			// A written answer has no options to letter: its row says how many are graded and how many wait.
			const writtenRow = table.getByRole('row', { name: new RegExp(`^Q${written + 1} `) });
			await expect(writtenRow).toContainText('Graded: 0');
			await expect(writtenRow).toContainText('Waiting to be graded: 1');
			await expect(writtenRow.getByRole('img')).toHaveCount(0);
			await axe(teacher);
			const overviewCsv = await download(teacher, teacher.getByRole('link', { name: 'Download these figures as CSV' }));
			expect(overviewCsv.startsWith('\uFEFFquestion,type,prompt')).toBe(true);
			expect(overviewCsv).toContain(`Q1,Multiple choice`);
			expect(overviewCsv).toContain(`${wrong.label},1,`);

			// One question: the chart, the same numbers as a table, who chose what.
			await press(teacher, row.getByRole('link'));
			await expect(teacher.getByRole('heading', { level: 1 })).toContainText(q1.prompt.slice(0, 20));
			await expect(teacher.getByRole('img', { name: new RegExp(`${wrong.label!.slice(0, 15).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*: 1`) })).toBeVisible();
			const counts = teacher.getByRole('table');
			await expect(counts.getByRole('row', { name: new RegExp(wrong.label!.slice(0, 15).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toContainText('1');
			await axe(teacher);
			const questionCsv = await download(teacher, teacher.getByRole('link', { name: /Download this question's answers as CSV/ }));
			expect(questionCsv).toContain('Ana');
			expect(questionCsv).toContain('Very sure');
			const group = teacher.locator('summary', { hasText: `${wrong.label}: 1 student` });
			await group.focus();
			await teacher.keyboard.press('Enter');
			const ana = teacher.getByRole('link', { name: 'Ana' });
			await expect(ana).toBeVisible();
			await axe(teacher);

			// The student's answer: what they chose, how sure, the marks, accuracy apart from the score.
			await press(teacher, ana);
			await expect(teacher.getByRole('heading', { level: 1, name: 'Ana' })).toBeVisible();
			const first = teacher.getByRole('article', { name: /^Q1 / });
			await expect(first).toContainText(wrong.label!);
			await expect(first).toContainText('Very sure');
			await expect(first).toContainText('−6');
			await expect(first).toContainText('Nothing about this answer yet');
			const summary = teacher.getByRole('region', { name: 'Accuracy and score' });
			await expect(summary.getByText(accuracy)).toBeVisible();
			await expect(summary.getByText(/^Certainty-based score: −6 \(range −\d+ to \d+\)$/)).toBeVisible();
			await expect(teacher.getByRole('table')).toContainText('This assignment, attempt 1');
			await axe(teacher);
			const studentCsv = await download(teacher, teacher.getByRole('link', { name: /Download Ana's answers as CSV/ }));
			expect(studentCsv).toContain('Certainty-based score');
			expect(studentCsv).toContain(',-6,');
		} finally {
			await app.stop();
		}
	});
}

test('an open dashboard updates while a student answers in another browser', async ({ browser }) => {
	test.setTimeout(90_000);
	const quiz = await shippedQuiz();
	const q1 = quiz.questions[0];
	const right = q1.options!.find((o) => o.correct)!;
	const app = await startApp();
	expect(await app.ready).toBe(true);
	try {
		const s = await seed(app.url);
		const teacher = await pageAs(browser, app, s.admin, true);
		await teacher.goto(`/teach/results/assignment/${s.assignmentA}/questions/1`);
		await expect(teacher.getByRole('status').filter({ hasText: 'Updates as students answer.' })).toBeVisible({ timeout: 20_000 });
		await expect(teacher.locator("summary", { hasText: `${right.label} ✓: 0 students` })).toBeVisible();
		// A mark that a reload would wipe: the page must change in place.
		await teacher.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

		const student = await pageAs(browser, app, s.studentA, true);
		await student.goto(`/me/assignments/${s.assignmentA}/1`);
		await student.getByRole('radio', { name: right.label }).check();
		await student.getByRole('radio', { name: 'Fairly sure' }).check();
		await student.getByRole('button', { name: 'Save answer' }).click();
		await expect(student.getByRole('status')).toContainText('Answer to question 1 saved');

		await expect(teacher.locator('summary', { hasText: `${right.label} ✓: 1 student` })).toBeVisible({ timeout: 10_000 });
		expect(await teacher.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
	} finally {
		await app.stop();
	}
});
