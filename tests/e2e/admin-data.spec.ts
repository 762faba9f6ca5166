/**
 * The admin's privacy housekeeping on Settings: how much student data the kit holds per
 * teacher, and deleting a teacher who leaves with every class of theirs, after typing
 * their email. JavaScript on and off, with axe on the page before and after.
 */
import type { Page } from '@playwright/test';
import { startApp } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { seed } from './http-seed';

/** The data table's row for `name`, as the cells read. */
async function rowOf(page: Page, name: string) {
	const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });
	return row.getByRole('cell').allInnerTexts();
}

for (const javaScriptEnabled of [true, false]) {
	test(`the admin sees the data held and deletes a leaving teacher's classes, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
		test.setTimeout(90_000);
		const app = await startApp();
		try {
			expect(await app.ready).toBe(true);
			// Ada (admin): Class A, Ana and Amir, Ana has started an attempt. Olu: Class B, Ben and Bea.
			const seeded = await seed(app.url);
			const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, storageState: await seeded.admin.storageState() });
			const page = await context.newPage();
			await page.goto('/teach/settings');

			const held = page.getByRole('region', { name: 'Student data the kit holds' });
			await expect(held.getByRole('columnheader', { name: 'Students' })).toBeVisible();
			expect(await rowOf(page, 'Ada Admin')).toEqual(['1', '2', '1', '0']);
			expect(await rowOf(page, 'Olu Other')).toEqual(['1', '2', '0', '0']);
			expect(await rowOf(page, 'Pat Pending')).toEqual(['0', '0', '0', '0']);
			expect(await rowOf(page, 'All teachers')).toEqual(['2', '4', '1', '0']);
			await expect(held).toContainText('Anonymous practice: 0 attempts with 0 answers');
			// The admin is never offered their own account; a teacher still waiting is refused above instead.
			await expect(held.getByText(/Delete Ada Admin/)).toHaveCount(0);
			await expect(held.getByText(/Delete Pat Pending/)).toHaveCount(0);
			await expectNoAxeViolations(page, javaScriptEnabled);

			// A typo deletes nothing and says what to type, beside the form, which stays open.
			await held.getByText('Delete Olu Other’s account and classes…').click();
			await held.getByLabel('Type olu@school.test to confirm').fill('olu@school.tset');
			await held.getByRole('button', { name: 'Delete Olu Other’s account and classes' }).click();
			await expect(held.getByRole('alert')).toHaveText('Type the teacher’s email address, olu@school.test, exactly to delete their account and classes.');
			expect(await rowOf(page, 'Olu Other')).toEqual(['1', '2', '0', '0']);
			await expectNoAxeViolations(page, javaScriptEnabled);

			await held.getByLabel('Type olu@school.test to confirm').fill('olu@school.test');
			await held.getByRole('button', { name: 'Delete Olu Other’s account and classes' }).click();
			await expect(held.getByRole('status')).toHaveText('Deleted Olu Other’s account (olu@school.test) and 1 class, with their students and answers.');
			await expect(held.getByRole('rowheader', { name: /Olu Other/ })).toHaveCount(0);
			expect(await rowOf(page, 'All teachers')).toEqual(['1', '2', '1', '0']);
			await expectNoAxeViolations(page, javaScriptEnabled);

			// Olu is signed out for good, and Ben's device no longer holds Class B.
			expect((await seeded.otherTeacher.get('/teach')).headers()['location']).toMatch(/^\/signin/);
			expect(await (await seeded.studentB.get('/me')).text()).not.toContain('Class B');
			await context.close();
		} finally {
			await app.stop();
		}
	});
}
