import { expect, READER, renderedArticleText, SLUG, test } from './fixtures';

const HEADINGS = [
	'A Sovereign Stand: Sheinbaum’s Categorical Rejection',
	'Trump’s Push for Results — and Tougher Action',
	'The Drone Strategy and Cartel Terror Designation',
	'Pressure From the Ground: U.S. Ranchers Sound the Alarm',
	'Heritage Report: Military May Be Inevitable'
];

test.describe('the reader, with JavaScript', () => {
	test('shows the article exactly as published, with its headings and source line', async ({ page, request }) => {
		await page.goto(READER);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Mexico Says No to U\.S\. Troops/);
		const about = page.getByRole('list', { name: 'About this article' });
		await expect(about).toContainText('No author given');
		await expect(about).toContainText('No date given');
		await page.getByText('Where this article and its headline come from').click();
		await expect(page.getByText(/it follows Fox News Digital/)).toBeVisible();
		await expect(page.getByText(/rebuilt from the words of its address slug/)).toBeVisible();

		const text = page.getByRole('region', { name: 'Article text' });
		await expect(text.getByRole('heading', { level: 2 })).toHaveCount(HEADINGS.length);
		for (const heading of HEADINGS) await expect(text.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
		// The hard line break does not split its paragraph.
		await expect(text.locator('p', { hasText: 'Responding to President' })).toContainText('Donald Trump’s offer');

		const published = await (await request.get(`${READER}/text.txt`)).text();
		expect(await renderedArticleText(page)).toBe(published);
	});

	test('opens a claim’s notes beside the text and returns focus to it', async ({ page, expectNoAxeViolations }) => {
		await page.goto(READER);
		const claim = page.getByRole('link', { name: /Mexico must do more to protect Americans/ });
		await claim.click();

		const panel = page.getByRole('complementary', { name: /Claim \d+ and its notes/ });
		await expect(panel).toBeVisible();
		await expect(panel.getByRole('heading', { name: /Claim \d+/ }).first()).toBeFocused();
		await expect(panel).toContainText('Anna Kelly');
		await expect(panel).toContainText('Direct quote');
		await expect(panel).toContainText('Altered from the original');
		await expectNoAxeViolations();

		await page.keyboard.press('Escape');
		await expect(panel).toBeHidden();
		await expect(claim).toBeFocused();
	});

	test('works from the keyboard alone', async ({ page }) => {
		await page.goto(READER);
		const claim = page.getByRole('link', { name: /Her stance drew a sharp line/ });
		// Tab until the claim has focus, as a keyboard user would.
		for (let i = 0; i < 200 && !(await claim.evaluate((el) => el === document.activeElement)); i++) {
			await page.keyboard.press('Tab');
		}
		await expect(claim).toBeFocused();
		await page.keyboard.press('Enter');
		const panel = page.getByRole('complementary', { name: /Claim \d+ and its notes/ });
		await expect(panel).toContainText('the writer');
		await page.getByRole('button', { name: 'Back to the text' }).press('Enter');
		await expect(claim).toBeFocused();
	});

	test('shows the Spanish original of the Sheinbaum quote and the three translations', async ({ page }) => {
		await page.goto(READER);
		await page.getByRole('link', { name: /“No, President Trump\. Our territory is inalienable/ }).click();
		const panel = page.getByRole('complementary', { name: /Claim \d+ and its notes/ });
		await expect(panel.locator('[lang="es"]').first()).toContainText('El territorio es inviolable');
		const table = panel.getByRole('table', { name: 'How outlets put it in English' });
		await expect(table.getByRole('rowheader')).toHaveText(['inviolable', 'sacrosanct', 'inalienable']);
		await expect(table).toContainText('Reuters');
		await expect(table).toContainText('AP and AFP');
	});

	test('switches layers on and off, and remembers them on reload', async ({ page }) => {
		await page.goto(READER);
		const framingMark = page.locator('.article-text .note-mark.framing').first();
		await expect(framingMark).toBeVisible();

		await page.getByRole('checkbox', { name: /Framing notes/ }).uncheck();
		await expect(framingMark).toBeHidden();
		await expect(page).toHaveURL(/layers=set/);
		await page.getByRole('link', { name: /Mexico must do more to protect Americans/ }).click();
		const panel = page.getByRole('complementary', { name: /Claim \d+ and its notes/ });
		await expect(panel.getByText('Framing note', { exact: false })).toHaveCount(0);
		await expect(panel.getByText(/Sourcing note \d+/).first()).toBeVisible();

		await page.reload();
		await expect(page.getByRole('checkbox', { name: /Framing notes/ })).not.toBeChecked();
		await expect(page.locator('.article-text .note-mark.framing')).toHaveCount(0);

		await page.getByRole('checkbox', { name: /Voices/ }).uncheck();
		await expect(page.locator('.article-text.voices')).toHaveCount(0);
	});

	test('has no axe violations', async ({ page, expectNoAxeViolations }) => {
		await page.goto(READER);
		await expectNoAxeViolations();
	});

	test('opens the claim a ledger link points at', async ({ page }) => {
		await page.goto(`/articles/${SLUG}/claims`);
		await page.getByRole('link', { name: /The U\.S\. insists it’s ready to escalate/ }).click();
		await expect(page).toHaveURL(new RegExp(`${READER}#c\\d+$`));
		const panel = page.getByRole('complementary', { name: /Claim \d+ and its notes/ });
		await expect(panel).toContainText('Vague source');
		await expect(panel).toContainText('Stretched beyond the original');
	});
});

for (const javaScriptEnabled of [true, false]) {
	test.describe(`the page's text, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		for (const layers of ['', '?layers=set']) {
			test(`is text.txt, so every annotation's position selector finds its quote in it (${layers || 'all layers'})`, async ({ page, request }) => {
				const published = await (await request.get(`${READER}/text.txt`)).text();
				const collection = await (await request.get(`${READER}/annotations.jsonld`)).json();
				await page.goto(`${READER}${layers}`);
				const inPage = await renderedArticleText(page);
				expect(inPage).toBe(published);
				type Selector = { type: string; exact?: string; start?: number; end?: number };
				const items = collection.first.items as { id: string; target: { selector: Selector[] } }[];
				const unresolved = items.filter((item) => {
					const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
					const position = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
					return inPage.slice(position.start, position.end) !== quote.exact;
				});
				expect(items.length).toBeGreaterThan(60);
				expect(unresolved.map((i) => i.id)).toEqual([]);
			});
		}

		// (axe runs on the reader, JavaScript on and off, in the tests above and below.)
		test('still shows each note mark, and a screen reader hears it with its claim', async ({ page }) => {
			await page.goto(READER);
			const mark = page.locator('.article-text .note-mark').first();
			await expect(mark).toBeVisible();
			const label = (await mark.getAttribute('data-marker'))!;
			expect(label).toMatch(/^[SF]\d+$/);
			// The mark is drawn from its attribute: visible, yet no text of the article.
			expect(await mark.evaluate((el) => el.textContent)).toBe('');
			expect((await mark.boundingBox())!.width).toBeGreaterThan(3);
			const claim = mark.locator('xpath=ancestor::a[1]');
			const meaning = `${label[0] === 'S' ? 'Sourcing' : 'Framing'} note ${label.slice(1)}`;
			await expect(claim).toHaveAccessibleDescription(new RegExp(meaning));
		});
	});
}

test.describe('the reader, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('reaches every claim’s notes as numbered notes linked both ways', async ({ page }) => {
		await page.goto(READER);
		const claim = page.getByRole('link', { name: /Mexico must do more to protect Americans/ });
		const href = await claim.getAttribute('href');
		expect(href).toMatch(/^#claim-c\d+$/);
		await claim.click();
		await expect(page).toHaveURL(new RegExp(`${href}$`));

		const entry = page.locator(href!);
		await expect(entry).toContainText('Anna Kelly');
		await expect(entry).toContainText('Altered from the original');
		await expect(entry.getByRole('heading', { name: /^(Sourcing|Framing) note \d+/ }).or(entry.locator('.note')).first()).toBeVisible();

		await entry.getByRole('link', { name: /^Back to the text for claim/ }).click();
		await expect(page).toHaveURL(new RegExp(`${READER}#c\\d+$`));

		// Every note is in the list with a number and a link back to its place.
		const notes = page.locator('[id^="note-"]');
		expect(await notes.count()).toBeGreaterThanOrEqual(20);
		const first = notes.first();
		await expect(first).toContainText(/(Sourcing|Framing) note 1/);
		const back = first.getByRole('link', { name: /Back to the text for note 1/ });
		const target = (await back.getAttribute('href'))!;
		await expect(page.locator(target)).toHaveClass(/claim/);
	});

	test('switches layers with the Apply button', async ({ page }) => {
		await page.goto(READER);
		await page.getByRole('checkbox', { name: /Framing notes/ }).uncheck();
		await page.getByRole('button', { name: 'Apply' }).click();
		await expect(page).toHaveURL(/layers=set&layer=voices&layer=sourcing$/);
		await expect(page.locator('.article-text .note-mark.framing')).toHaveCount(0);
		await expect(page.locator('#notes').getByText(/Framing note \d+/)).toHaveCount(0);
		await expect(page.locator('#notes').getByText(/Sourcing note \d+/).first()).toBeVisible();
	});

	test('shows the same text and has no axe violations', async ({ page, request, expectNoAxeViolations }) => {
		await page.goto(READER);
		const published = await (await request.get(`${READER}/text.txt`)).text();
		expect(await renderedArticleText(page)).toBe(published);
		await expectNoAxeViolations();
	});
});
