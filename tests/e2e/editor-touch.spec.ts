/**
 * The annotation editor on a tablet (a touch screen, 820 × 1180): every control is
 * reached by tapping. A finger's selection (the handles a long press gives, which
 * Playwright cannot drag) is set in the page as the browser would set it; the editor must
 * take it from there as from a mouse. Then a claim is marked by taps only, a second one
 * chosen from the sentence list by taps, and an overlap refused. No sideways scrolling at
 * this width; axe on each state.
 */
import type { Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { saveArticle, seed, type Seeded } from './http-seed';

let app: AppProcess;
let seeded: Seeded;

test.describe.configure({ mode: 'serial', timeout: 150_000 });
test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });

const BODY = 'The council met on Tuesday. It voted for new buses.\n\n## What next\n\n“We need buses now,” said Tom Reed. Riders agree.';

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
});
test.afterAll(async () => app?.stop());

/** Selects `words` inside the article text as a finger's selection handles would. */
async function fingerSelects(page: Page, words: string) {
	await page.getByRole('region', { name: 'Article text' }).evaluate((root, words) => {
		// The words may run across marks (several text nodes): find them in the text as a whole.
		const nodes: Text[] = [];
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
		const whole = nodes.map((n) => n.data).join('');
		const start = whole.indexOf(words);
		if (start < 0) throw new Error(`“${words}” is not in the article text`);
		const at = (offset: number, isEnd: boolean) => {
			let seen = 0;
			for (const n of nodes) {
				if (offset < seen + n.data.length || (isEnd && offset === seen + n.data.length)) return [n, offset - seen] as const;
				seen += n.data.length;
			}
			throw new Error('offset past the text');
		};
		const range = document.createRange();
		range.setStart(...at(start, false));
		range.setEnd(...at(start + words.length, true));
		document.getSelection()!.removeAllRanges();
		document.getSelection()!.addRange(range);
	}, words);
}

async function noSidewaysScroll(page: Page) {
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('a teacher marks claims on a tablet by touch: a finger’s selection, then taps; the sentence list by taps; an overlap refused', async ({ page, context }) => {
	await context.addCookies((await seeded.admin.storageState()).cookies);
	const id = await saveArticle(seeded.admin, { title: 'Buses on a tablet', body: BODY });
	await page.goto(new URL(`/teach/articles/${id}/edit`, app.url).href);
	await expect(page.getByRole('heading', { level: 1, name: 'Mark claims and notes' })).toBeVisible();
	await noSidewaysScroll(page);
	await expectNoAxeViolations(page, true);

	await fingerSelects(page, '“We need buses now,” said Tom Reed.');
	await expect(page.getByText('Chosen: “We need buses now,” said Tom Reed.')).toBeVisible();
	await page.getByRole('link', { name: 'Mark a claim' }).tap();
	await expect(page.getByRole('heading', { name: 'Mark a claim' })).toBeVisible();
	await page.getByLabel('Name').tap();
	await page.getByLabel('Name').fill('Tom Reed');
	await page.getByLabel('Role').selectOption({ label: 'Advocacy group' });
	await page.getByLabel('Who they are and how they relate to the story').fill('Chair of the riders’ union');
	await page.getByLabel('What they stand to gain').fill('More routes for members');
	await page.getByLabel('Their relationship to this claim').fill('Campaigns for buses');
	await noSidewaysScroll(page);
	await expectNoAxeViolations(page, true);
	await page.getByRole('button', { name: 'Mark the claim' }).tap();
	await expect(page.getByText('Marked the claim.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();

	// The sentence list, by taps only.
	await page.getByLabel('Sentence or heading').selectOption({ label: 'It voted for new buses.' });
	await page.getByRole('button', { name: 'Choose this sentence' }).tap();
	await expect(page.getByLabel('From the word')).toBeVisible();
	await page.getByRole('button', { name: 'Choose these words' }).tap();
	await expect(page.getByText('Chosen: It voted for new buses.')).toBeVisible();
	await page.getByRole('link', { name: 'Add a note' }).tap();
	await page.getByLabel('Framing').tap();
	await page.getByLabel('Title', { exact: true }).fill('New buses?');
	await page.getByLabel('Note', { exact: true }).fill('How many, and when?');
	await page.getByRole('button', { name: 'Add the note' }).tap();
	await expect(page.getByText('Added the note.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Notes (1)' })).toBeVisible();

	// A finger's selection overlapping the first claim is refused by the form, with what was typed kept.
	await fingerSelects(page, 'said Tom Reed. Riders agree.');
	await expect(page.getByText('Chosen: said Tom Reed. Riders agree.')).toBeVisible();
	await page.getByRole('link', { name: 'Mark a claim' }).tap();
	await page.getByLabel('Their relationship to this claim').fill('Typed on a tablet');
	await page.getByRole('button', { name: 'Mark the claim' }).tap();
	await expect(page.getByRole('alert')).toContainText('overlap another claim');
	await expect(page.getByLabel('Their relationship to this claim')).toHaveValue('Typed on a tablet');
	await noSidewaysScroll(page);
	await expectNoAxeViolations(page, true);
	if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/editor-tablet.png`, fullPage: true });
});
