/**
 * The teacher's side of a live session, end to end: starting it from the class page by
 * keyboard, the projector's lobby and questions, the controls through lock, reveal (chart
 * numbers, heat map, answers beside the passage) and the note, removing and renaming a
 * student, ending, and the results with their CSV; with JavaScript on and off, and axe.
 *
 * The student pages belong to another part of the kit, so students join and answer here
 * through the server's own module on the same database file, as the seeds do.
 */
import { startApp, freshDatabaseFile, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { client, joinChoices, post, seed, type Seeded } from './http-seed';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/database';
import { answerLive, joinLiveSession, liveQuestionsOf, teacherLiveSession } from '../../src/lib/server/live/sessions';

let app: AppProcess;
let seeded: Seeded;
let db: DatabaseHandle;
let file: string;
let teacherId: string;
/** Class A's students by name, as the server module needs them. */
let students: Record<string, { id: string; classId: string }>;

test.describe.configure({ mode: 'serial' });
// Long walks through a whole session, with axe at every step.
test.setTimeout(240_000);

test.beforeAll(async () => {
	file = await freshDatabaseFile();
	app = await startApp({ DATABASE_URL: file });
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
	const a = seeded.classA;
	await post(seeded.admin, `/teach/classes/${a.id}?/roster`, { names: 'Cai' }, 200);
	// Open join: one student types a name the teacher will want to change.
	await post(seeded.admin, `/teach/classes/${a.id}?/openJoin`, { open: 'true' }, 200);
	await post(await client(app.url), `/join/${a.code}?/name`, { name: 'Rude Word' });
	db = await openDatabase(file);
	const rows = await db.db.select().from(db.tables.students);
	students = Object.fromEntries(rows.filter((s) => s.classId === a.id).map((s) => [s.displayName, { id: s.id, classId: s.classId }]));
	expect(Object.keys(students).sort()).toEqual(['Amir', 'Ana', 'Cai', 'Rude Word']);
	const [teacher] = await db.db.select().from(db.tables.teachers);
	teacherId = teacher.id;
	expect(await joinChoices(seeded.anonymous, a.code)).toHaveProperty('Cai');
});

test.afterAll(async () => {
	await db?.close();
	await app?.stop();
});

/** A page signed in as the class's teacher. */
async function teacherPage(browser: import('@playwright/test').Browser, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled });
	await context.addCookies((await seeded.admin.storageState()).cookies);
	return context.newPage();
}

/** Presses Tab until `target` has focus, as a keyboard user would (at most 80 times). */
async function tabTo(page: Page, target: import('@playwright/test').Locator) {
	for (let i = 0; i < 80; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('Tab never reached the element.');
}

/** The message a refused call to the server module gives. */
async function refusal(promise: Promise<unknown>): Promise<{ message: string; status?: number }> {
	const error = await promise.then(() => null, (e: unknown) => e as { message: string; status?: number });
	expect(error, 'the call was refused').not.toBeNull();
	return error!;
}

/** Answers question `index` of the session as `name` with the first right (or wrong) option. */
async function answerChoice(sid: string, index: number, name: string, right: boolean, certainty: 1 | 2 | 3) {
	const session = await teacherLiveSession(db, teacherId, sid);
	const q = (await liveQuestionsOf(db, session))[index];
	const option = q.options!.find((o) => o.correct === right)!;
	await answerLive(db, students[name], sid, q.id, { choices: [option.value], certainty }, 100_000);
}

test('a teacher runs a live session: start by keyboard, projector, lock, reveal, note, remove, rename, end, results', async ({ browser }) => {
	const page = await teacherPage(browser);
	await page.goto(`/teach/classes/${seeded.classA.id}`);
	await expectNoAxeViolations(page, true);

	// Keyboard only: open the start form, choose initials on the projector, start.
	await tabTo(page, page.getByText('Start a live session…'));
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Quiz')).toBeVisible();
	await expectNoAxeViolations(page, true);
	await tabTo(page, page.getByRole('radio', { name: /^None/ }));
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: /Initials/ })).toBeChecked();
	await tabTo(page, page.getByRole('button', { name: 'Start live session' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/teach\/live\/[a-z2-7]{24}#controls$/);
	const sid = new URL(page.url()).pathname.split('/').pop()!;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who Said That? Checking the Mexico Troops Story');
	await expect(page.getByText('Not started')).toBeVisible();
	await expectNoAxeViolations(page, true);

	// The class page now shows the running session instead of the form.
	const classPage = await page.context().newPage();
	await classPage.goto(`/teach/classes/${seeded.classA.id}`);
	await expect(classPage.getByText('Live now')).toBeVisible();
	await expect(classPage.getByRole('link', { name: 'Projector' })).toHaveAttribute('href', `/teach/live/${sid}/projector`);
	await classPage.close();

	// Three students join; the projector's lobby shows the code, the address, the QR code, the count and initials.
	for (const name of ['Ana', 'Amir', 'Rude Word']) await joinLiveSession(db, students[name], sid);
	const projector = await page.context().newPage();
	await projector.setViewportSize({ width: 1920, height: 1080 });
	await projector.goto(`/teach/live/${sid}/projector`);
	await expect(projector.getByLabel(`Code ${seeded.classA.code.split('').join(' ')}`)).toBeVisible();
	await expect(projector.getByText(/\/join$/)).toBeVisible();
	await expect(projector.getByRole('img', { name: /QR code/ })).toBeVisible();
	await expect(projector.getByRole('status')).toHaveText('3 students have joined');
	await expect(projector.getByRole('list', { name: 'Who has joined' })).toContainText('R. W.');
	await expect(projector.getByText('Rude Word')).toHaveCount(0);
	await expectNoAxeViolations(projector, true);

	// Start: the projector follows over its event stream, with no reload.
	await page.getByRole('button', { name: 'Start: show question 1' }).click();
	await expect(page.getByText('Started: question 1 is on screen.')).toBeVisible();
	await expect(projector.getByText('Question 1 of 20')).toBeVisible({ timeout: 10_000 });
	await expect(projector.getByText('0 of 3 students answered')).toBeVisible();

	// Two answer; the teacher's own screen names who has and has not.
	await answerChoice(sid, 0, 'Ana', true, 3);
	await answerChoice(sid, 0, 'Amir', false, 3);
	await page.reload();
	const answeredList = page.locator('.lists > div').first();
	const waitingList = page.locator('.lists > div').nth(1);
	await expect(answeredList.getByRole('heading')).toHaveText('Answered (2)');
	await expect(answeredList).toContainText('Ana');
	await expect(answeredList).toContainText('Amir');
	await expect(waitingList).toContainText('Rude Word');
	await expect(waitingList).not.toContainText('Ana');
	await expect(page.getByText('Not joined (1)')).toBeVisible();
	await expectNoAxeViolations(page, true);
	await answerChoice(sid, 0, 'Rude Word', true, 1);

	// Lock, then reveal: the chart's numbers as text, the right answer marked, the share right.
	await page.getByRole('button', { name: 'Lock answers' }).click();
	await expect(page.getByText('Answers locked.')).toBeVisible();
	await expect(projector.getByText('Answers locked')).toBeVisible({ timeout: 10_000 });
	await expect(projector.getByText('3 of 3 students answered')).toBeVisible();
	await page.getByRole('button', { name: 'Reveal the answer' }).click();
	await expect(projector.getByText('67% right')).toBeVisible({ timeout: 10_000 });
	const chart = projector.getByRole('figure', { name: 'How the class answered' });
	await expect(chart.locator('li.correct')).toContainText('(right answer)');
	await expect(chart.locator('li.correct')).toContainText('2 students · 67%');
	await expect(projector.getByText('1 student very sure and wrong')).toBeVisible();
	await expect(page.getByRole('figure', { name: 'How the class answered' }).locator('li.correct')).toContainText('67%');
	await expectNoAxeViolations(page, true);

	// The note goes up on the projector only when the teacher shows it.
	const noteOnProjector = projector.getByRole('complementary');
	await expect(noteOnProjector).toHaveCount(0);
	await page.getByRole('button', { name: 'Show the note' }).click();
	await expect(noteOnProjector.first()).toBeVisible({ timeout: 10_000 });
	await expectNoAxeViolations(projector, true);

	// Question 2 is find-the-evidence: a heat map of the words the class selected, with counts in text.
	await page.getByRole('button', { name: 'Next question →' }).click();
	await expect(projector.getByText('Question 2 of 20')).toBeVisible({ timeout: 10_000 });
	const session = await teacherLiveSession(db, teacherId, sid);
	const q2 = (await liveQuestionsOf(db, session))[1];
	const key = q2.evidence![0];
	for (const name of ['Ana', 'Amir']) await answerLive(db, students[name], sid, q2.id, { span: { start: key.start, end: key.end }, certainty: 2 }, 100_000);
	await page.getByRole('button', { name: 'Reveal the answer' }).click();
	const heat = projector.getByRole('figure', { name: /The words the class selected/ });
	await expect(heat).toBeVisible({ timeout: 10_000 });
	await expect(heat.locator('mark.key.heat-4').first()).toContainText('2 students');
	await expect(page.getByRole('figure', { name: /The words the class selected/ })).toBeVisible();
	await expectNoAxeViolations(projector, true);
	await expectNoAxeViolations(page, true);

	// Question 6 is whose-voice: the passage, with the class's answers beside it.
	for (let n = 3; n <= 6; n++) {
		await page.getByRole('button', { name: 'Next question →' }).click();
		await expect(page.getByText(`Question ${n} of 20`)).toBeVisible();
	}
	await answerChoice(sid, 5, 'Ana', true, 2);
	await page.getByRole('button', { name: 'Reveal the answer' }).click();
	await expect(projector.getByRole('figure', { name: 'The passage' })).toBeVisible({ timeout: 10_000 });
	await expect(projector.getByRole('figure', { name: 'The class’s answers' })).toContainText('1 student · 100%');

	// A second window that missed an update (its stream cut off) gives a command on the old
	// state: it is refused with a message, and the window shows where the session is now.
	const stale = await page.context().newPage();
	await stale.route(/\/events(\?|$)/, (route) => route.abort());
	await stale.goto(`/teach/live/${sid}`);
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByText('Paused. Students see a pause screen.')).toBeVisible();
	await stale.getByRole('button', { name: 'Pause' }).click();
	await expect(stale.getByRole('alert')).toHaveText(/moved on in another window/);
	await expect(stale.getByRole('button', { name: 'Resume' })).toBeVisible();
	await stale.close();
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByText('Resumed.')).toBeVisible();

	// "Go to question" by keyboard alone: back to question 2 (as it was left: revealed), then to 6 again.
	const goTo = page.getByLabel('Go to question');
	await expect(goTo).toHaveValue('6');
	await tabTo(page, goTo);
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
	await expect(goTo).toHaveValue('2');
	await tabTo(page, page.getByRole('button', { name: 'Go', exact: true }));
	await page.keyboard.press('Enter');
	await expect(page.getByText('Question 2 is on screen.')).toBeVisible();
	await expect(page.getByText('Question 2 of 20')).toBeVisible();
	await expect(projector.getByText('Question 2 of 20')).toBeVisible({ timeout: 10_000 });
	await expect(page.getByText('Answer revealed', { exact: true })).toBeVisible();
	await expectNoAxeViolations(page, true);
	await tabTo(page, goTo);
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
	await tabTo(page, page.getByRole('button', { name: 'Go', exact: true }));
	await page.keyboard.press('Enter');
	await expect(page.getByText('Question 6 is on screen.')).toBeVisible();
	await expect(page.getByText('Question 6 of 20')).toBeVisible();

	// Remove Amir; rename the open-join name.
	await page.getByText('Manage Amir').click();
	await page.getByRole('button', { name: 'Remove Amir from the session' }).click();
	await expect(page.getByText('Amir is out of this session. Their answers so far are kept.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Removed from this session (1)' })).toBeVisible();
	expect((await refusal(joinLiveSession(db, students['Amir'], sid))).message).toBe('Your teacher removed you from this session.');
	await page.getByText('Manage Rude Word').click();
	await page.getByLabel('New name for Rude Word').fill('Rafa');
	await page.getByRole('button', { name: 'Rename Rude Word' }).click();
	await expect(page.getByText('Rude Word is now Rafa.')).toBeVisible();
	await expect(page.locator('.names .name', { hasText: 'Rafa' })).toHaveCount(1);
	await expect(projector.getByText('2 students answered').or(projector.getByText('1 of 2 students answered'))).toBeVisible({ timeout: 10_000 });

	// End, with its confirmation.
	await page.getByText('End the session…').click();
	await page.getByRole('button', { name: 'Yes, end the session' }).click();
	await expect(page.getByText('Session ended. Every answer is kept.')).toBeVisible();
	await expect(projector.getByText(/That’s the end/)).toBeVisible({ timeout: 10_000 });
	await expectNoAxeViolations(page, true);

	// Results, per question and per student, with the class's others; and the CSV.
	await page.getByRole('link', { name: 'Results', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('live results');
	const byStudent = page.getByRole('table').nth(1);
	await expect(byStudent.getByRole('row', { name: /Ana/ })).toContainText('Took part');
	await expect(byStudent.getByRole('row', { name: /Amir/ })).toContainText('Removed from the session');
	await expect(byStudent.getByRole('row', { name: /Cai/ })).toContainText('Did not join');
	await expect(page.getByRole('table').first().getByRole('row').nth(1)).toContainText('2 of 2 right (100%)');
	await expectNoAxeViolations(page, true);
	const csv = await page.request.get(`/teach/live/${sid}/results.csv`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text).toContain('Ana,finished');
	expect(text).toContain('Amir,removed');
	expect(text).toContain('Rafa,finished');
	// The class export carries the session beside the roster: a column of marks, "removed" for Amir.
	const exported = Papa.parse<string[]>((await (await page.request.get(`/teach/classes/${seeded.classA.id}/export.csv`)).text()).replace(/^\uFEFF/, '').trim()).data;
	const column = exported[0].findIndex((h) => /^Live: Who Said That\? .*\(\d{4}-\d{2}-\d{2}\), out of \d+$/.test(h));
	expect(column, 'a column for the live session').toBeGreaterThan(3);
	expect(exported.find((r) => r[1] === 'Amir')?.[column]).toBe('removed');
	expect(Number(exported.find((r) => r[1] === 'Ana')?.[column])).toBeGreaterThan(0);
	const json = await (await page.request.get(`/teach/classes/${seeded.classA.id}/export.json`)).json();
	expect(json.results).toEqual([expect.objectContaining({ kind: 'live', students: expect.arrayContaining([expect.objectContaining({ displayName: 'Amir', status: 'removed' })]) })]);

	await page.goto(`/teach/classes/${seeded.classA.id}`);
	await expect(page.getByRole('link', { name: /Who Said That\? Checking the Mexico Troops Story\s*, results/ })).toHaveAttribute('href', `/teach/live/${sid}/results`);
	await page.context().close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the start form, the controls and a stale second window work as plain forms', async ({ browser }) => {
		const page = await teacherPage(browser, false);
		await page.goto(`/teach/quizzes/${encodeURIComponent('mexico-says-no-to-us-troops/quiz-mexico-attribution')}`);
		await page.getByText('Start a live session…').click();
		await page.getByLabel('Class').selectOption({ label: 'Class A' });
		await expectNoAxeViolations(page, false);
		await page.getByRole('button', { name: 'Start live session' }).click();
		await expect(page).toHaveURL(/\/teach\/live\/[a-z2-7]{24}#controls$/);
		const sid = new URL(page.url()).pathname.split('/').pop()!;
		await expectNoAxeViolations(page, false);

		const other = await page.context().newPage();
		await other.goto(`/teach/live/${sid}`);
		await page.getByRole('button', { name: 'Start: show question 1' }).click();
		await expect(page.getByText('Question 1 of 20')).toBeVisible();
		await joinLiveSession(db, students['Ana'], sid);
		await answerChoice(sid, 0, 'Ana', true, 2);
		await page.getByRole('button', { name: 'Reveal the answer' }).click();
		await expect(page.getByRole('figure', { name: 'How the class answered' }).locator('li.correct')).toContainText('1 student · 100%');
		await expectNoAxeViolations(page, false);

		// The second window still shows the lobby: its command is refused, and it shows where the session is.
		await other.getByRole('button', { name: 'Start: show question 1' }).click();
		await expect(other.getByRole('alert')).toHaveText(/moved on in another window/);
		await expect(other.getByText('Answer revealed')).toBeVisible();

		const projector = await page.context().newPage();
		await projector.goto(`/teach/live/${sid}/projector`);
		await expect(projector.getByText('100% right')).toBeVisible();
		await expectNoAxeViolations(projector, false);

		// "Go to question" is a plain form too, and a window on an old state is refused the same way.
		await page.getByLabel('Go to question').selectOption('3');
		await page.getByRole('button', { name: 'Go', exact: true }).click();
		await expect(page.getByText('Question 3 is on screen.')).toBeVisible();
		await expect(page.getByText('Question 3 of 20')).toBeVisible();
		await expectNoAxeViolations(page, false);
		await other.getByLabel('Go to question').selectOption('5');
		await other.getByRole('button', { name: 'Go', exact: true }).click();
		await expect(other.getByRole('alert')).toHaveText(/moved on in another window/);
		await expect(other.getByText('Question 3 of 20')).toBeVisible();
		await expect(page.getByText('Question 3 of 20')).toBeVisible();
		await page.goto(`/teach/live/${sid}`);
		await expect(page.getByText('Question 3 of 20')).toBeVisible();

		// Ending needs the confirmation inside the disclosure.
		await page.getByText('End the session…').click();
		await page.getByRole('button', { name: 'Yes, end the session' }).click();
		await expect(page.getByText('Session ended. Every answer is kept.')).toBeVisible();
		await page.goto(`/teach/live/${sid}/results`);
		await expect(page.getByRole('table').nth(1).getByRole('row', { name: /Ana/ })).toContainText('Took part');
		await expectNoAxeViolations(page, false);
		await page.context().close();
	});
});
