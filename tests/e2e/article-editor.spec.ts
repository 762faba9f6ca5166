/**
 * The annotation editor in the browser: a teacher marks one claim with the mouse and one
 * with the keyboard only, adds a source and a note, is refused an overlapping claim
 * (keeping what she typed), edits the text, confirms a low-confidence re-anchor, moves an
 * orphan to new words and publishes; without JavaScript the keyboard path works as plain
 * form posts. axe checks the editor's pages with JavaScript on and off.
 */
import type { Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { saveArticle, seed, type Seeded } from './http-seed';

let app: AppProcess;
let seeded: Seeded;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const BODY = 'The council met on Tuesday. It voted for new buses.\n\n## What next\n\n“We need buses now,” said Tom Reed. Riders agree.';
const EDITED = 'The council met on Tuesday. It voted for new electric buses.\n\n## What next\n\n“We need buses now,” said Tom Reed.\n\nFares will rise in June.';

/** Saves a draft article through the review form and returns its id. */
const newArticle = (title: string) => saveArticle(seeded.admin, { title, body: BODY, outlet: 'Riverside Gazette' });

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
});
test.afterAll(async () => app?.stop());

async function open(page: Page, path: string) {
	const response = await page.goto(new URL(path, app.url).href);
	expect(response?.status()).toBe(200);
}

/** The keyboard path: pick a sentence from the list, then its first and last words, each by a plain form. */
async function chooseByKeyboard(page: Page, sentence: string, first?: string, last?: string) {
	await page.getByLabel('Sentence or heading').selectOption({ label: sentence });
	await page.getByRole('button', { name: 'Choose this sentence' }).press('Enter');
	await expect(page.getByLabel('From the word')).toBeVisible();
	if (first) await page.getByLabel('From the word').selectOption({ label: first });
	if (last) await page.getByLabel('To the word').selectOption({ label: last });
	await page.getByRole('button', { name: 'Choose these words' }).press('Enter');
}

test.describe('JavaScript on', () => {
	test('mouse and keyboard claims, a note, an overlap refused, a text edit re-anchored, confirmed, moved and published', async ({ page, context }) => {
		await context.addCookies((await seeded.admin.storageState()).cookies);
		const id = await newArticle('Council backs buses');
		await open(page, `/teach/articles/${id}`);
		await page.getByRole('link', { name: 'Mark claims and notes' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Mark claims and notes' })).toBeVisible();
		await expectNoAxeViolations(page, true);

		// With the mouse: a triple click selects the first paragraph.
		await page.getByRole('region', { name: 'Article text' }).getByText('The council met on Tuesday. It voted for new buses.', { exact: true }).click({ clickCount: 3 });
		await expect(page.getByText('Chosen: The council met on Tuesday. It voted for new buses.')).toBeVisible();
		await page.getByRole('link', { name: 'Mark a claim' }).click();
		await expect(page.getByRole('heading', { name: 'Mark a claim' })).toBeVisible();
		await expect(page.getByLabel('Who is speaking')).toHaveValue('new');
		await page.getByLabel('Name').fill('The writer');
		await page.getByLabel('Role').selectOption({ label: 'The writer' });
		await page.getByLabel('Who they are and how they relate to the story').fill('The reporter');
		await page.getByLabel('What they stand to gain').fill('Nothing named');
		await page.getByLabel('Their relationship to this claim').fill('Reports the vote');
		await page.getByLabel('How the article credits it').selectOption({ label: "Writer's own voice" });
		await page.getByLabel('Checked against the original').selectOption({ label: 'Matches the original' });
		await expectNoAxeViolations(page, true);
		await page.getByRole('button', { name: 'Mark the claim' }).click();
		await expect(page.getByText('Marked the claim.')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();

		// A source, then a claim and a note by the keyboard only.
		await page.getByLabel('Fact', { exact: true }).fill('Tom Reed chairs the riders’ union');
		await page.getByLabel('Where it comes from').fill('Union website');
		await page.getByLabel('I have checked it').check();
		await page.getByRole('button', { name: 'Add the source' }).press('Enter');
		await expect(page.getByText('Added the source.')).toBeVisible();

		await chooseByKeyboard(page, '“We need buses now,” said Tom Reed.');
		await expect(page.getByText('Chosen: “We need buses now,” said Tom Reed.')).toBeVisible();
		await page.getByRole('link', { name: 'Mark a claim' }).press('Enter');
		await page.getByLabel('Who is speaking').selectOption({ label: 'Someone new…' });
		await page.getByLabel('Name').fill('Tom Reed');
		await page.getByLabel('Role').selectOption({ label: 'Advocacy group' });
		await page.getByLabel('Who they are and how they relate to the story').fill('Chair of the riders’ union');
		await page.getByLabel('What they stand to gain').fill('More routes for members');
		await page.getByLabel('Their relationship to this claim').fill('Campaigns for buses');
		await page.getByLabel('Tom Reed chairs the riders’ union').check();
		await page.getByRole('button', { name: 'Mark the claim' }).press('Enter');
		await expect(page.getByRole('heading', { name: 'Claims (2)' })).toBeVisible();

		await chooseByKeyboard(page, 'Riders agree.');
		await page.getByRole('link', { name: 'Add a note' }).press('Enter');
		await page.getByLabel('Framing').check();
		await page.getByLabel('Title', { exact: true }).fill('Which riders?');
		await page.getByLabel('Note', { exact: true }).fill('No rider is named or quoted.');
		await page.getByLabel('“Check it” steps (optional)').fill('Look for a rider quoted by name.');
		await page.getByRole('button', { name: 'Add the note' }).press('Enter');
		await expect(page.getByText('Added the note.')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Notes (1)' })).toBeVisible();

		// The coverage rule, beside the text: "Riders agree." has no claim yet.
		await expect(page.getByText('No claim covers “Riders agree.”')).toBeVisible();
		// An overlapping claim is refused, and what was typed stays in the form.
		await chooseByKeyboard(page, 'The council met on Tuesday.');
		await page.getByRole('link', { name: 'Mark a claim' }).click();
		await page.getByLabel('Their relationship to this claim').fill('Typed before the refusal');
		await page.getByRole('button', { name: 'Mark the claim' }).click();
		await expect(page.getByRole('alert')).toContainText('overlap another claim');
		await expect(page.getByLabel('Their relationship to this claim')).toHaveValue('Typed before the refusal');
		await expect(page.getByRole('heading', { name: 'Claims (2)' })).toBeVisible();

		// A change of the text: the first claim's words changed (to confirm), the note's sentence is gone (an orphan).
		await open(page, `/teach/articles/${id}`);
		await page.getByLabel('Section headings and paragraphs').fill(EDITED);
		await page.getByRole('button', { name: 'Save the text' }).click();
		await expect(page.getByText('Saved the text as version 2.')).toBeVisible();
		await page.getByRole('link', { name: 'Mark claims and notes' }).click();
		await expect(page.getByRole('heading', { name: 'After the text edit (3 to check)' })).toBeVisible();
		await expect(page.getByText('Claim, to confirm:')).toHaveCount(2);
		await expect(page.getByText('Note, not found:')).toBeVisible();
		await expectNoAxeViolations(page, true);
		// Students (and the preview) never see the waiting ones: the claim ledger lists none yet.
		const reader = await page.getByRole('link', { name: /Preview: the student reader/ }).getAttribute('href');
		const ledger = await context.newPage();
		await ledger.goto(new URL(`${reader}/claims`, app.url).href);
		await expect(ledger.getByText('It voted for new electric buses.')).toHaveCount(0);

		await page.getByRole('button', { name: /^Confirm “The council met/ }).click();
		await expect(page.getByText('Confirmed: it is attached to the edited text.')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'After the text edit (2 to check)' })).toBeVisible();
		// The second claim's candidate lost a word, so the teacher chooses its words again instead of confirming.
		await page.getByRole('link', { name: 'Choose new words for ““We need buses now,” said Tom Reed.”' }).click();
		await expect(page.getByRole('heading', { name: 'Choose new words' })).toBeVisible();
		await chooseByKeyboard(page, '“We need buses now,” said Tom Reed.');
		await page.getByRole('button', { name: 'Move it to these words' }).click();
		await expect(page.getByText('Moved it to the new words.')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'After the text edit (1 to check)' })).toBeVisible();
		await page.getByRole('link', { name: 'Choose new words for “Riders agree.”' }).click();
		await expect(page.getByRole('heading', { name: 'Choose new words' })).toBeVisible();
		await chooseByKeyboard(page, 'Fares will rise in June.');
		await page.getByRole('button', { name: 'Move it to these words' }).click();
		await expect(page.getByText('Moved it to the new words.')).toBeVisible();
		await expect(page.getByRole('heading', { name: /After the text edit/ })).toHaveCount(0);
		await expect(page.getByText('Framing note 1: Which riders? on Fares will rise in June.')).toBeVisible();
		await ledger.reload();
		await expect(ledger.getByText('The council met on Tuesday. It voted for new electric buses.')).toBeVisible();
		await expect(ledger.getByText('“We need buses now,” said Tom Reed.')).toBeVisible();
		await ledger.close();

		await open(page, `/teach/articles/${id}`);
		await page.getByRole('radio', { name: 'Published' }).check();
		await page.getByRole('radio', { name: /^My classes/ }).check();
		await page.getByRole('button', { name: 'Save who can read it' }).click();
		await expect(page.getByText('Published.')).toBeVisible();
	});
});

test.describe('JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('the keyboard path works as plain form posts, and a refusal keeps what was typed', async ({ page, context }) => {
		await context.addCookies((await seeded.admin.storageState()).cookies);
		const id = await newArticle('Council backs buses (no JS)');
		await open(page, `/teach/articles/${id}/edit`);
		await expectNoAxeViolations(page, false);
		await chooseByKeyboard(page, 'It voted for new buses.', '1. It', '5. buses.');
		await expect(page.getByText('Chosen: It voted for new buses.')).toBeVisible();
		await page.getByRole('link', { name: 'Mark a claim' }).click();
		// Missing the speaker's details: refused with the message by the form, nothing lost.
		await page.getByLabel('Their relationship to this claim').fill('Reports the vote');
		await page.getByRole('button', { name: 'Mark the claim' }).click();
		await expect(page.getByRole('alert')).toContainText('The new speaker’s name is missing.');
		await expect(page.getByLabel('Their relationship to this claim')).toHaveValue('Reports the vote');
		await expectNoAxeViolations(page, false);
		await page.getByLabel('Name').fill('The writer');
		await page.getByLabel('Role').selectOption({ label: 'The writer' });
		await page.getByLabel('Who they are and how they relate to the story').fill('The reporter');
		await page.getByLabel('What they stand to gain').fill('Nothing named');
		await page.getByRole('button', { name: 'Mark the claim' }).click();
		await expect(page.getByText('Marked the claim.')).toBeVisible();
		await expect(page.getByText('Claim 1 It voted for new buses.')).toBeVisible();
		await page.getByRole('link', { name: 'Edit claim 1' }).click();
		await page.getByLabel('Checked against the original').selectOption({ label: 'Stretched beyond the original' });
		await page.getByRole('button', { name: 'Save the claim' }).click();
		await expect(page.getByText('Saved the claim.')).toBeVisible();
		await expect(page.getByText('Stretched beyond the original')).toBeVisible();
		await page.getByRole('button', { name: 'Delete claim 1' }).click();
		await expect(page.getByText('Deleted.')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Claims (0)' })).toBeVisible();
	});
});
