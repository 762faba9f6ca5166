/**
 * Shared e2e helpers: the seeded article's addresses, an axe check, and the article
 * text as a reader sees it.
 */
import { expect, test as base, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const SLUG = 'mexico-says-no-to-us-troops';
export const READER = `/articles/${SLUG}`;
export const LEDGER = `/articles/${SLUG}/claims`;

async function axeViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Runs axe on what `page` shows. With JavaScript disabled Chromium also stops the
 * timers axe relies on, so the same address is loaded again, with the same cookies, in
 * a page whose own scripts are all blocked: the server-rendered document a reader
 * without JavaScript gets, with only axe running in it.
 */
export async function expectNoAxeViolations(page: Page, javaScriptEnabled: boolean) {
	if (javaScriptEnabled) {
		expect(await axeViolations(page)).toEqual([]);
		return;
	}
	const browser = page.context().browser()!;
	// (Playwright Test gives new contexts the test's options, so turn scripts back on here.)
	const context = await browser.newContext({ javaScriptEnabled: true });
	await context.addCookies(await page.context().cookies());
	const plain = await context.newPage();
	await plain.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
	await plain.goto(page.url());
	expect(await axeViolations(plain)).toEqual([]);
	await context.close();
}

/** What Chromium logs when the Content-Security-Policy or Permissions-Policy refuses something. */
export const POLICY_REFUSAL = /Content[- ]Security[- ]Policy|Permissions[- ]Policy/i;

export const test = base.extend<{ expectNoAxeViolations: () => Promise<void> }>({
	expectNoAxeViolations: async ({ page, javaScriptEnabled }, use) => {
		await use(() => expectNoAxeViolations(page, javaScriptEnabled));
	},
	// A policy that silently blocks a script or a style would break a page without failing
	// the steps that test it, so every test's own browser fails on any refusal it logs.
	context: async ({ context }, use) => {
		const refused: string[] = [];
		context.on('console', (message) => {
			if (POLICY_REFUSAL.test(message.text())) refused.push(message.text());
		});
		await use(context);
		expect(refused, 'refused by the page’s security policy').toEqual([]);
	}
});

export { expect };

/**
 * The article's text exactly as the page holds it (the container's textContent), which a
 * client anchoring W3C selectors against the page reads: note marks and line styles are
 * drawn by CSS, so nothing but the published text is in it.
 */
export async function renderedArticleText(page: Page): Promise<string> {
	return page.locator('.article-text').evaluate((root) => root.textContent ?? '');
}
