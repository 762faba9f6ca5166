/**
 * Assignments end to end: a teacher assigns the shipped quiz; a student answers, reloads
 * and resumes, submits and reviews; the teacher grades a written answer and downloads the
 * CSV. Then, over HTTP, that no key or feedback is served before the setting allows it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { readPack } from '../../src/lib/server/content/read-pack';
import { SHIPPED_CONTENT } from '../fixtures/content-pack';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, SLUG, test } from './fixtures';
import { assign, client, localInput, PACK_QUIZ, post, seed, type Seeded } from './http-seed';

async function shippedQuiz() {
	return (await readPack(join(SHIPPED_CONTENT, 'articles', SLUG)))!.quiz!;
}

type ShippedQuestion = Awaited<ReturnType<typeof shippedQuiz>>['questions'][number];

const fold = (text: string) => text.replace(/\s+/g, ' ');

/** Every string in a page's data, as client-side navigation fetches it (devalue keeps strings as JSON strings). */
function dataStrings(json: string): string[] {
	const out: string[] = [];
	const walk = (v: unknown): void => {
		if (typeof v === 'string') out.push(v);
		else if (Array.isArray(v)) v.forEach(walk);
		else if (v && typeof v === 'object') Object.values(v).forEach(walk);
	};
	walk(JSON.parse(json));
	return out;
}

/** What a browser receives for a page: its HTML and its __data.json, as text with whitespace folded. */
async function served(ctx: APIRequestContext, path: string): Promise<{ html: string; data: string }> {
	const page = await ctx.get(path);
	expect(page.status(), path).toBe(200);
	const html = (await page.text()).replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<');
	const data = await ctx.get(`${path}/__data.json`);
	expect(data.status(), `${path}/__data.json`).toBe(200);
	return { html: fold(html), data: fold(dataStrings(await data.text()).join('\n')) };
}

/**
 * What would give a question's right answer away, for a student who chose `chosen` (option
 * values): its explanation, the feedback on every option they did not choose, its key
 * passages, and (with `labels`, for pages that do not offer the options) the labels of
 * right options they did not choose.
 */
function rightAnswerTexts(q: ShippedQuestion, chosen: string[] = [], labels = true): string[] {
	const cut = (t: string) => fold(t).slice(0, 50);
	const options = (q.options ?? []).filter((o) => !chosen.includes(o.value));
	return [
		cut(q.explanation),
		...options.map((o) => cut(o.feedback)),
		...options.filter((o) => labels && o.correct && o.label).map((o) => cut(o.label!)),
		...(q.evidence ?? []).map((e) => e.quote)
	];
}

/** Which of `texts` a page's HTML or data contains. */
function found(page: { html: string; data: string }, texts: string[]): string[] {
	return texts.filter((t) => page.html.includes(t) || page.data.includes(t));
}

/** A browser page signed in as an HTTP seeding client is. */
async function pageAs(browser: Browser, app: AppProcess, who: Seeded['admin'], javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, storageState: await who.storageState() });
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
	test(`assign, answer, resume, submit, review, grade and export, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
		test.setTimeout(120_000);
		const quiz = await shippedQuiz();
		const app = await startApp();
		expect(await app.ready).toBe(true);
		const axe = (page: Page) => expectNoAxeViolations(page, javaScriptEnabled);
		try {
			const s = await seed(app.url, { assignment: false });
			// The teacher assigns the quiz: two attempts, feedback after submitting, the right
			// answers after every attempt (the other choice is the default), no shuffling.
			const teacher = await pageAs(browser, app, s.admin, javaScriptEnabled);
			await teacher.goto(`/teach/classes/${s.classA.id}`);
			await teacher.getByRole('link', { name: 'Assign a quiz' }).click();
			await axe(teacher);
			await teacher.getByRole('radio', { name: quiz.title }).check();
			await teacher.getByLabel('Attempts allowed').fill('2');
			await teacher.getByRole('radio', { name: /After they submit/ }).check();
			await expect(teacher.getByRole('radio', { name: /^After their last attempt, or when the assignment closes/ })).toBeChecked();
			await teacher.getByRole('radio', { name: /^Show the right answers after every attempt.*could copy them into their next attempt/ }).check();
			await teacher.getByRole('button', { name: 'Assign to Class A' }).click();
			await expect(teacher.getByRole('status')).toContainText('Assigned');
			const results = teacher.getByRole('table', { name: /Marks for each student/ });
			await expect(results.getByRole('row', { name: /Ana/ })).toContainText('Not started');
			await axe(teacher);
			const assignmentUrl = teacher.url().split('?')[0];
			await expect(teacher.getByText(/Right answers after every attempt/)).toBeVisible();
			await expect(teacher.getByRole('radio', { name: /^Show the right answers after every attempt/ })).toBeChecked();

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
			// Accuracy and the certainty-based score apart; the written answer waits outside both, and the
			// questions left unanswered count as not right: 1 right of the quiz's questions less the 1 to grade.
			const counted = quiz.questions.length - 1;
			await expect(student.getByText(`1 of ${counted} right (${Math.round(100 / counted)}%)`)).toBeVisible();
			// The score's scale spans the same questions: the quiz's, less the written answer to grade.
			await expect(student.getByText(`3 marks, ${scaleOf(quiz.questions.filter((_, i) => i !== writtenIndex))}`)).toBeVisible();
			await expect(student.getByText('1 written answer still to be marked by your teacher, not counted yet.')).toBeVisible();
			const feedback = student.getByRole('region', { name: 'Right' }).first();
			await expect(feedback).toContainText(right.feedback.slice(0, 40));
			// The teacher chose to show the right answers after every attempt: the explanation shows.
			await expect(feedback).toContainText(q1.explanation.slice(0, 40));
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

for (const javaScriptEnabled of [true, false]) {
	test(`two attempts, feedback after submitting: the right answers wait for the last attempt, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const quiz = await shippedQuiz();
		const app = await startApp();
		expect(await app.ready).toBe(true);
		const axe = (page: Page) => expectNoAxeViolations(page, javaScriptEnabled);
		try {
			const s = await seed(app.url, { assignment: false });
			// As the new-user trial set it: two attempts, feedback after submitting, the form's default for the right answers.
			const id = await assign(s.admin, s.classA.id, { maxAttempts: '2', feedback: 'after-submit' });
			const base = `/me/assignments/${id}`;
			const later = /The right answers appear after your last attempt or when the assignment closes on \w{3}, \w{3} \d+/;
			const student = await pageAs(browser, app, s.studentA, javaScriptEnabled);
			await student.goto(base);
			await expect(student.getByText(later)).toBeVisible();
			await axe(student);
			await student.getByRole('button', { name: 'Start' }).click();

			// Question 1, answered wrongly and very sure.
			const q1 = quiz.questions[0];
			const right = q1.options!.find((o) => o.correct)!;
			const wrong = q1.options!.find((o) => !o.correct)!;
			await student.getByRole('radio', { name: wrong.label!, exact: true }).check();
			await student.getByRole('radio', { name: 'Very sure' }).check();
			await student.getByRole('button', { name: 'Save answer' }).click();
			await expect(student).toHaveURL(/\/2\?saved=1$/);
			await student.goto(`${base}/submit`);
			await expect(student.getByText(later)).toBeVisible();
			await axe(student);
			await student.getByRole('button', { name: 'Submit my answers' }).click();
			await expect(student).toHaveURL(/\/review\/1$/);

			// Attempt 1's review: right or not, the marks and the student's own feedback, and why the rest waits.
			const feedback = student.getByRole('region', { name: 'Not right' }).first();
			await expect(feedback).toContainText(wrong.feedback.slice(0, 40));
			await expect(feedback).toContainText('-6 marks (the most possible: 3); you said you were very sure');
			await expect(student.getByText(later)).toBeVisible();
			await expect(student.getByText('You have 1 attempt left')).toBeVisible();
			await axe(student);
			// Nothing that gives the right answer away, in what is shown or in what the browser received.
			const held = rightAnswerTexts(q1, [wrong.value]);
			expect(held).toContain(fold(right.feedback).slice(0, 50));
			expect(found({ html: fold(await student.content()), data: '' }, [...held, 'Right answer', 'the passage in the article'])).toEqual([]);
			expect(found(await served(s.studentA, `${base}/review/1`), [...held, 'Right answer', 'the passage in the article'])).toEqual([]);

			// Attempt 2 can start at once, and while it is under way attempt 1's review still holds the answers back.
			await student.getByRole('link', { name: 'back to the assignment' }).click();
			await student.getByRole('button', { name: 'Start attempt 2' }).click();
			await expect(student).toHaveURL(/\/me\/assignments\/[^/]+\/1$/);
			expect(found(await served(s.studentA, `${base}/review/1`), held)).toEqual([]);

			// After the last attempt, both reviews show the right answers.
			await student.goto(`${base}/submit`);
			await expect(student.getByText('You then see your marks and feedback.')).toBeVisible();
			await student.getByRole('button', { name: 'Submit my answers' }).click();
			await expect(student).toHaveURL(/\/review\/2$/);
			await expect(student.getByText(later)).toHaveCount(0);
			await student.goto(`${base}/review/1`);
			await expect(feedback).toContainText(right.feedback.slice(0, 40));
			await expect(feedback).toContainText(q1.explanation.slice(0, 40));
			await expect(feedback.getByRole('link', { name: 'the passage in the article' })).toHaveAttribute('href', `/articles/${SLUG}#${q1.claim}`);
			await expect(student.getByText(later)).toHaveCount(0);
			await axe(student);
			const shown = [right.feedback, q1.explanation, right.label!].map((t) => fold(t).slice(0, 50));
			expect(found(await served(s.studentA, `${base}/review/1`), shown)).toEqual(shown);

			// After each question, two attempts: the verdict at once, with the same note instead of the right answer.
			const perQuestion = await assign(s.admin, s.classA.id, { maxAttempts: '2', feedback: 'each-question' });
			await student.goto(`/me/assignments/${perQuestion}`);
			await student.getByRole('button', { name: 'Start' }).click();
			await student.getByRole('radio', { name: wrong.label!, exact: true }).check();
			await student.getByRole('radio', { name: 'Not sure' }).check();
			await student.getByRole('button', { name: 'Check my answer' }).click();
			const verdict = student.getByRole('region', { name: 'Not right' });
			await expect(verdict).toContainText(wrong.feedback.slice(0, 40));
			await expect(verdict).toContainText(later);
			await expect(verdict).not.toContainText(q1.explanation.slice(0, 40));
			await axe(student);
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

	/** The position a question page gives an option (options are shuffled per attempt). */
	function positionOf(html: string, label: string): string {
		for (const m of html.matchAll(/<input type="(?:radio|checkbox)" name="choice" value="(\d+)"[^>]*>\s*([^<]*)</g)) {
			if (fold(m[2]).trim() === fold(label).trim()) return m[1];
		}
		throw new Error(`The page has no option "${label}"`);
	}

	/**
	 * Answers question `n` of the attempt in progress wrongly, over HTTP as a form without
	 * JavaScript would: the options `values` (by their labels), or a sentence, or a text.
	 * Returns the attempt's id.
	 */
	async function answer(base: string, n: number, q: ShippedQuestion, values: string[]): Promise<string> {
		const page = await (await s.studentA.get(`${base}/${n}`)).text();
		const attempt = /name="attempt" value="([^"]+)"/.exec(page)![1];
		const form: Record<string, string> = { attempt, question: q.id, certainty: '2' };
		if (q.type === 'find-evidence') form.sentence = values[0];
		else if (q.type === 'short-answer') form.text = values[0];
		// (Playwright's form option takes one value per name, so a multiple response goes as a query string.)
		const body = new URLSearchParams(form);
		for (const v of q.options ? values : []) body.append('choice', positionOf(page, q.options!.find((o) => o.value === v)!.label!));
		const saved = await s.studentA.post(`${base}/${n}?/answer`, { data: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(saved.status(), await saved.text()).toBe(303);
		return attempt;
	}

	test('two attempts after submitting: no right answer, key or other option’s feedback until the last attempt', async () => {
		const quiz = await shippedQuiz();
		const id = await assign(s.admin, s.classA.id, { maxAttempts: '2', feedback: 'after-submit' });
		const base = `/me/assignments/${id}`;
		await post(s.studentA, `${base}?/start`, {});
		// Wrong answers of each kind: a multiple choice, find the evidence, a multiple response, a written answer.
		const at = (key: string) => quiz.questions.findIndex((q) => q.id === key);
		const chosen: Record<string, string[]> = { q01: ['b'], q02: ['c01'], q12: ['d', 'e'], q16: ['Nobody, it is true.'] };
		let attempt = '';
		for (const [key, values] of Object.entries(chosen)) attempt = await answer(base, at(key) + 1, quiz.questions[at(key)], values);
		await post(s.studentA, `${base}/submit?/submit`, { attempt });

		const secrets = quiz.questions.flatMap((q) => rightAnswerTexts(q, chosen[q.id]));
		const own = ['q01', 'q12'].flatMap((key) => quiz.questions[at(key)].options!.filter((o) => chosen[key].includes(o.value)).map((o) => fold(o.feedback).slice(0, 50)));
		const review = await served(s.studentA, `${base}/review/1`);
		expect(found(review, secrets)).toEqual([]);
		expect(found(review, ['Right answer', 'the passage in the article', 'Sourcing note', 'Framing note', 'The words that answer it'])).toEqual([]);
		// What is shown: right or not, the student's own feedback, and when the rest comes.
		expect(found(review, own)).toEqual(own);
		expect(review.html).toContain('Not right');
		expect(review.html).toContain('The right answers appear after your last attempt or when the assignment closes on');

		// Attempt 2 under way: attempt 1's review still holds them back.
		await post(s.studentA, `${base}?/start`, {});
		expect(found(await served(s.studentA, `${base}/review/1`), secrets)).toEqual([]);

		// Attempt 2 handed in, the last: the right answers of the questions answered show.
		const second = /name="attempt" value="([^"]+)"/.exec(await (await s.studentA.get(`${base}/1`)).text())![1];
		await post(s.studentA, `${base}/submit?/submit`, { attempt: second });
		const after = await served(s.studentA, `${base}/review/1`);
		const answered = Object.keys(chosen).map((key) => fold(quiz.questions[at(key)].explanation).slice(0, 50));
		expect(found(after, answered)).toEqual(answered);
		expect(found(after, ['Right answer', 'the passage in the article', 'The words that answer it', 'reported conversation'])).toHaveLength(4);
	});

	test('after each question with two attempts: right or not at once, the right answer only in the last attempt', async () => {
		const quiz = await shippedQuiz();
		const q1 = quiz.questions[0];
		const id = await assign(s.admin, s.classA.id, { maxAttempts: '2', feedback: 'each-question' });
		const base = `/me/assignments/${id}`;
		await post(s.studentA, `${base}?/start`, {});
		const first = await answer(base, 1, q1, ['b']);
		const page = await served(s.studentA, `${base}/1`);
		// (The question page's data offers every option's label, to answer with; none is marked right.)
		expect(found(page, rightAnswerTexts(q1, ['b'], false))).toEqual([]);
		expect(found(page, ['Right answer'])).toEqual([]);
		expect(found(page, [fold(q1.options![1].feedback).slice(0, 50)])).toHaveLength(1);
		expect(page.html).toContain('The right answers appear after your last attempt');

		// In the last attempt an answer is final, so its right answer shows; attempt 1's review still waits.
		await post(s.studentA, `${base}/submit?/submit`, { attempt: first });
		await post(s.studentA, `${base}?/start`, {});
		await answer(base, 1, q1, ['b']);
		expect(found(await served(s.studentA, `${base}/1`), [fold(q1.explanation).slice(0, 50), 'Right answer'])).toHaveLength(2);
		expect(found(await served(s.studentA, `${base}/review/1`), rightAnswerTexts(q1, ['b']))).toEqual([]);
	});

	test('the right answers after every attempt, when the teacher chose so; the choice can change after students start', async () => {
		const quiz = await shippedQuiz();
		const q1 = quiz.questions[0];
		const rules = { maxAttempts: '2', feedback: 'after-submit' };
		// Anything but the form's two choices is refused, with the reason.
		const refused = await s.admin.post(`/teach/classes/${s.classA.id}/assign`, { form: { quiz: PACK_QUIZ, ...rules, answers: 'sometimes', opensAt: localInput(new Date(Date.now() - 3600_000)), closesAt: localInput(new Date(Date.now() + 3600_000)) } });
		expect(refused.status()).toBe(400);
		expect(await refused.text()).toContain('Choose when students see the right answers.');

		const id = await assign(s.admin, s.classA.id, { ...rules, answers: 'each' });
		const base = `/me/assignments/${id}`;
		await post(s.studentA, `${base}?/start`, {});
		const attempt = await answer(base, 1, q1, ['b']);
		await post(s.studentA, `${base}/submit?/submit`, { attempt });
		const shown = [q1.explanation, q1.options!.find((o) => o.correct)!.feedback].map((t) => fold(t).slice(0, 50));
		expect(found(await served(s.studentA, `${base}/review/1`), shown)).toEqual(shown);

		// The teacher changes their mind: from now on the review holds them back.
		const settings = `/teach/classes/${s.classA.id}/assignments/${id}?/update`;
		const times = { opensAt: localInput(new Date(Date.now() - 3600_000)), closesAt: localInput(new Date(Date.now() + 24 * 3600_000)) };
		await post(s.admin, settings, { ...rules, ...times, answers: 'last' }, 200);
		expect(found(await served(s.studentA, `${base}/review/1`), shown)).toEqual([]);
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
		// Nothing was saved by the refused answers (closing now handed the attempt in, at the close).
		const csv = await (await s.admin.get(`/teach/classes/${s.classA.id}/assignments/${id}/results.csv`)).text();
		expect(csv).toMatch(/\r\nAna,finished,1,1,\d{4}-[\d:T.-]+Z,(,)+0,/);
	});
});
