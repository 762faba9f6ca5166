/**
 * Signed-in students get the article from one shared render with only their name filled
 * in (hooks.server.ts, viewer-template.ts): each must see their own name, never another
 * student's, with JavaScript on (the start-up script is filled too, and still allowed by
 * the page's script policy) and off, and nothing said to them may be stored.
 */
import type { APIRequestContext } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, LEDGER, READER, test } from './fixtures';
import { seed, type Seeded } from './http-seed';

let app: AppProcess;
let seeded: Seeded;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
});

test.afterAll(async () => app?.stop());

const cookiesOf = async (ctx: APIRequestContext) => (await ctx.storageState()).cookies;

test('two students asking in turn each get their own name, and anonymous visitors neither', async () => {
	const students = [
		{ ctx: seeded.studentA, name: 'Ana', other: 'Ben' },
		{ ctx: seeded.studentB, name: 'Ben', other: 'Ana' }
	];
	// Ana first fills the shared page; Ben, then Ana again, then Ben again are served from it.
	for (const path of [READER, LEDGER, `${READER}?layers=voices`]) {
		for (const { ctx, name, other } of [...students, ...students]) {
			const response = await ctx.get(path);
			expect(response.status()).toBe(200);
			expect(response.headers()['cache-control']).toBe('private, no-store');
			const html = await response.text();
			expect(html).toContain(`Signed in as </span>${name}</span>`);
			expect(html).toContain(`viewer:{kind:"student",name:"${name}"}`);
			expect(html).not.toContain(other);
			expect(html).not.toMatch(/viewer-slot-/);
		}
		const anonymous = await (await seeded.anonymous.get(path)).text();
		expect(anonymous).not.toMatch(/Ana|Ben|viewer-slot-/);
	}
});

for (const javaScriptEnabled of [true, false]) {
	test(`each student sees their own name on the reader (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
		for (const [ctx, name, other] of [
			[seeded.studentA, 'Ana', 'Ben'],
			[seeded.studentB, 'Ben', 'Ana']
		] as const) {
			const context = await browser.newContext({ javaScriptEnabled, baseURL: app.url });
			const refused: string[] = [];
			context.on('console', (message) => {
				if (/Content[- ]Security[- ]Policy/i.test(message.text())) refused.push(message.text());
			});
			await context.addCookies(await cookiesOf(ctx));
			const page = await context.newPage();
			await page.goto(READER);
			const nav = page.getByRole('navigation', { name: 'Main' });
			await expect(nav).toContainText(`Signed in as ${name}`);
			await expect(nav).not.toContainText(other);
			await expect(nav.getByRole('link', { name: 'My classes' })).toBeVisible();
			if (javaScriptEnabled) {
				// The filled start-up script ran (hydration): switching a layer updates the address.
				await page.getByRole('checkbox', { name: /Framing notes/ }).uncheck();
				await expect(page).toHaveURL(/layers=/);
				await expect(nav).toContainText(`Signed in as ${name}`);
			}
			if (name === 'Ana') await expectNoAxeViolations(page, javaScriptEnabled);
			expect(refused, 'the filled start-up script is allowed by the policy').toEqual([]);
			await context.close();
		}
	});
}
