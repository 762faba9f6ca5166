/**
 * Every page a visitor can reach without signing in says what it is in a meta description
 * (search engines and link previews show it; Lighthouse's SEO audit requires it), and none
 * names an element that cannot carry a name (aria-label/-labelledby on a plain div or span
 * is invalid HTML, and screen readers ignore it) or uses an id twice.
 */
import type { Page } from '@playwright/test';
import { startApp } from './app-process';
import { client, makeClass, post } from './http-seed';
import { expect, LEDGER, READER, test } from './fixtures';

/** Elements whose implicit role (generic, paragraph …) prohibits a name, unless given a role. */
const UNNAMEABLE = ['div', 'span', 'p', 'b', 'i', 'em', 'strong', 'small', 'sup', 'sub', 'code', 'pre', 'label'];

async function expectDescribedAndValid(page: Page, path: string) {
	const descriptions = page.locator('head meta[name="description"]');
	await expect(descriptions, `${path}: one meta description`).toHaveCount(1);
	expect((await descriptions.getAttribute('content'))?.trim().length, `${path}: a non-empty description`).toBeGreaterThan(20);
	const badNames = await page.evaluate((tags) => {
		const selector = tags.flatMap((t) => [`${t}[aria-label]:not([role])`, `${t}[aria-labelledby]:not([role])`]).join(',');
		return [...document.querySelectorAll(selector)].map((el) => el.outerHTML.slice(0, 80));
	}, UNNAMEABLE);
	expect(badNames, `${path}: names on elements that cannot be named`).toEqual([]);
	// Another HTML error a validator reports and aria-labelledby/describedby trip over.
	const repeatedIds = await page.evaluate(() => {
		const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
		return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
	});
	expect(repeatedIds, `${path}: ids used twice`).toEqual([]);
}

test('the public article, practice and sign-in pages each have a meta description and valid naming', async ({ page }) => {
	for (const path of ['/', READER, `${READER}?layers=set&layer=sourcing`, LEDGER, `${READER}/practice`, '/join', '/signin', '/signup', '/signout']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expectDescribedAndValid(page, path);
	}
	await page.goto(`${READER}/practice`);
	await page.getByRole('button', { name: 'Start practising' }).click();
	await expect(page).toHaveURL(/\/practice\/1$/);
	await expectDescribedAndValid(page, 'practice question');
	await page.goto(`${READER}/practice/results`);
	await expectDescribedAndValid(page, 'practice results');
	const missing = await page.goto('/articles/no-such-article');
	expect(missing?.status()).toBe(404);
	await expectDescribedAndValid(page, 'the 404 page');
});

test('first-run setup and a class’s join page have a meta description too', async ({ browser }) => {
	const app = await startApp();
	expect(await app.ready).toBe(true);
	const context = await browser.newContext({ baseURL: app.url });
	try {
		const page = await context.newPage();
		await page.goto('/setup');
		await expectDescribedAndValid(page, '/setup');
		const admin = await client(app.url);
		await post(admin, '/setup', { name: 'Ada Admin', email: 'ada@school.test', password: 'harbor lantern violet', mode: 'invite' });
		const { code } = await makeClass(admin, 'Class A', 'Ana\nAmir');
		await page.goto(`/join/${code}`);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Class A');
		await expectDescribedAndValid(page, '/join/<code>');
		await admin.dispose();
	} finally {
		await context.close();
		await app.stop();
	}
});
