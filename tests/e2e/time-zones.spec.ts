/**
 * Time zones end to end: a teacher in Chicago assigns with opening and closing times on
 * either side of a daylight-saving change; a student in Los Angeles sees the same instants
 * in their own zone, named on the page. The server runs in UTC, as a cloud server does.
 * Then the Settings forms keyboard-only, with JavaScript on and off, and tampered zones.
 */
import type { Browser, Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { client, post, seed, type Seeded } from './http-seed';

const pad = (n: number) => String(n).padStart(2, '0');

/** The second Sunday of March next year: the day the United States springs forward. */
function usSpringForward(): { year: number; day: number } {
	const year = new Date().getUTCFullYear() + 1;
	const firstSunday = 1 + ((7 - new Date(Date.UTC(year, 2, 1)).getUTCDay()) % 7);
	return { year, day: firstSunday + 7 };
}

/** How the kit shows an instant (the same format, written out here so a changed zone shows). */
const shown = (ms: number, timeZone: string) =>
	new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(ms);

async function pageAs(browser: Browser, app: AppProcess, who: Seeded['admin'], options: { timezoneId: string; javaScriptEnabled?: boolean }): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, storageState: await who.storageState(), ...options });
	return context.newPage();
}

/** Presses Tab until `name` has the focus, as a keyboard user would (at most 60 times). */
async function tabTo(page: Page, accessibleName: RegExp) {
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el) return '';
			const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
			return `${label ?? ''} ${el.textContent ?? ''}`.trim();
		});
		if (accessibleName.test(focused)) return;
	}
	throw new Error(`Tab never reached ${accessibleName}`);
}

test('a Chicago teacher’s times reach a Los Angeles student as the same instants, across a daylight-saving change', async ({ browser }) => {
	test.setTimeout(120_000);
	const app = await startApp({ TZ: 'UTC' });
	expect(await app.ready).toBe(true);
	try {
		const s = await seed(app.url, { assignment: false });
		const { year, day } = usSpringForward();
		// Saturday 8:00 (CST, UTC−6) to Monday 17:30 (CDT, UTC−5), Chicago wall time.
		const opensAt = Date.UTC(year, 2, day - 1, 14, 0);
		const closesAt = Date.UTC(year, 2, day + 1, 22, 30);

		const teacher = await pageAs(browser, app, s.admin, { timezoneId: 'America/Chicago' });
		// The first page the teacher opens sends the browser's zone; Settings then shows it.
		await teacher.goto('/teach/settings');
		await expect(teacher.getByRole('combobox', { name: 'Time zone' })).toHaveValue('America/Chicago');
		await teacher.goto(`/teach/classes/${s.classA.id}/assign`);
		await expect(teacher.getByText('Times are in your time zone, America/Chicago')).toBeVisible();
		await teacher.getByRole('radio', { name: /Who Said That/ }).check();
		// A time the clocks skip is refused with the reason, and nothing is assigned.
		await teacher.getByLabel('Opens', { exact: true }).fill(`${year}-03-${pad(day)}T02:30`);
		await teacher.getByLabel('Closes', { exact: true }).fill(`${year}-03-${pad(day + 1)}T17:30`);
		await teacher.getByRole('button', { name: 'Assign to Class A' }).click();
		await expect(teacher.getByRole('alert')).toContainText(`does not exist in America/Chicago: the clocks skip that hour`);
		await teacher.getByLabel('Opens', { exact: true }).fill(`${year}-03-${pad(day - 1)}T08:00`);
		await teacher.getByRole('button', { name: 'Assign to Class A' }).click();
		await expect(teacher.getByRole('status')).toContainText('Assigned');
		await expect(teacher.getByText(`Opens ${shown(opensAt, 'America/Chicago')} · Closes ${shown(closesAt, 'America/Chicago')}`)).toBeVisible();
		expect(shown(opensAt, 'America/Chicago')).toMatch(/8:00 AM CST$/);
		expect(shown(closesAt, 'America/Chicago')).toMatch(/5:30 PM CDT$/);
		await expect(teacher.getByLabel('Opens', { exact: true })).toHaveValue(`${year}-03-${pad(day - 1)}T08:00`);
		await expectNoAxeViolations(teacher, true);

		const student = await pageAs(browser, app, s.studentA, { timezoneId: 'America/Los_Angeles' });
		await student.goto('/me');
		await expect(student.getByText('Times are in your time zone, America/Los Angeles')).toBeVisible();
		const card = student.getByRole('listitem').filter({ has: student.getByRole('link', { name: /Who Said That/ }) });
		await expect(card).toContainText(`Opens ${shown(opensAt, 'America/Los_Angeles')}`);
		expect(shown(opensAt, 'America/Los_Angeles')).toMatch(/6:00 AM PST$/);
		await expectNoAxeViolations(student, true);
		await card.getByRole('link').click();
		await expect(student.getByText(`Opens ${shown(opensAt, 'America/Los_Angeles')}. Closes ${shown(closesAt, 'America/Los_Angeles')}.`)).toBeVisible();
		expect(shown(closesAt, 'America/Los_Angeles')).toMatch(/3:30 PM PDT$/);
		await expect(student.getByText('Times are in your time zone, America/Los Angeles')).toBeVisible();
	} finally {
		await app.stop();
	}
});

for (const javaScriptEnabled of [true, false]) {
	test(`the time-zone settings work keyboard-only, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
		test.setTimeout(120_000);
		const app = await startApp({ TZ: 'UTC' });
		expect(await app.ready).toBe(true);
		try {
			const s = await seed(app.url, { assignment: true });
			const teacher = await pageAs(browser, app, s.otherTeacher, { timezoneId: 'America/Chicago', javaScriptEnabled });
			await teacher.goto('/teach/settings');
			// Without JavaScript nothing is detected: the school's zone applies until one is chosen.
			await expect(teacher.getByRole('combobox', { name: 'Time zone' })).toHaveValue(javaScriptEnabled ? 'America/Chicago' : 'UTC');
			await expectNoAxeViolations(teacher, javaScriptEnabled);
			await tabTo(teacher, /^Time zone/);
			await teacher.keyboard.type('Europe/Madrid');
			await tabTo(teacher, /^Use this time zone/);
			await teacher.keyboard.press('Enter');
			await expect(teacher.getByRole('status')).toHaveText('Saved. Times now show in Europe/Madrid.');
			await teacher.reload();
			await expect(teacher.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Madrid');

			// The student's setting on /me is behind a disclosure; Enter opens it.
			const student = await pageAs(browser, app, s.studentA, { timezoneId: 'America/Los_Angeles', javaScriptEnabled });
			await student.goto('/me');
			await expect(student.getByText(`Times are in your time zone, ${javaScriptEnabled ? 'America/Los Angeles' : 'UTC'}`)).toBeVisible();
			await tabTo(student, /^Times show in/);
			await student.keyboard.press('Enter');
			await tabTo(student, /^Time zone/);
			await student.keyboard.type('Asia/Tokyo');
			await tabTo(student, /^Use this time zone/);
			await student.keyboard.press('Enter');
			await expect(student.getByRole('status')).toHaveText('Saved. Times now show in Asia/Tokyo.');
			await expect(student.getByText('Times are in your time zone, Asia/Tokyo')).toBeVisible();
			await expect(student.getByRole('listitem').filter({ hasText: 'Closes' })).toContainText(/GMT\+9/);
			await expectNoAxeViolations(student, javaScriptEnabled);
		} finally {
			await app.stop();
		}
	});
}

test('a tampered time zone gets a 400 with a message, and changes nothing', async () => {
	const app = await startApp({ TZ: 'UTC' });
	expect(await app.ready).toBe(true);
	try {
		const s = await seed(app.url, { assignment: false });
		for (const [who, path] of [
			[s.admin, '/teach/settings?/timeZone'],
			[s.studentA, '/me?/timeZone']
		] as const) {
			const response = await post(who, path, { zone: 'Mars/Olympus_Mons' }, 400);
			expect(await response.text()).toContain('is not a time zone the kit knows. Choose one from the list.');
		}
		const detected = await s.studentB.post('/time-zone', { form: { zone: '+05:00' } });
		expect(detected.status()).toBe(400);
		const assigned = await post(s.admin, `/teach/classes/${s.classA.id}/assign`, {
			quiz: 'mexico-says-no-to-us-troops/quiz-mexico-attribution',
			opensAt: '2030-01-01T09:00',
			closesAt: '2030-01-02T09:00',
			maxAttempts: '1',
			feedback: 'after-submit',
			zone: 'Nowhere/Atlantis'
		}, 400);
		expect(await assigned.text()).toContain('“Nowhere/Atlantis” is not a time zone the kit knows.');
		const settings = await (await s.admin.get('/teach/settings')).text();
		expect(settings).toMatch(/<option value="UTC" selected/);
		const anonymous = await client(app.url);
		expect((await anonymous.post('/time-zone', { form: { zone: 'UTC' } })).status()).toBe(401);
	} finally {
		await app.stop();
	}
});
