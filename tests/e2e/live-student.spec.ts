/**
 * A live session from the students' phones: one with JavaScript off (plain form posts, a
 * meta refresh that holds still while an answer is unsaved), one who reloads mid-question
 * and keeps the answer, one who joins late through the class code and lands on the current
 * question. The teacher's commands come through the server module (see live-seed.ts). Then
 * the key-leak check: nothing of the key reaches a student before the reveal, in the page,
 * its data or the event stream.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { readPack } from '../../src/lib/server/content/read-pack';
import { SHIPPED_CONTENT } from '../fixtures/content-pack';
import { freshDatabaseFile, startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, SLUG, test } from './fixtures';
import { post, seed, type Seeded } from './http-seed';
import { startLive, type LiveDriver } from './live-seed';

const PHONE = { width: 360, height: 740 };
const Q1 = /According to the section beneath it, what did Sheinbaum reject\?/;
const Q2 = /Select the words where the article mentions this report/;

/** Saves a screenshot of each state when LIVE_SHOTS names a folder (for looking at the layout; not a check). */
async function shot(page: Page, name: string) {
	const dir = process.env.LIVE_SHOTS;
	if (!dir) return;
	await mkdir(dir, { recursive: true });
	await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** A phone's browser, signed in with `cookiesFrom`'s cookies or none. */
async function phone(browser: Browser, app: AppProcess, javaScriptEnabled: boolean, cookiesFrom?: Seeded['studentA']): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: app.url, viewport: PHONE, javaScriptEnabled });
	if (cookiesFrom) await context.addCookies((await cookiesFrom.storageState()).cookies);
	return { context, page: await context.newPage() };
}

/** Joins class `code` as `name` through the join pages, as a student with only the code does; lands on /me. */
async function joinWithCode(page: Page, code: string, name: string) {
	await page.goto('/join');
	await page.getByLabel('Class code').fill(code);
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('link', { name }).click();
	await page.getByRole('button', { name: `Yes, I'm ${name}` }).click();
	await expect(page).toHaveURL(/\/me$/);
}

const refresh = (page: Page) => page.locator('meta[http-equiv="refresh"]');
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'Answer saved.' });

test.describe('a teacher-paced live session on three phones', () => {
	test.describe.configure({ mode: 'serial' });
	let app: AppProcess;
	let seeded: Seeded;
	let live: LiveDriver;
	let databaseFile: string;

	test.beforeAll(async () => {
		databaseFile = await freshDatabaseFile();
		app = await startApp({ DATABASE_URL: databaseFile });
		expect(await app.ready).toBe(true);
		seeded = await seed(app.url, { assignment: false });
		await post(seeded.admin, `/teach/classes/${seeded.classA.id}?/roster`, { names: 'Cai' }, 200);
		live = await startLive(databaseFile, 'ada@school.test', seeded.classA.id);
	});
	test.afterAll(async () => {
		await live?.close();
		await app?.stop();
	});

	/** The session's saved answers to question `index`. */
	async function answersTo(index: number) {
		const { db, tables: t } = live.handle;
		return db
			.select({ id: t.responses.id })
			.from(t.responses)
			.innerJoin(t.attempts, eq(t.attempts.id, t.responses.attemptId))
			.where(and(eq(t.attempts.liveSessionId, live.id), eq(t.responses.questionId, live.questionIds[index])));
	}

	test('students join, answer, reload, join late and see their own results, with and without JavaScript', async ({ browser }) => {
		test.setTimeout(180_000);
		// Ana: JavaScript on, signed in already; she will reload mid-question.
		const ana = await phone(browser, app, true, seeded.studentA);
		await ana.page.goto('/me');
		await expect(ana.page.getByRole('heading', { name: 'Live now' })).toBeVisible();
		await expectNoAxeViolations(ana.page, true);
		await shot(ana.page, '0-me-live-now-js');
		await ana.page.getByRole('link', { name: /^Join live: / }).click();
		await expect(ana.page.getByRole('heading', { name: 'Waiting for your teacher' })).toBeVisible();
		await expectNoAxeViolations(ana.page, true);
		await shot(ana.page, '1-lobby-js');

		// Amir: JavaScript off, has only the class code.
		const amir = await phone(browser, app, false);
		await joinWithCode(amir.page, seeded.classA.code, 'Amir');
		await expectNoAxeViolations(amir.page, false);
		await amir.page.getByRole('link', { name: /^Join live: / }).click();
		await expect(amir.page.getByRole('heading', { name: 'Waiting for your teacher' })).toBeVisible();
		await expect(refresh(amir.page)).toHaveCount(1);
		await expect(amir.page.getByRole('link', { name: 'Check for the next question' })).toBeVisible();
		await expectNoAxeViolations(amir.page, false);
		await shot(amir.page, '1-lobby-nojs');

		// The teacher starts: Amir's page refreshes itself onto question 1, and then holds still.
		await live.command('start');
		await expect(amir.page.getByRole('heading', { name: Q1 })).toBeVisible({ timeout: 10_000 });
		await expect(amir.page.getByText('Question 1 of 20')).toBeVisible();
		await expect(refresh(amir.page)).toHaveCount(0);
		await expectNoAxeViolations(amir.page, false);
		await shot(amir.page, '2-question-nojs');
		// A plain form post saves the answer; the page says so, and may refresh again.
		await amir.page.getByRole('radio', { name: 'U.S. troops on Mexican soil' }).check();
		await amir.page.getByRole('radio', { name: 'Fairly sure' }).check();
		await amir.page.getByRole('button', { name: 'Save answer' }).click();
		await expect(amir.page).toHaveURL(/\?saved=1#answer-status$/);
		await expect(saved(amir.page)).toBeVisible();
		await expect(refresh(amir.page)).toHaveCount(1);
		await expect(amir.page.getByRole('radio', { name: 'U.S. troops on Mexican soil' })).toBeChecked();
		await shot(amir.page, '3-saved-nojs');

		// Amir's answer made the app announce the session, so Ana's phone follows without a reload.
		await expect(ana.page.getByRole('heading', { name: Q1 })).toBeVisible({ timeout: 10_000 });
		await expect(ana.page.getByText('Reconnecting…')).toHaveCount(0);
		await ana.page.getByRole('radio', { name: 'Any work with the U.S.' }).check();
		await ana.page.getByRole('radio', { name: 'Very sure' }).check();
		// A double tap saves one answer.
		await ana.page.getByRole('button', { name: 'Save answer' }).dblclick();
		await expect(saved(ana.page)).toBeVisible();
		await expect(ana.page).not.toHaveURL(/saved/);
		await expect(ana.page.getByRole('button', { name: 'Change my answer' })).toBeVisible();
		expect(await answersTo(0)).toHaveLength(2);
		await expectNoAxeViolations(ana.page, true);
		await shot(ana.page, '3-saved-js');
		// She reloads mid-question: her answer is still there, still changeable.
		await ana.page.reload();
		await expect(ana.page.getByRole('radio', { name: 'Any work with the U.S.' })).toBeChecked();
		await expect(ana.page.getByRole('radio', { name: 'Very sure' })).toBeChecked();
		await expect(ana.page.getByText('Your answer is saved. You can change it until your teacher locks answers.')).toBeVisible();

		// The reveal: each student sees their own result, marks and feedback, and the way back to the passage.
		await live.command('reveal');
		await ana.page.reload();
		const result = ana.page.getByRole('region', { name: /Not right/ });
		await expect(result).toContainText('-6 marks (the most possible: 3); you said you were very sure');
		await expect(result).toContainText('not something she rejects');
		await expect(result.getByRole('link', { name: /the passage in the article/ })).toHaveAttribute('href', `/articles/${SLUG}#c03`);
		await expect(result.getByRole('link', { name: /note/ }).first()).toHaveAttribute('href', new RegExp(`/articles/${SLUG}#note-`));
		await expectNoAxeViolations(ana.page, true);
		await shot(ana.page, '4-revealed-js');
		await expect(amir.page.getByRole('region', { name: /Right/ })).toContainText('2 marks (the most possible: 3)', { timeout: 10_000 });
		await expectNoAxeViolations(amir.page, false);

		// The teacher moves on; Cai joins late with the class code and lands on question 2.
		await live.command('next');
		const cai = await phone(browser, app, true);
		await joinWithCode(cai.page, seeded.classA.code, 'Cai');
		await cai.page.getByRole('link', { name: /^Join live: / }).click();
		await expect(cai.page.getByRole('heading', { name: Q2 })).toBeVisible();
		await expect(cai.page.getByText('Question 2 of 20')).toBeVisible();
		// Cai's first join is announced: Ana's phone moves on by itself.
		await expect(ana.page.getByRole('heading', { name: Q2 })).toBeVisible({ timeout: 10_000 });
		await cai.page.getByRole('radio', { name: /regarding the reported conversation/ }).check();
		await cai.page.getByRole('radio', { name: 'Not sure' }).check();
		await cai.page.getByRole('button', { name: 'Save answer' }).click();
		await expect(saved(cai.page)).toBeVisible();
		await expectNoAxeViolations(cai.page, true);
		await shot(cai.page, '5-late-joiner-js');

		// Amir's page refreshed onto question 2 and holds still while he has not answered.
		await expect(amir.page.getByRole('heading', { name: Q2 })).toBeVisible({ timeout: 10_000 });
		await expect(refresh(amir.page)).toHaveCount(0);
		await amir.page.getByRole('radio', { name: /regarding the reported conversation/ }).check();
		await amir.page.getByRole('radio', { name: 'Very sure' }).check();

		// Ana's phone loses its connection (the server restarts): the page says it is reconnecting.
		// The teacher locks meanwhile; once the server is back, her phone shows the lock it missed.
		const port = new URL(app.url).port;
		await app.stop();
		await expect(ana.page.getByRole('status').filter({ hasText: 'Reconnecting…' })).toBeVisible({ timeout: 15_000 });
		await shot(ana.page, '5-reconnecting-js');
		await live.command('lock');
		app = await startApp({ DATABASE_URL: databaseFile, PORT: port });
		expect(await app.ready).toBe(true);
		await expect(ana.page.getByRole('heading', { name: 'Answers locked' })).toBeVisible({ timeout: 30_000 });
		await expect(ana.page.getByText('Reconnecting…')).toHaveCount(0);

		// Amir sends his answer after the lock: refused with a 409 and a message, nothing saved.
		const [refused] = await Promise.all([amir.page.waitForResponse((r) => r.request().method() === 'POST'), amir.page.getByRole('button', { name: 'Save answer' }).click()]);
		expect(refused.status()).toBe(409);
		await expect(amir.page.getByRole('alert')).toHaveText('Answers to this question are locked. Your teacher has moved on.');
		await expect(amir.page.getByRole('heading', { name: 'Answers locked' })).toBeVisible();
		await expect(amir.page.getByText('You did not answer this question.')).toBeVisible();
		expect(await answersTo(1)).toHaveLength(1);
		await expectNoAxeViolations(amir.page, false);
		await shot(amir.page, '6-locked-nojs');
		await cai.page.reload();
		await expect(cai.page.getByRole('heading', { name: 'Answers locked' })).toBeVisible();
		await expect(cai.page.getByText(/Your answer: “.*regarding the reported conversation/)).toBeVisible();
		await expectNoAxeViolations(cai.page, true);
		await shot(cai.page, '6-locked-js');

		// Paused, then ended: every answer is kept.
		await live.command('pause');
		await ana.page.reload();
		await expect(ana.page.getByRole('heading', { name: 'Paused' })).toBeVisible();
		await expectNoAxeViolations(ana.page, true);
		await shot(ana.page, '7-paused-js');
		await amir.page.getByRole('link', { name: 'Check for the next question' }).click();
		await expect(amir.page.getByRole('heading', { name: 'Paused' })).toBeVisible();
		await expect(refresh(amir.page)).toHaveCount(1);
		await expectNoAxeViolations(amir.page, false);
		// The teacher removes Cai from the session: his open page is told at once over its
		// stream (no reload), a reload says so too (403), and his stream is refused.
		const [caiRow] = await live.handle.db.select({ id: live.handle.tables.students.id }).from(live.handle.tables.students).where(eq(live.handle.tables.students.displayName, 'Cai'));
		await expect(cai.page.getByRole('heading', { name: 'Answers locked' })).toBeVisible();
		await post(seeded.admin, `/teach/live/${live.id}?/remove`, { student: caiRow.id }, 200);
		await expect(cai.page.getByRole('heading', { name: 'You can’t take part in this session' })).toBeVisible({ timeout: 10_000 });
		await expect(cai.page.getByRole('alert')).toHaveText('Your teacher removed you from this session.');
		const removed = await cai.page.reload();
		expect(removed?.status()).toBe(403);
		await expect(cai.page.getByRole('heading', { name: 'You can’t take part in this session' })).toBeVisible();
		await expect(cai.page.getByRole('alert')).toHaveText('Your teacher removed you from this session.');
		await expectNoAxeViolations(cai.page, true);
		await shot(cai.page, '7-removed-js');
		const caiCookies = (await cai.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const stream = await fetch(new URL(`/me/live/${live.id}/events`, cai.page.url()), { headers: { cookie: caiCookies } });
		expect(stream.status).toBe(403);
		await stream.body?.cancel();

		await live.command('end');
		await expect(amir.page.getByRole('heading', { name: 'The session has ended' })).toBeVisible({ timeout: 10_000 });
		await expect(amir.page.getByText('Your answers are kept. You answered 1 of 20 questions.')).toBeVisible();
		await expect(refresh(amir.page)).toHaveCount(0);
		await expectNoAxeViolations(amir.page, false);
		await shot(amir.page, '8-ended-nojs');
		await ana.page.reload();
		await expect(ana.page.getByText('Your answers are kept. You answered 1 of 20 questions.')).toBeVisible();
		await expectNoAxeViolations(ana.page, true);
		await ana.page.goto('/me');
		await expect(ana.page.getByRole('heading', { name: 'Live now' })).toHaveCount(0);
		for (const p of [ana, amir, cai]) await p.context.close();
	});
});

test.describe('key-leak: a live session before the reveal', () => {
	test.describe.configure({ mode: 'serial' });
	let app: AppProcess;
	let seeded: Seeded;
	let live: LiveDriver;

	test.beforeAll(async () => {
		const databaseFile = await freshDatabaseFile();
		app = await startApp({ DATABASE_URL: databaseFile });
		expect(await app.ready).toBe(true);
		seeded = await seed(app.url, { assignment: false });
		live = await startLive(databaseFile, 'ada@school.test', seeded.classA.id);
	});
	test.afterAll(async () => {
		await live?.close();
		await app?.stop();
	});

	/** Every option's feedback and every explanation of the shipped quiz (as served: whitespace folded). */
	async function secrets() {
		const quiz = (await readPack(join(SHIPPED_CONTENT, 'articles', SLUG)))!.quiz!;
		return {
			quiz,
			texts: quiz.questions.flatMap((q) => [q.explanation, ...(q.options ?? []).map((o) => o.feedback)]).map((t) => t.replace(/\s+/g, ' ').slice(0, 50))
		};
	}

	/** The first event of the student's stream, read and closed. */
	async function firstEvent(path: string) {
		const { cookies } = await seeded.studentA.storageState();
		const abort = new AbortController();
		const response = await fetch(new URL(path, app.url), { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') }, signal: abort.signal });
		expect(response.status).toBe(200);
		let body = '';
		const reader = response.body!.getReader();
		while (!/\ndata: .*\n\n/.test(body)) {
			const { value, done } = await reader.read();
			if (done) break;
			body += new TextDecoder().decode(value);
		}
		abort.abort();
		return body;
	}

	/** What a student's browser is given now: the page, its data for client-side navigation, and the stream's event. */
	async function served() {
		const base = `/me/live/${live.id}`;
		const html = await (await seeded.studentA.get(base)).text();
		const data = await (await seeded.studentA.get(`${base}/__data.json`)).text();
		const events = await firstEvent(`${base}/events`);
		return { html, data, events };
	}

	function leaksIn(bodies: Record<string, string>, texts: string[], quiz: Awaited<ReturnType<typeof secrets>>['quiz']) {
		const found: string[] = [];
		for (const [where, body] of Object.entries(bodies)) {
			const folded = body.replace(/\s+/g, ' ');
			for (const secret of texts) {
				if (folded.includes(secret.replace(/&/g, '&amp;')) || folded.includes(JSON.stringify(secret).slice(1, -1))) found.push(`${where}: ${secret}`);
			}
			if (/"correct"|\bcorrect:|"?rightAnswers"?:|"?explanation"?:|"evidence"/.test(body)) found.push(`${where}: a key field`);
		}
		for (const o of quiz.questions[0].options ?? []) {
			if (bodies.html.includes(`name="choice" value="${o.value}"`)) found.push(`html: option value "${o.value}"`);
		}
		return found;
	}

	test('nothing of the key, feedback or the class’s answers reaches a student before the reveal', async () => {
		const { quiz, texts } = await secrets();
		const lobby = await served();
		expect(lobby.html).toContain('Waiting for your teacher');
		expect(leaksIn(lobby, texts, quiz)).toEqual([]);

		await live.command('start');
		const open = await served();
		expect(open.html).toContain('Question 1 of 20');
		expect(open.data).toContain('prompt');
		expect(open.events).toContain('"version":1');
		expect(leaksIn(open, texts, quiz)).toEqual([]);

		// Ana answers; her page now holds her answer, and still no key.
		const question = live.questionIds[0];
		await post(seeded.studentA, `/me/live/${live.id}?/answer`, { question, choice: '0', certainty: '2' });
		const answered = await served();
		expect(answered.html).toContain('Your answer is saved');
		expect(leaksIn(answered, texts, quiz)).toEqual([]);

		await live.command('lock');
		const locked = await served();
		expect(locked.html).toContain('Answers locked');
		expect(leaksIn(locked, texts, quiz)).toEqual([]);
		// An answer after the lock is refused with a 409 and its message, and nothing changes.
		const late = await seeded.studentA.post(`/me/live/${live.id}?/answer`, { form: { question, choice: '1', certainty: '3' } });
		expect(late.status()).toBe(409);
		expect(await late.text()).toContain('Answers to this question are locked');

		// The check can see a leak: after the reveal, the page carries the feedback.
		await live.command('reveal');
		const revealed = await served();
		expect(leaksIn({ html: revealed.html }, texts, quiz).length).toBeGreaterThan(0);
		// The event stream never carries it, even then.
		expect(leaksIn({ events: revealed.events, html: '' }, texts, quiz)).toEqual([]);
	});
});

test.describe('a student-paced live session', () => {
	test.describe.configure({ mode: 'serial' });
	let app: AppProcess;
	let seeded: Seeded;
	let live: LiveDriver;

	test.beforeAll(async () => {
		const databaseFile = await freshDatabaseFile();
		app = await startApp({ DATABASE_URL: databaseFile });
		expect(await app.ready).toBe(true);
		seeded = await seed(app.url, { assignment: false });
		live = await startLive(databaseFile, 'ada@school.test', seeded.classA.id, { pacing: 'student' });
	});
	test.afterAll(async () => {
		await live?.close();
		await app?.stop();
	});

	test('students move through the questions themselves, hand in, and see their own result before the reveal', async ({ browser }) => {
		test.setTimeout(120_000);
		const ana = await phone(browser, app, false, seeded.studentA);
		const base = `/me/live/${live.id}`;
		await ana.page.goto(base);
		await expect(ana.page.getByRole('heading', { name: 'Waiting for your teacher' })).toBeVisible();
		await live.command('start');
		await ana.page.getByRole('link', { name: 'Check for the next question' }).click();
		await expect(ana.page.getByRole('heading', { name: Q1 })).toBeVisible();
		await expect(refresh(ana.page)).toHaveCount(0);
		// Next and previous, and the numbered list, are hers to use.
		await ana.page.getByRole('link', { name: 'Next question' }).click();
		await expect(ana.page.getByRole('heading', { name: Q2 })).toBeVisible();
		await expect(ana.page).toHaveURL(/\?q=2$/);
		await ana.page.getByRole('navigation', { name: 'Questions' }).getByRole('link', { name: 'Question 1, not answered' }).click();
		await ana.page.getByRole('radio', { name: 'U.S. troops on Mexican soil' }).check();
		await ana.page.getByRole('radio', { name: 'Very sure' }).check();
		await ana.page.getByRole('button', { name: 'Save answer' }).click();
		await expect(ana.page).toHaveURL(/\?q=1&saved=1#answer-status$/);
		await expect(saved(ana.page)).toBeVisible();
		await expect(ana.page.getByRole('link', { name: 'Question 1, answered' })).toBeVisible();
		await expectNoAxeViolations(ana.page, false);
		await shot(ana.page, '9-paced-question-nojs');

		// Handing in makes her answers final and shows her own result; the right answer waits for the teacher.
		await ana.page.getByRole('button', { name: 'Hand in my answers' }).click();
		const result = ana.page.getByRole('region', { name: /Right/ });
		await expect(result).toContainText('3 marks (the most possible: 3)');
		await expect(result).toContainText('The explanation and the notes on this passage show when your teacher reveals this question.');
		await expect(ana.page.getByText('You have handed in your answers.')).toBeVisible();
		await expect(result).not.toContainText('Categorical” can make');
		await expect(result.getByRole('link')).toHaveCount(0);
		await expectNoAxeViolations(ana.page, false);
		await shot(ana.page, '10-paced-handed-in-nojs');
		await ana.page.getByRole('link', { name: 'Next question' }).click();
		await expect(ana.page.getByRole('heading', { name: 'Handed in' })).toBeVisible();
		await expect(ana.page.getByText('You did not answer this question.')).toBeVisible();
		const late = await seeded.studentA.post(`${base}?/answer`, { form: { question: live.questionIds[1], sentence: 'c06', certainty: '1' } });
		expect(late.status()).toBe(409);
		expect(await late.text()).toContain('You have handed in your answers');

		// Amir, with JavaScript and only the code, goes at his own pace meanwhile.
		const amir = await phone(browser, app, true);
		await joinWithCode(amir.page, seeded.classA.code, 'Amir');
		await amir.page.getByRole('link', { name: /^Join live: / }).click();
		await expect(amir.page.getByRole('heading', { name: Q1 })).toBeVisible();
		await amir.page.getByRole('link', { name: 'Next question' }).click();
		await expect(amir.page.getByRole('heading', { name: Q2 })).toBeVisible();
		await amir.page.getByRole('radio', { name: /regarding the reported conversation/ }).check();
		await amir.page.getByRole('radio', { name: 'Fairly sure' }).check();
		await amir.page.getByRole('button', { name: 'Save answer' }).click();
		await expect(saved(amir.page)).toBeVisible();
		await expect(amir.page).toHaveURL(/\?q=2$/);
		await expect(amir.page.getByRole('link', { name: 'Question 2, answered' })).toBeVisible();
		await expectNoAxeViolations(amir.page, true);
		await shot(amir.page, '11-paced-question-js');

		// A student of another class finds nothing here.
		const ben = await phone(browser, app, true, seeded.studentB);
		const response = await ben.page.goto(base);
		expect(response?.status()).toBe(404);
		await expect(ben.page.getByRole('heading', { name: 'We can’t find that live session' })).toBeVisible();
		await expectNoAxeViolations(ben.page, true);
		await expectNoAxeViolations(ben.page, false);
		for (const p of [ana, amir, ben]) await p.context.close();
	});
});
