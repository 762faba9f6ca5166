/**
 * Class-wide results end to end: a student answers sure and wrong and sees accuracy and the
 * certainty-based score apart (never a negative part of a positive maximum); the teacher
 * sees "To grade" on the home and class pages and follows it, and opens students by
 * assignments keyboard-only and downloads its CSV. JavaScript on and off, axe on each page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { readPack } from '../../src/lib/server/content/read-pack';
import { SHIPPED_CONTENT } from '../fixtures/content-pack';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, SLUG, test } from './fixtures';
import { assign, seed, type Seeded } from './http-seed';

/** "−39 of 25 marks" and the like: a negative score read as a part of a positive maximum. */
const NEGATIVE_OF_MAX = /[−-]\s?\d+(\.\d+)? of \d+/;

async function pageAs(browser: Browser, app: AppProcess, who: Seeded['admin'], javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, storageState: await who.storageState(), acceptDownloads: true });
	return context.newPage();
}

/**
 * The certainty-based score's scale over `questions` (those accuracy counts: the quiz's, less
 * written answers still to grade), in the students' words: "on a scale from −108 to +57".
 */
function scaleOf(questions: readonly { certainty?: boolean }[]): string {
	const lowest = questions.reduce((sum, q) => sum + (q.certainty ? 6 : 0), 0);
	const highest = questions.reduce((sum, q) => sum + (q.certainty ? 3 : 1), 0);
	return `on a scale from −${lowest} to +${highest}`;
}

for (const javaScriptEnabled of [true, false]) {
	test(`to grade, students by assignments and the student's two figures, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
		test.setTimeout(120_000);
		const quiz = (await readPack(join(SHIPPED_CONTENT, 'articles', SLUG)))!.quiz!;
		const app = await startApp();
		expect(await app.ready).toBe(true);
		const axe = (page: Page) => expectNoAxeViolations(page, javaScriptEnabled);
		try {
			const s = await seed(app.url, { assignment: false });
			const id = await assign(s.admin, s.classA.id, { maxAttempts: '1', feedback: 'after-submit' });

			// Ana answers the certainty questions very sure and wrong, and writes one answer.
			const student = await pageAs(browser, app, s.studentA, javaScriptEnabled);
			const base = `/me/assignments/${id}`;
			await student.goto(base);
			await student.getByRole('button', { name: 'Start' }).click();
			const sure = quiz.questions
				.map((q, i) => ({ q, number: i + 1 }))
				.filter(({ q }) => q.certainty && (q.type === 'multiple-choice' || q.type === 'headline-vs-body') && q.options!.some((o) => o.label))
				.slice(0, 2);
			expect(sure.length).toBe(2);
			for (const { q, number } of sure) {
				await student.goto(`${base}/${number}`);
				await student.getByRole('radio', { name: q.options!.find((o) => !o.correct)!.label!, exact: true }).check();
				await student.getByRole('radio', { name: 'Very sure' }).check();
				await student.getByRole('button', { name: 'Save answer' }).click();
				await expect(student).toHaveURL(/\?saved=\d+$/);
			}
			const written = quiz.questions.findIndex((q) => q.type === 'short-answer') + 1;
			await student.goto(`${base}/${written}`);
			await student.getByLabel('Your answer').fill('It is a paraphrase, so the words are the writer’s.');
			await student.getByRole('button', { name: 'Save answer' }).click();
			await expect(student).toHaveURL(/\?saved=\d+$/);
			await student.goto(`${base}/submit`);
			await student.getByRole('button', { name: 'Submit my answers' }).click();
			await expect(student).toHaveURL(/\/review\/1$/);

			// Accuracy and score apart: none right of the quiz's questions (unanswered ones count as not right, the
			// written answer waits outside); −12 marks on its whole range, never "−12 of 6".
			const accuracy = `0 of ${quiz.questions.length - 1} right (0%)`;
			await expect(student.getByText(accuracy)).toBeVisible();
			const score = `−12 marks, ${scaleOf(quiz.questions.filter((_, i) => i !== written - 1))}`;
			await expect(student.getByText(score)).toBeVisible();
			await expect(student.getByText(/a right answer earns \+1, \+2 or \+3 and a wrong one 0, −2 or −6/)).toBeVisible();
			expect(await student.locator('main').innerText()).not.toMatch(NEGATIVE_OF_MAX);
			await axe(student);
			await student.goto(base);
			await expect(student.getByText(score)).toBeVisible();
			expect(await student.locator('main').innerText()).not.toMatch(NEGATIVE_OF_MAX);
			await axe(student);

			// The teacher's home says what waits to be graded, and leads to the grading page.
			const teacher = await pageAs(browser, app, s.admin, javaScriptEnabled);
			await teacher.goto('/teach');
			const home = teacher.getByRole('region', { name: 'To grade' });
			await expect(home).toContainText('1 written answer is waiting for your grade.');
			await expect(home.getByRole('listitem')).toContainText('1 written answer from 1 student');
			await axe(teacher);
			await home.getByRole('link', { name: `Grade ${quiz.title} (Class A)` }).click();
			await expect(teacher).toHaveURL(new RegExp(`/teach/classes/${s.classA.id}/assignments/${id}/grade$`));

			// So does the class page.
			await teacher.goto(`/teach/classes/${s.classA.id}`);
			const onClass = teacher.getByRole('region', { name: 'To grade' });
			await expect(onClass.getByRole('link', { name: `Grade ${quiz.title}` })).toHaveAttribute('href', `/teach/classes/${s.classA.id}/assignments/${id}/grade`);
			await axe(teacher);

			// Students by assignments, keyboard only: from the class page, into the table, and the CSV.
			const open = teacher.getByRole('link', { name: 'Students by assignments' });
			await open.focus();
			await teacher.keyboard.press('Enter');
			await expect(teacher).toHaveURL(new RegExp(`/teach/classes/${s.classA.id}/students$`));
			await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Students by assignments');
			await expect(teacher.getByText(/Each cell is the student’s best finished attempt/)).toBeVisible();
			const table = teacher.getByRole('table', { name: /Accuracy by student/ });
			const ana = table.getByRole('row', { name: /^Ana/ });
			// The same figure as on Ana's own page, in the same words.
			await expect(ana).toContainText(`${accuracy}, 1 to grade`);
			await expect(table.getByRole('row', { name: /^Amir/ })).toContainText('not started');
			await expect(table.getByRole('row', { name: /^Class average/ })).toContainText('0%');
			await axe(teacher);
			// Tab from the download link reaches Ana's cell first (the table follows it).
			await teacher.getByRole('link', { name: 'Download CSV' }).focus();
			await teacher.keyboard.press('Tab');
			const cell = ana.getByRole('link', { name: /^Ana, / });
			await expect(cell).toBeFocused();
			const studentId = s.classA.studentIds['Ana'];
			// The cell opens the attempt it counts.
			await expect(cell).toHaveAttribute('href', `/teach/results/assignment/${id}/students/${studentId}?attempt=1`);
			const download = teacher.waitForEvent('download');
			await teacher.getByRole('link', { name: 'Download CSV' }).focus();
			await teacher.keyboard.press('Enter');
			const csv = await readFile((await (await download).path())!, 'utf8');
			const [header, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
			expect(header.replace(/\d{4}-\d{2}-\d{2}/, 'DAY')).toBe(`student,Assignment DAY: ${quiz.title},average %,trend`);
			expect(lines).toContain(`Ana,"${accuracy}, 1 to grade",0,one result so far`);
			expect(lines).toContain('Amir,not started,,no results yet');
		} finally {
			await app.stop();
		}
	});
}
