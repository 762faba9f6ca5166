import { expect, LEDGER, test } from './fixtures';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`the claim ledger, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		/** Picks a filter and waits for the page it leads to; without JavaScript, via the Filter button. */
		async function choose(page: import('@playwright/test').Page, label: string, option: string) {
			const select = page.getByRole('combobox', { name: label });
			await select.selectOption({ label: option });
			const [name, value] = [await select.getAttribute('name'), await select.inputValue()];
			if (!javaScriptEnabled) await page.getByRole('button', { name: 'Filter' }).click();
			await page.waitForURL((url) => url.searchParams.get(name!) === value);
		}

		test('lists every claim and filters by speaker, form and check', async ({ page, expectNoAxeViolations }) => {
			await page.goto(LEDGER);
			const rows = page.getByRole('table', { name: 'Claims in reading order' }).locator('tbody tr');
			const status = page.getByRole('status');
			const total = Number((await status.textContent())!.match(/of (\d+) claims/)![1]);
			expect(total).toBeGreaterThanOrEqual(30);
			await expect(rows).toHaveCount(total);
			await expectNoAxeViolations();

			await choose(page, 'Speaker', 'Anna Kelly');
			await expect(page).toHaveURL(/speaker=anna-kelly/);
			const kellyCount = await rows.count();
			expect(kellyCount).toBeGreaterThan(1);
			expect(kellyCount).toBeLessThan(total);
			for (const cell of await rows.locator('td:nth-child(3)').all()) await expect(cell).toHaveText('Anna Kelly');
			await expect(status).toHaveText(`Showing ${kellyCount} of ${total} claims.`);

			await choose(page, 'Attribution', 'Direct quote');
			for (const cell of await rows.locator('td:nth-child(5)').all()) await expect(cell).toHaveText('Direct quote');
			await choose(page, 'Check against the original', 'Altered from the original');
			await expect(rows.first()).toContainText('Altered from the original');
			for (const cell of await rows.locator('td:nth-child(6) .tag').all()) await expect(cell).toHaveText('Altered from the original');

			await choose(page, 'Speaker', 'Buck Wehrbein');
			await choose(page, 'Attribution', 'Headline');
			await expect(rows).toHaveText(['No claims match these filters.']);

			await page.getByRole('link', { name: 'Clear filters' }).click();
			await expect(rows).toHaveCount(total);
		});

		test('shows the balance of voices as a chart and a table with the same numbers', async ({ page, expectNoAxeViolations }) => {
			await page.goto(LEDGER);
			const chart = page.getByRole('img', { name: 'Balance of voices' });
			await expect(chart).toBeVisible();
			const table = page.getByRole('table', { name: 'Words and claims per speaker' });
			const rows = await table.locator('tbody tr').all();
			expect(rows.length).toBe(7);
			const description = (await chart.locator('desc').textContent())!;
			let claims = 0;
			for (const row of rows) {
				const [name, words, count] = [
					await row.getByRole('rowheader').textContent(),
					await row.locator('td').nth(0).textContent(),
					await row.locator('td').nth(1).textContent()
				];
				const plural = (n: string | null, word: string) => `${n} ${word}${n === "1" ? "" : "s"}`;
				expect(description).toContain(`${name}: ${plural(words, "word")}, ${plural(count, "claim")}`);
				claims += Number(count);
			}
			const total = Number((await page.getByRole('status').textContent())!.match(/of (\d+) claims/)![1]);
			expect(claims).toBe(total);
			await expectNoAxeViolations();
		});

		test('links each row to its span in the reader', async ({ page }) => {
			await page.goto(LEDGER);
			const link = page.getByRole('link', { name: /Under his watch, multiple cartel leaders/ });
			const href = (await link.getAttribute('href'))!;
			await link.click();
			const id = href.split('#')[1];
			await expect(page.locator(`#${id}`)).toContainText('Under his watch, multiple cartel leaders');
		});
	});
}

test('filter menus follow the address after Clear filters and Back', async ({ page }) => {
	await page.goto(`${LEDGER}?speaker=writer`);
	const speaker = page.getByRole('combobox', { name: 'Speaker' });
	await expect(speaker).toHaveValue('writer');
	await page.getByRole('link', { name: 'Clear filters' }).click();
	await expect(page).toHaveURL(new RegExp(`${LEDGER}$`));
	await expect(speaker).toHaveValue('');
	await page.goBack();
	await expect(page).toHaveURL(/speaker=writer/);
	await expect(speaker).toHaveValue('writer');
});

test('ignores tampered filter values instead of failing', async ({ page }) => {
	const response = await page.goto(`${LEDGER}?speaker=%3Cscript%3E&form=nope&check=`);
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('status')).toHaveText(/Showing (\d+) of \1 claims\./);
});
