/**
 * Open sign-up as people do it: the admin opens sign-up on Settings, a newcomer signs up
 * and waits, the admin refuses one stranger and approves the newcomer, who can then use
 * the kit. JavaScript on and off, with axe on every page this flow adds or changes.
 */
import type { Browser, Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';

const ADMIN = { name: 'Dana Admin', email: 'dana@school.test', password: 'lantern harbor violet' };
const NEWCOMER = { name: 'Ms Rivera', email: 'rivera@school.test', password: 'copper meadow tunnel' };
const STRANGER = { name: 'Mallory', email: 'mallory@elsewhere.test', password: 'quiet orchard lamp' };

async function newPage(browser: Browser, app: AppProcess, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled });
	return context.newPage();
}

async function signUp(page: Page, who: { name: string; email: string; password: string }) {
	await page.goto('/signup');
	await page.getByLabel('Your name').fill(who.name);
	await page.getByLabel('Email').fill(who.email);
	await page.getByLabel('Password').fill(who.password);
	await page.getByRole('button', { name: 'Create account' }).click();
}

for (const javaScriptEnabled of [true, false]) {
	test(`open sign-up waits for the admin's approval, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
		test.setTimeout(90_000);
		const app = await startApp();
		expect(await app.ready).toBe(true);
		const axe = (page: Page) => expectNoAxeViolations(page, javaScriptEnabled);
		try {
			// Setup suggests invite-only; the admin takes it, then opens sign-up on Settings.
			const admin = await newPage(browser, app, javaScriptEnabled);
			await admin.goto('/setup');
			await expect(admin.getByLabel('Only people with an invite link')).toBeChecked();
			await admin.getByLabel('Your name').fill(ADMIN.name);
			await admin.getByLabel('Email').fill(ADMIN.email);
			await admin.getByLabel('Password').fill(ADMIN.password);
			await admin.getByRole('button', { name: 'Create admin account' }).click();
			await expect(admin).toHaveURL(/\/teach$/);
			await admin.getByRole('link', { name: 'Settings' }).click();
			await expect(admin.getByText('New accounts wait until you approve them')).toBeVisible();
			await admin.getByLabel('Anyone who can reach this server, once you approve them').check();
			await admin.getByRole('button', { name: 'Save' }).click();
			await expect(admin.getByRole('status')).toHaveText('Saved.');
			await expect(admin.getByText('No one is waiting. New sign-ups will appear here.')).toBeVisible();
			await axe(admin);

			// A newcomer is told before signing up, and lands on the waiting page.
			const newcomer = await newPage(browser, app, javaScriptEnabled);
			await newcomer.goto('/signup');
			await expect(newcomer.getByText('approves new teacher accounts before they can use it')).toBeVisible();
			await axe(newcomer);
			await signUp(newcomer, NEWCOMER);
			await expect(newcomer).toHaveURL(/\/teach\/waiting$/);
			await expect(newcomer.getByRole('heading', { level: 1, name: 'Your account is waiting for approval' })).toBeVisible();
			await expect(newcomer.getByText('The admin has been told')).toBeVisible();
			await expect(newcomer.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
			await expect(newcomer.getByRole('link', { name: 'My classes' })).toHaveCount(0);
			await axe(newcomer);

			// Every teacher page leads back to it: not a quiz, a key or a setting before approval.
			for (const path of ['/teach', '/teach/quizzes', '/teach/settings']) {
				await newcomer.goto(path);
				await expect(newcomer).toHaveURL(/\/teach\/waiting$/);
			}

			// A stranger signs up too.
			const stranger = await newPage(browser, app, javaScriptEnabled);
			await signUp(stranger, STRANGER);
			await expect(stranger).toHaveURL(/\/teach\/waiting$/);

			// The admin's home says someone is waiting, and links to Settings.
			await admin.goto('/teach');
			await expect(admin.getByRole('status')).toContainText('2 teachers are waiting for your approval.');
			await axe(admin);
			await admin.getByRole('link', { name: 'Approve or refuse on Settings' }).click();
			await expect(admin).toHaveURL(/\/teach\/settings#pending$/);
			const waiting = admin.getByRole('region', { name: 'Teachers waiting for approval' }).getByRole('listitem');
			await expect(waiting).toHaveCount(2);
			await expect(waiting.first()).toContainText(NEWCOMER.name);
			await expect(waiting.first()).toContainText(NEWCOMER.email);
			await expect(waiting.first()).toContainText(/Signed up \w{3}, \w{3} \d+, \d+:\d\d\s[AP]M/);
			await axe(admin);

			// Refusing asks first; then the stranger's account is gone, and so is their session.
			await waiting.filter({ hasText: STRANGER.email }).getByText('Refuse…').click();
			await expect(admin.getByText(`This deletes ${STRANGER.name}’s account`)).toBeVisible();
			await axe(admin);
			await admin.getByRole('button', { name: `Yes, refuse ${STRANGER.name}` }).click();
			await expect(admin.getByRole('status')).toContainText(`Refused ${STRANGER.name} (${STRANGER.email})`);
			await expect(waiting).toHaveCount(1);
			await stranger.goto('/teach/waiting');
			await expect(stranger).toHaveURL(/\/signin/);

			// Approving lets the newcomer in on their next request.
			await admin.getByRole('button', { name: `Approve ${NEWCOMER.name}` }).click();
			await expect(admin.getByRole('status')).toContainText(`Approved ${NEWCOMER.name} (${NEWCOMER.email})`);
			await expect(admin.getByText('No one is waiting.')).toBeVisible();
			await axe(admin);
			await admin.goto('/teach');
			await expect(admin.getByText('waiting for your approval')).toHaveCount(0);

			await newcomer.getByRole('link', { name: 'Check again' }).click();
			await expect(newcomer).toHaveURL(/\/teach$/);
			await expect(newcomer.getByRole('heading', { level: 1, name: 'My classes' })).toBeVisible();
			await newcomer.getByRole('link', { name: 'Quizzes' }).click();
			await expect(newcomer).toHaveURL(/\/teach\/quizzes$/);
			// Settings has the newcomer's own time zone, and nothing of the admin's.
			const settings = await newcomer.request.get('/teach/settings');
			expect(settings.status()).toBe(200);
			const html = await settings.text();
			expect(html).toContain('Your time zone');
			for (const adminOnly of ['Invite a teacher', 'Student data the kit holds', NEWCOMER.email]) expect(html).not.toContain(adminOnly);
			expect((await newcomer.request.post('/teach/settings?/invite', { form: {}, headers: { origin: app.url } })).status()).toBe(403);
		} finally {
			await app.stop();
		}
	});
}
