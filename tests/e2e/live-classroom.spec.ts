/**
 * A whole live lesson the way people run it, through browsers only: a signed-in teacher starts
 * a session from the class page by keyboard and drives the controls, the projector follows in a
 * second tab, and three students join through /join with the class code: Amir with JavaScript
 * off, Bea who reloads mid-question, and Cai who joins late. Nothing is driven through the
 * server module here (live-teacher and live-student do that for one side each), so this is the
 * test that both halves meet: every count, list and screen below moved because a person acted.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { freshDatabaseFile, startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { post, seed, type Seeded } from './http-seed';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** With LIVE_SHOTS set to a folder, a screenshot of `page` there (for people to look at; nothing is checked). */
async function shot(page: Page, name: string) {
	const dir = process.env.LIVE_SHOTS;
	if (!dir) return;
	await mkdir(dir, { recursive: true });
	await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

const PHONE = { width: 360, height: 740 };
const Q1 = /According to the section beneath it, what did Sheinbaum reject\?/;
const Q2 = /Select the words where the article mentions this report/;
/** Live updates cross a server and an event stream: allow them time on a busy machine. */
const LIVE = { timeout: 10_000 };

let app: AppProcess;
let seeded: Seeded;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	app = await startApp({ DATABASE_URL: await freshDatabaseFile() });
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
	// Class A has Ana and Amir; Bea and Cai join it too. Ana stays away, as some students do.
	await post(seeded.admin, `/teach/classes/${seeded.classA.id}?/roster`, { names: 'Bea\nCai' }, 200);
});

test.afterAll(async () => {
	await app?.stop();
});

/** A phone's browser with nobody signed in. */
async function phone(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, viewport: PHONE, javaScriptEnabled });
	return context.newPage();
}

/** Joins class A through /join with its code as `name`, then taps "Live now" on /me. */
async function joinLive(page: Page, name: string) {
	await page.goto('/join');
	await page.getByLabel('Class code').fill(seeded.classA.code);
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('link', { name }).click();
	await page.getByRole('button', { name: `Yes, I'm ${name}` }).click();
	await expect(page).toHaveURL(/\/me$/);
	await expect(page.getByRole('heading', { name: 'Live now' })).toBeVisible();
	await page.getByRole('link', { name: /^Join live: / }).click();
	await expect(page).toHaveURL(/\/me\/live\/[a-z2-7]{24}$/);
}

/** Presses Tab until `target` has focus, as a keyboard user would (at most 80 times). */
async function tabTo(page: Page, target: Locator) {
	for (let i = 0; i < 80; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('Tab never reached the element.');
}

/** Chooses `option` and `certainty` on a student's question, then saves. */
async function answer(page: Page, option: string | RegExp, certainty: 'Not sure' | 'Fairly sure' | 'Very sure') {
	await page.getByRole('radio', { name: option }).check();
	await page.getByRole('radio', { name: certainty }).check();
	await page.getByRole('button', { name: 'Save answer' }).click();
}

const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'Answer saved.' });

test('a teacher, a projector and three students run a live lesson through their browsers', async ({ browser }) => {
	test.setTimeout(120_000);

	// The teacher starts the session from the class page, keyboard only.
	const teacherContext = await browser.newContext({ baseURL: app.url });
	await teacherContext.addCookies((await seeded.admin.storageState()).cookies);
	const controls = await teacherContext.newPage();
	await controls.goto(`/teach/classes/${seeded.classA.id}`);
	await tabTo(controls, controls.getByText('Start a live session…'));
	await controls.keyboard.press('Enter');
	await expect(controls.getByLabel('Quiz')).toBeVisible();
	await tabTo(controls, controls.getByRole('button', { name: 'Start live session' }));
	await controls.keyboard.press('Enter');
	await expect(controls).toHaveURL(/\/teach\/live\/[a-z2-7]{24}#controls$/);
	const sid = new URL(controls.url()).pathname.split('/').pop()!;
	await expect(controls.getByText('Not started')).toBeVisible();

	// The projector, in a second tab of the teacher's browser, shows the lobby.
	const projector = await teacherContext.newPage();
	await projector.setViewportSize({ width: 1920, height: 1080 });
	await projector.goto(`/teach/live/${sid}/projector`);
	await expect(projector.getByRole('status')).toHaveText('0 students have joined');

	// Amir (no JavaScript) and Bea join from their phones; the projector counts them as they come.
	const amir = await phone(browser, false);
	await joinLive(amir, 'Amir');
	await expect(amir.getByRole('heading', { name: 'Waiting for your teacher' })).toBeVisible();
	await expect(projector.getByRole('status')).toHaveText('1 student has joined', LIVE);
	const bea = await phone(browser, true);
	await joinLive(bea, 'Bea');
	await expect(bea.getByRole('heading', { name: 'Waiting for your teacher' })).toBeVisible();
	await expect(projector.getByRole('status')).toHaveText('2 students have joined', LIVE);

	// Start: Bea's phone and the projector follow by themselves; Amir checks for the question.
	await controls.getByRole('button', { name: 'Start: show question 1' }).click();
	await expect(controls.getByText('Started: question 1 is on screen.')).toBeVisible();
	await expect(projector.getByText('Question 1 of 20')).toBeVisible(LIVE);
	await expect(projector.getByRole('status')).toHaveText('0 of 2 students answered');
	await expect(bea.getByRole('heading', { name: Q1 })).toBeVisible(LIVE);
	await amir.getByRole('link', { name: 'Check for the next question' }).click();
	await expect(amir.getByRole('heading', { name: Q1 })).toBeVisible();

	// Cai joins late and lands on the question on screen; the projector counts him in.
	const cai = await phone(browser, true);
	await joinLive(cai, 'Cai');
	await expect(cai.getByRole('heading', { name: Q1 })).toBeVisible();
	await expect(cai.getByText('Question 1 of 20')).toBeVisible();
	await expect(projector.getByRole('status')).toHaveText('0 of 3 students answered', LIVE);

	// Each answer moves the projector's count, with no reload.
	await answer(bea, 'Any work with the U.S.', 'Very sure');
	await expect(saved(bea)).toBeVisible();
	await expect(projector.getByRole('status')).toHaveText('1 of 3 students answered', LIVE);
	await expectNoAxeViolations(bea, true);
	// Bea reloads mid-question: her answer is still hers, still changeable.
	await bea.reload();
	await expect(bea.getByRole('radio', { name: 'Any work with the U.S.' })).toBeChecked();
	await expect(bea.getByRole('radio', { name: 'Very sure' })).toBeChecked();
	await expect(bea.getByRole('button', { name: 'Change my answer' })).toBeVisible();

	await answer(amir, 'U.S. troops on Mexican soil', 'Fairly sure');
	await expect(saved(amir)).toBeVisible();
	await expect(projector.getByRole('status')).toHaveText('2 of 3 students answered', LIVE);
	await expectNoAxeViolations(amir, false);
	await answer(cai, 'U.S. troops on Mexican soil', 'Not sure');
	await expect(saved(cai)).toBeVisible();
	await expect(projector.getByRole('status')).toHaveText('3 of 3 students answered', LIVE);
	await expectNoAxeViolations(projector, true);

	// The teacher's controls name who has answered (on the teacher's screen only).
	const answered = controls.locator('.lists > div').filter({ has: controls.getByRole('heading', { name: /^Answered/ }) });
	await expect(answered.getByRole('heading')).toHaveText('Answered (3)', LIVE);
	for (const name of ['Amir', 'Bea', 'Cai']) await expect(answered.locator('.name', { hasText: name })).toHaveCount(1);
	await expect(controls.getByText('Not joined (1)')).toBeVisible();
	await expect(projector.getByText('Bea')).toHaveCount(0);

	// Lock, then reveal: the projector shows the chart's numbers; each phone shows its own result.
	await controls.getByRole('button', { name: 'Lock answers' }).click();
	await expect(controls.getByText('Answers locked.')).toBeVisible();
	await expect(projector.getByText('Answers locked')).toBeVisible(LIVE);
	await expect(bea.getByRole('heading', { name: 'Answers locked' })).toBeVisible(LIVE);
	await controls.getByRole('button', { name: 'Reveal the answer' }).click();
	await expect(projector.getByText('67% right')).toBeVisible(LIVE);
	const chart = projector.getByRole('figure', { name: 'How the class answered' });
	await expect(chart.locator('li.correct')).toContainText('(right answer)');
	await expect(chart.locator('li.correct')).toContainText('2 students · 67%');
	await expect(chart).toContainText('1 student · 33%');
	await expect(bea.getByRole('region', { name: /Not right/ })).toContainText('-6 marks (the most possible: 3); you said you were very sure', LIVE);
	await expect(cai.getByRole('region', { name: /Right/ })).toContainText('(the most possible: 3)', LIVE);
	await amir.getByRole('link', { name: 'Check for the next question' }).click();
	await expect(amir.getByRole('region', { name: /Right/ })).toContainText('2 marks (the most possible: 3)');
	await expectNoAxeViolations(bea, true);
	await shot(bea, 'phone-revealed');
	await shot(amir, 'phone-no-js-revealed');
	await shot(controls, 'controls-revealed');

	// The note goes up on the projector when the teacher shows it.
	await controls.getByRole('button', { name: 'Show the note' }).click();
	await expect(projector.getByRole('complementary').first()).toBeVisible(LIVE);
	await expectNoAxeViolations(projector, true);
	await shot(projector, 'projector-revealed');

	// Question 2: Amir chooses but has not saved when the teacher locks; his answer is refused with the reason.
	await controls.getByRole('button', { name: 'Next question →' }).click();
	await expect(projector.getByText('Question 2 of 20')).toBeVisible(LIVE);
	await expect(bea.getByRole('heading', { name: Q2 })).toBeVisible(LIVE);
	await amir.getByRole('link', { name: 'Check for the next question' }).click();
	await expect(amir.getByRole('heading', { name: Q2 })).toBeVisible();
	await amir.getByRole('radio', { name: /regarding the reported conversation/ }).check();
	await amir.getByRole('radio', { name: 'Very sure' }).check();
	await controls.getByRole('button', { name: 'Lock answers' }).click();
	await expect(controls.getByText('Answers locked.')).toBeVisible();
	const [refused] = await Promise.all([amir.waitForResponse((r) => r.request().method() === 'POST'), amir.getByRole('button', { name: 'Save answer' }).click()]);
	expect(refused.status()).toBe(409);
	await expect(amir.getByRole('alert')).toHaveText('Answers to this question are locked. Your teacher has moved on.');
	await expect(amir.getByText('You did not answer this question.')).toBeVisible();
	await expect(projector.getByRole('status')).toHaveText('0 of 3 students answered');

	// The teacher removes Cai: his phone says so on its next load.
	await controls.getByText('Manage Cai').click();
	await controls.getByRole('button', { name: 'Remove Cai from the session' }).click();
	await expect(controls.getByText('Cai is out of this session. Their answers so far are kept.')).toBeVisible();
	await expect(controls.getByRole('heading', { name: 'Removed from this session (1)' })).toBeVisible();
	await expect(projector.getByRole('status')).toHaveText('0 of 2 students answered', LIVE);
	await cai.reload();
	await expect(cai.getByRole('alert')).toHaveText('Your teacher removed you from this session.');
	await expectNoAxeViolations(cai, true);

	// End, with its confirmation: the projector and Bea's phone follow, Amir's on its next check.
	await controls.getByText('End the session…').click();
	await controls.getByRole('button', { name: 'Yes, end the session' }).click();
	await expect(controls.getByText('Session ended. Every answer is kept.')).toBeVisible();
	await expect(projector.getByText(/That’s the end/)).toBeVisible(LIVE);
	await expect(bea.getByRole('heading', { name: 'The session has ended' })).toBeVisible(LIVE);
	await expect(bea.getByText('Your answers are kept. You answered 1 of 20 questions.')).toBeVisible();
	await amir.getByRole('link', { name: 'Check for the next question' }).click();
	await expect(amir.getByRole('heading', { name: 'The session has ended' })).toBeVisible();
	await expectNoAxeViolations(amir, false);

	// The results, with the class's others, list every student and what became of them.
	await controls.goto(`/teach/classes/${seeded.classA.id}`);
	await controls.getByRole('link', { name: /Who Said That\? Checking the Mexico Troops Story\s*, results/ }).click();
	await expect(controls.getByRole('heading', { level: 1 })).toContainText('live results');
	const byStudent = controls.getByRole('table').nth(1);
	await expect(byStudent.getByRole('row', { name: /Amir/ })).toContainText('Took part');
	await expect(byStudent.getByRole('row', { name: /Bea/ })).toContainText('Took part');
	await expect(byStudent.getByRole('row', { name: /Cai/ })).toContainText('Removed from the session');
	await expect(byStudent.getByRole('row', { name: /Ana/ })).toContainText('Did not join');
	// Removed students keep their row but count in none of the class's figures: Q1 is Amir's right and Bea's wrong.
	// Written as accuracy is everywhere: the count, then the percentage.
	await expect(controls.getByRole('table').first().getByRole('row').nth(1)).toContainText('1 of 2 right (50%)');
	await expectNoAxeViolations(controls, true);

	for (const context of [teacherContext, amir.context(), bea.context(), cai.context()]) await context.close();
});
