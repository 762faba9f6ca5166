/**
 * Assignments end to end: a teacher assigns the shipped quiz; a student answers, reloads
 * and resumes, submits and reviews; the teacher grades a written answer and downloads the
 * CSV. Then, over HTTP, that no key or feedback is served before the setting allows it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { readPack } from '../../src/lib/server/content/read-pack';
import { SHIPPED_CONTENT } from '../fixtures/content-pack';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, SLUG, test } from './fixtures';
import { assign, client, post, seed, type Seeded } from './http-seed';

async function shippedQuiz() {
	return (await readPack(join(SHIPPED_CONTENT, 'articles', SLUG)))!.quiz!;
}

/** A browser page signed in as an HTTP seeding client is. */
async function pageAs(browser: Browser, app: AppProcess, who: Seeded['admin'], javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, storageState: await who.storageState() });
	return context.newPage();
}

for (const javaScriptEnabled of [true, false]) {
	test(`assign, answer, resume, submit, review, grade and export, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
		test.setTimeout(120_000);
		const quiz = await shippedQuiz();
		const app = await startApp();
		expect(await app.ready).toBe(true);
		const axe = (page: Page) => expectNoAxeViolations(page, javaScriptEnabled);
		try {
			const s = await seed(app.url, { assignment: false });
			// The teacher assigns the quiz: two attempts, feedback after submitting, no shuffling.
			const teacher = await pageAs(browser, app, s.admin, javaScriptEnabled);
			await teacher.goto(`/teach/classes/${s.classA.id}`);
			await teacher.getByRole('link', { name: 'Assign a quiz' }).click();
			await axe(teacher);
			await teacher.getByRole('radio', { name: quiz.title }).check();
			await teacher.getByLabel('Attempts allowed').fill('2');
			await teacher.getByRole('radio', { name: /After they submit/ }).check();
			await teacher.getByRole('button', { name: 'Assign to Class A' }).click();
			await expect(teacher.getByRole('status')).toContainText('Assigned');
			const results = teacher.getByRole('table', { name: /Marks for each student/ });
			await expect(results.getByRole('row', { name: /Ana/ })).toContainText('Not started');
			await axe(teacher);
			const assignmentUrl = teacher.url().split('?')[0];

			// The student sees it on their page and starts.
			const student = await pageAs(browser, app, s.studentA, javaScriptEnabled);
			await student.goto('/me');
			await student.getByRole('link', { name: quiz.title }).click();
			await axe(student);
			await student.getByRole('button', { name: 'Start' }).click();
			await expect(student).toHaveURL(/\/me\/assignments\/[^/]+\/1$/);
			const studentBase = student.url().replace(/\/1$/, '');
			await axe(student);

			// Question 1 (multiple choice, how sure): saved, not graded in sight.
			const q1 = quiz.questions[0];
			const right = q1.options!.find((o) => o.correct)!;
			await student.getByRole('radio', { name: right.label!, exact: true }).check();
			await student.getByRole('radio', { name: 'Very sure' }).check();
			await student.getByRole('button', { name: 'Save answer' }).click();
			await expect(student).toHaveURL(/\/2\?saved=1$/);
			await expect(student.getByRole('status')).toHaveText('Answer to question 1 saved.');
			expect(await student.content()).not.toContain(right.feedback.slice(0, 40));

			// Reload, and go back: the answer is still there, and can change until submitting.
			await student.reload();
			await student.getByRole('link', { name: 'Question 1, answered' }).click();
			await expect(student.getByRole('radio', { name: right.label!, exact: true })).toBeChecked();
			await expect(student.getByRole('status')).toContainText('Your answer is saved');

			// A written answer, on the question's own screen.
			const writtenIndex = quiz.questions.findIndex((q) => q.type === 'short-answer');
			await student.getByRole('link', { name: `Question ${writtenIndex + 1}, not answered` }).click();
			await student.getByLabel('Your answer').fill('The report text does not contain the quote, so it is unverified.');
			await student.getByRole('button', { name: 'Save answer' }).click();

			// Review and submit: the unanswered ones are pointed out.
			await student.goto(`${studentBase}/submit`);
			await expect(student.getByText(`You have answered 2 of ${quiz.questions.length} questions.`)).toBeVisible();
			await axe(student);
			await student.getByRole('button', { name: 'Submit my answers' }).click();
			await expect(student).toHaveURL(/\/review\/1$/);
			await expect(student.getByText(/of \d+ marks, with 1 written answer still to be scored/)).toBeVisible();
			const feedback = student.getByRole('region', { name: 'Right' }).first();
			await expect(feedback).toContainText(right.feedback.slice(0, 40));
			await expect(feedback.getByRole('link', { name: 'the passage in the article' })).toHaveAttribute('href', `/articles/${SLUG}#${q1.claim}`);
			await axe(student);
			// Submitted answers cannot change: the question pages send the student back.
			await student.goto(`${studentBase}/1`);
			await expect(student.getByRole('button', { name: 'Start attempt 2' })).toBeVisible();

			// The teacher scores the written answer against the rubric.
			await teacher.goto(assignmentUrl);
			await expect(results.getByRole('row', { name: /Ana/ })).toContainText('Finished');
			await teacher.getByRole('link', { name: /Grade written answers \(1 waiting\)/ }).click();
			await axe(teacher);
			const rubric = quiz.questions[writtenIndex].rubric!;
			const card = teacher.getByRole('listitem').filter({ hasText: 'Ana · Question' });
			await card.getByRole('checkbox', { name: new RegExp(rubric[0].description.slice(0, 30)) }).check();
			await card.getByLabel('Comment for Ana').fill('Good: you kept “not found” apart from “false”.');
			await card.getByRole('button', { name: 'Save score' }).click();
			await expect(teacher.getByRole('status')).toContainText(`Scored ${rubric[0].points} of ${rubric.reduce((n, r) => n + r.points, 0)} points`);

			// The student's review shows the score and the comment.
			await student.goto(`${studentBase}/review/1`);
			await expect(student.getByText('Your teacher says: Good')).toBeVisible();

			// Results and CSV.
			await teacher.goto(assignmentUrl);
			await expect(results.getByRole('row', { name: /Ana/ })).not.toContainText('to grade');
			const download = teacher.waitForEvent('download');
			await teacher.getByRole('link', { name: 'Download CSV' }).click();
			const csv = await readFile((await (await download).path())!, 'utf8');
			const [header, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
			expect(header).toMatch(/^student,status,attempts used,attempt counted,submitted,"?Q1: /);
			expect(lines.find((l) => l.startsWith('Ana,'))).toMatch(/^Ana,finished,1,1,/);
			expect(lines.find((l) => l.startsWith('Amir,'))).toMatch(/^Amir,not started,0,/);
		} finally {
			await app.stop();
		}
	});
}

test.describe('what is served before feedback may show', () => {
	let app: AppProcess;
	let s: Seeded;
	test.beforeAll(async () => {
		app = await startApp();
		expect(await app.ready).toBe(true);
		s = await seed(app.url);
	});
	test.afterAll(async () => app?.stop());

	/** Every option's feedback and every explanation of the shipped quiz: none may be served early. */
	async function secrets() {
		const quiz = await shippedQuiz();
		return quiz.questions.flatMap((q) => [q.explanation, ...(q.options ?? []).map((o) => o.feedback)]).map((t) => t.replace(/\s+/g, ' ').slice(0, 50));
	}
	const leaks = async (html: string) => (await secrets()).filter((secret) => html.replace(/\s+/g, ' ').includes(secret.replace(/&/g, '&amp;')));

	test('after closing: nothing before the close, even after submitting; everything after', async () => {
		const id = await assign(s.admin, s.classA.id, { feedback: 'after-close' });
		const base = `/me/assignments/${id}`;
		await post(s.studentA, `${base}?/start`, {});
		const page = await (await s.studentA.get(`${base}/1`)).text();
		const attempt = /name="attempt" value="([^"]+)"/.exec(page)![1];
		await post(s.studentA, `${base}/1?/answer`, { attempt, question: 'q01', choice: '0', certainty: '2' });
		expect(await leaks(await (await s.studentA.get(`${base}/1`)).text())).toEqual([]);
		await post(s.studentA, `${base}/submit?/submit`, { attempt });
		const review = await (await s.studentA.get(`${base}/review/1`)).text();
		expect(review).toContain('show after the assignment closes');
		expect(await leaks(review)).toEqual([]);
		// Answers cannot change after submitting.
		const late = await s.studentA.post(`${base}/1?/answer`, { form: { attempt, question: 'q01', choice: '1', certainty: '2' } });
		expect(late.status()).toBe(409);

		await post(s.admin, `/teach/classes/${s.classA.id}/assignments/${id}?/closeNow`, {}, 200);
		expect((await leaks(await (await s.studentA.get(`${base}/review/1`)).text())).length).toBeGreaterThan(0);
	});

	test('after each question: only for questions answered', async () => {
		const id = await assign(s.admin, s.classA.id, { feedback: 'each-question', shuffle: 'on' });
		const base = `/me/assignments/${id}`;
		await post(s.studentA, `${base}?/start`, {});
		const before = await (await s.studentA.get(`${base}/1`)).text();
		expect(await leaks(before)).toEqual([]);
		const attempt = /name="attempt" value="([^"]+)"/.exec(before)![1];
		const key = /name="question" value="([^"]+)"/.exec(before)![1];
		const form: Record<string, string> = { attempt, question: key, choice: '0', certainty: '1', sentence: 'c01', text: 'An answer.' };
		await post(s.studentA, `${base}/1?/answer`, form);
		expect((await leaks(await (await s.studentA.get(`${base}/1`)).text())).length).toBeGreaterThan(0);
		expect(await leaks(await (await s.studentA.get(`${base}/2`)).text())).toEqual([]);
	});

	test('practising the same quiz is paused for the class while the assignment is open, and only for it', async () => {
		const practice = `/articles/${SLUG}/practice`;
		expect(await (await s.studentA.get(practice)).text()).toContain('practising it is paused');
		const refused = await s.studentA.post(`${practice}?/start`, { form: {} });
		expect(refused.status()).toBe(403);
		expect(await refused.text()).toContain('practising it is paused');
		// Class B has no assignment, and visitors without an account are not affected.
		await post(s.studentB, `${practice}?/start`, {});
		await post(await client(app.url), `${practice}?/start`, {});
	});

	test('refuses another student’s attempt, an option that is not the question’s, and a closed assignment', async () => {
		const id = await assign(s.admin, s.classA.id, { maxAttempts: '1' });
		const base = `/me/assignments/${id}`;
		await post(s.studentA, `${base}?/start`, {});
		const attempt = /name="attempt" value="([^"]+)"/.exec(await (await s.studentA.get(`${base}/1`)).text())![1];
		// Amir, in the same class on another device, names Ana's attempt.
		const amir = await client(app.url);
		await post(amir, `/join/${s.classA.code}?/pick`, { student: s.classA.studentIds['Amir'] });
		const forged = await amir.post(`${base}/1?/answer`, { form: { attempt, question: 'q01', choice: '0', certainty: '1' } });
		expect(forged.status()).toBe(403);
		expect(await forged.text()).toContain('That attempt is not yours');

		const wrongOption = await s.studentA.post(`${base}/1?/answer`, { form: { attempt, question: 'q01', choice: '42', certainty: '1' } });
		expect(wrongOption.status()).toBe(400);
		expect(await wrongOption.text()).toContain('not part of this question');

		await post(s.admin, `/teach/classes/${s.classA.id}/assignments/${id}?/closeNow`, {}, 200);
		const closed = await s.studentA.post(`${base}?/start`, { form: {} });
		expect(closed.status()).toBe(409);
		expect(await closed.text()).toContain('closed');
		// Nothing was saved by the refused answers.
		const csv = await (await s.admin.get(`/teach/classes/${s.classA.id}/assignments/${id}/results.csv`)).text();
		expect(csv).toMatch(/\r\nAna,finished,1,1,,(,)+0,/);
	});
});
