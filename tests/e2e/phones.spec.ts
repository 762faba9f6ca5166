/**
 * Phones (360 × 740, a small Android phone): the article starts on the first screen, the
 * claim ledger never scrolls sideways, and a find-the-evidence question stays a few
 * screens long. Each page is photographed (attached to the report) and checked with axe,
 * JavaScript on and off; the wide layouts are checked to be as they were.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, LEDGER, READER, test } from './fixtures';

const PHONE = { width: 360, height: 740 };
const WIDE = { width: 1280, height: 900 };
/**
 * A find-the-evidence question at 360 px: the prompt, the article to select in (its own
 * scrolling box), the sentences (their own box) and the certainty come to about 1,750 px
 * with JavaScript and 1,200 without; 2,500 px (under three and a half screens) leaves
 * room for a longer prompt while any return of the full-length list (5,200–5,800 px) fails.
 */
const EVIDENCE_PAGE_MAX = 2_500;

async function photograph(page: Page, testInfo: TestInfo, name: string) {
	// Kept in the test's output folder (test-results/) to look at, and attached to the report.
	await testInfo.attach(name, { body: await page.screenshot({ path: testInfo.outputPath(`${name}.png`) }), contentType: 'image/png' });
}

/** Elements that scroll sideways, and the page's own width against the window's. */
function sidewaysScroll(page: Page) {
	return page.evaluate(() => ({
		page: document.documentElement.scrollWidth - innerWidth,
		boxes: [...document.querySelectorAll('main *')]
			.filter((el) => el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX))
			.map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
	}));
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`on a phone, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled, viewport: PHONE });
		// axe takes a while over the whole annotated article, twice in a test.
		test.describe.configure({ timeout: 90_000 });

		test('the article starts on the first screen; its layers and legend open from one control', async ({ page, expectNoAxeViolations }, testInfo) => {
			await page.goto(READER);
			const first = await page.locator('.article-text p').first().boundingBox();
			// At least two lines of it show above the fold.
			expect(first!.y + 48).toBeLessThanOrEqual(PHONE.height);
			const voices = page.getByRole('checkbox', { name: /Voices/ });
			await expect(voices).toBeHidden();
			await photograph(page, testInfo, 'reader-phone-closed');
			await expectNoAxeViolations();

			// Keyboard only: Tab to the control, Enter opens it.
			const toggle = page.getByText('Layers and legend');
			for (let i = 0; i < 30 && !(await toggle.evaluate((el) => el.closest('summary') === document.activeElement)); i++) await page.keyboard.press('Tab');
			await page.keyboard.press('Enter');
			await expect(voices).toBeVisible();
			await expect(voices).toBeChecked();
			await expect(page.getByText('How to read the marks')).toBeVisible();
			await expect(page.getByText('On: Voices, Sourcing notes, Framing notes')).toBeVisible();
			await photograph(page, testInfo, 'reader-phone-open');
			await expectNoAxeViolations();
		});

		test('the claim ledger is a card per claim, still a table to assistive technology, and nothing scrolls sideways', async ({ page, expectNoAxeViolations }, testInfo) => {
			await page.goto(LEDGER);
			expect(await sidewaysScroll(page)).toEqual({ page: 0, boxes: [] });
			const table = page.getByRole('table', { name: 'Claims in reading order' });
			const total = Number((await page.getByRole('status').textContent())!.match(/of (\d+) claims/)![1]);
			await expect(table.getByRole('row')).toHaveCount(total + 1);
			await expect(table.getByRole('columnheader')).toHaveText(['#', 'Claim', 'Speaker', 'Role and relationship', 'Attribution', 'Check against the original']);
			// A card: its number, the claim (a link to its passage), then each column's name above its value.
			const card = table.getByRole('row').nth(1);
			await expect(card.getByRole('cell').nth(2)).toHaveText('Claudia Sheinbaum');
			const [cardBox, linkBox] = [await card.boundingBox(), await card.getByRole('link').boundingBox()];
			expect(cardBox!.width).toBeLessThanOrEqual(PHONE.width);
			expect(linkBox!.x + linkBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
			await card.scrollIntoViewIfNeeded();
			await photograph(page, testInfo, 'ledger-phone');
			await expectNoAxeViolations();
		});

		test(`a find-the-evidence question stays under ${EVIDENCE_PAGE_MAX} px, and a sentence can be chosen from the keyboard`, async ({ page, expectNoAxeViolations }, testInfo) => {
			await page.goto(`${READER}/practice`);
			await page.getByRole('button', { name: 'Start practising' }).click();
			await expect(page).toHaveURL(/\/practice\/1$/);
			await page.goto(`${READER}/practice/2`);
			await expect(page.getByText(/Select the words where the article mentions this report/)).toBeVisible();
			const height = await page.evaluate(() => document.documentElement.scrollHeight);
			testInfo.annotations.push({ type: 'height', description: `${height} px` });
			expect(height).toBeLessThanOrEqual(EVIDENCE_PAGE_MAX);
			expect(await sidewaysScroll(page)).toMatchObject({ page: 0 });
			await photograph(page, testInfo, 'evidence-phone');
			await expectNoAxeViolations();

			// Tab into the sentences, then arrow down through them: each comes into view as it is chosen.
			const sentences = page.getByRole('group', { name: /choose the sentence/i });
			const radios = sentences.getByRole('radio');
			for (let i = 0; i < 40 && !(await radios.first().evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
			await expect(radios.first()).toBeFocused();
			await page.keyboard.press('Space');
			for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
			await expect(radios.nth(8)).toBeChecked();
			await expect(radios.nth(8)).toBeInViewport();
			const list = await page.locator('.sentence-list').boundingBox();
			const chosen = await radios.nth(8).boundingBox();
			expect(chosen!.y).toBeGreaterThanOrEqual(list!.y);
			expect(chosen!.y + chosen!.height).toBeLessThanOrEqual(list!.y + list!.height);
		});
	});

	test.describe(`on a wide screen, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled, viewport: WIDE });
		test.describe.configure({ timeout: 90_000 });

		test('the layer switches and the legend show as before, with no control to open them', async ({ page, expectNoAxeViolations }, testInfo) => {
			await page.goto(READER);
			await expect(page.getByRole('checkbox', { name: /Voices/ })).toBeVisible();
			await expect(page.getByText('How to read the marks')).toBeVisible();
			await expect(page.getByText('Layers and legend')).toBeHidden();
			await photograph(page, testInfo, 'reader-wide');
			await expectNoAxeViolations();
		});

		test('the claim ledger is a table with its column headers', async ({ page }) => {
			await page.goto(LEDGER);
			const header = page.getByRole('table', { name: 'Claims in reading order' }).getByRole('columnheader', { name: 'Speaker' });
			await expect(header).toBeVisible();
			const row = page.getByRole('table', { name: 'Claims in reading order' }).getByRole('row').nth(1);
			// One line of cells side by side, as a table lays them out.
			const cells = await row.getByRole('cell').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
			expect(new Set(cells).size).toBe(1);
		});
	});
}
