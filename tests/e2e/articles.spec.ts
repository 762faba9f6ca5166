/**
 * Teachers' own articles, in the browser with JavaScript on and off: paste an article,
 * correct its byline, publish it to "my classes" and read it as a student of that
 * class; upload a file (its scripts never run); fetch a web address from a fixture
 * server on loopback (this app is started with the test-only setting that allows it);
 * copy the shipped article; and two tabs editing at once. axe checks every new page.
 */
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, SLUG, test } from './fixtures';
import { seed, type Seeded } from './http-seed';
import { serveFixtures, standardRoutes, type FixtureServer } from '../fixtures/articles/pages';

let app: AppProcess;
let seeded: Seeded;
let fixtures: FixtureServer;

// Each test walks several pages and runs axe on each (twice without JavaScript): more than the default 30 s on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
	app = await startApp({ ARTICLE_FETCH_LOOPBACK_FOR_TESTS: 'allow' });
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
	fixtures = await serveFixtures(standardRoutes(() => fixtures.origin));
});
test.afterAll(async () => {
	await app?.stop();
	await fixtures?.close();
});

/** A browser context signed in as whoever `api` is signed in as. */
async function signedIn(context: BrowserContext, api: APIRequestContext) {
	await context.addCookies((await api.storageState()).cookies);
}

/** Fails the test if any page of `context` ever opens a dialog (an imported script running). */
function noDialogs(context: BrowserContext) {
	context.on('page', (page) => page.on('dialog', (dialog) => expect.soft(dialog.message(), 'a script from an imported article ran').toBe('')));
}

async function goto(page: Page, path: string) {
	const response = await page.goto(new URL(path, app.url).href);
	expect(response?.status()).toBe(200);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('a teacher pastes an article, corrects the byline and publishes it to her classes; her student reads it with the byline', async ({ page, context, browser }) => {
			await signedIn(context, seeded.admin);
			const title = `Council backs new bus routes (${javaScriptEnabled ? 'JS' : 'no JS'})`;
			await goto(page, '/teach/articles');
			await expectNoAxeViolations(page, javaScriptEnabled);
			await page.getByRole('link', { name: 'New article' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'New article' })).toBeVisible();
			await expectNoAxeViolations(page, javaScriptEnabled);

			await page.getByLabel('Article text').fill(`${title}\n\nThe council met on Tuesday evening.\n\n“We need buses,” said Tom Reed.`);
			await page.getByRole('button', { name: 'Check the parts' }).first().click();
			await expect(page.getByRole('heading', { level: 1, name: 'Check the article’s parts' })).toBeVisible();
			await expect(page.getByLabel('Headline')).toHaveValue(title);
			await expect(page.getByLabel('Author')).toHaveValue('');
			await expectNoAxeViolations(page, javaScriptEnabled);

			// A wrong date comes back beside its field, with everything typed kept.
			await page.getByLabel('Author').fill('Priya Shah');
			await page.getByLabel('Date published').fill('14/03/2025');
			await page.getByRole('button', { name: 'Save as a draft' }).click();
			await expect(page.getByText('Write the date as year-month-day').first()).toBeVisible();
			await expect(page.getByLabel('Author')).toHaveValue('Priya Shah');
			await expectNoAxeViolations(page, javaScriptEnabled);
			await page.getByLabel('Date published').fill('2025-03-14');
			await page.getByLabel('Outlet').fill('Riverside Gazette');
			await page.getByLabel('Section headings and paragraphs').fill('The council met on Tuesday evening.\n\n## What next\n\n“We need buses,” said Tom Reed.');
			await page.getByRole('button', { name: 'Save as a draft' }).click();

			await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
			await expect(page.getByText('Saved as a draft')).toBeVisible();
			await expectNoAxeViolations(page, javaScriptEnabled);
			const slug = (await page.getByRole('link', { name: 'Read it as students will' }).getAttribute('href'))!.split('/').pop()!;

			// Not yet published: her student cannot read it.
			const studentContext = await browser.newContext({ javaScriptEnabled });
			await signedIn(studentContext, seeded.studentA);
			const student = await studentContext.newPage();
			expect((await student.goto(new URL(`/articles/${slug}`, app.url).href))?.status()).toBe(404);

			await page.getByRole('radio', { name: 'Published' }).check();
			await page.getByRole('radio', { name: /^My classes/ }).check();
			await page.getByRole('button', { name: 'Save who can read it' }).click();
			await expect(page.getByText('Published.', { exact: true })).toBeVisible();

			// Her student finds it on their home page.
			await goto(student, '/me');
			await student.getByRole('link', { name: title }).click();
			await expect(student.getByRole('heading', { level: 1, name: title })).toBeVisible();
			const about = student.getByRole('list', { name: 'About this article' });
			await expect(about).toContainText('By Priya Shah');
			await expect(about).toContainText('March 14, 2025');
			await expect(about).toContainText('Published on Riverside Gazette');
			await expect(about).toContainText('No original address given');
			await expect(student.getByRole('heading', { level: 2, name: 'What next' })).toBeVisible();
			await expectNoAxeViolations(student, javaScriptEnabled);

			// A student of another class gets the same 404 as for no article at all.
			const otherContext = await browser.newContext({ javaScriptEnabled });
			await signedIn(otherContext, seeded.studentB);
			expect((await (await otherContext.newPage()).goto(new URL(`/articles/${slug}`, app.url).href))?.status()).toBe(404);
			await otherContext.close();
			await studentContext.close();
		});

		test('an uploaded HTML file is reduced to its article and its scripts never run; a binary file is refused', async ({ page, context }) => {
			noDialogs(context);
			await signedIn(context, seeded.admin);
			await goto(page, '/teach/articles/new');
			const html = (await (await fetch(`${fixtures.origin}/news/bus-routes`)).text()).replace(/<script>/g, '<script>alert("ran");');
			await page.getByLabel('Article file').setInputFiles({ name: 'bus-routes.html', mimeType: 'text/html', buffer: Buffer.from(html) });
			await page.getByRole('button', { name: 'Check the parts' }).nth(1).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Check the article’s parts' })).toBeVisible();
			await expect(page.getByLabel('Headline')).toHaveValue('Council backs new bus routes');
			await expect(page.getByLabel('Author')).toHaveValue('Priya Shah');
			await expect(page.getByLabel('Outlet')).toHaveValue('Riverside Gazette');
			await expect(page.getByLabel('Date published')).toHaveValue('2025-03-14');
			const body = await page.getByLabel('Section headings and paragraphs').inputValue();
			expect(body).toContain('## What happens next');
			expect(body).not.toMatch(/alert|cookie|onclick|onerror/);
			await expectNoAxeViolations(page, javaScriptEnabled);
			await page.getByRole('button', { name: 'Save as a draft' }).click();
			await expect(page.getByText('Saved as a draft')).toBeVisible();

			await goto(page, '/teach/articles/new');
			await page.getByLabel('Article file').setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]) });
			await page.getByRole('button', { name: 'Check the parts' }).nth(1).click();
			await expect(page.getByRole('alert')).toContainText('That file is not text');
			await expectNoAxeViolations(page, javaScriptEnabled);
		});

		test('a web address is fetched from a fixture server; a private address is refused in words a teacher understands', async ({ page, context }) => {
			noDialogs(context);
			await signedIn(context, seeded.admin);
			await goto(page, '/teach/articles/new');
			await page.getByLabel('Web address', { exact: true }).fill('http://10.0.0.1/news/story');
			await page.getByRole('button', { name: 'Fetch and check the parts' }).click();
			await expect(page.getByRole('alert')).toContainText('private or local network');
			await expect(page.getByLabel('Web address', { exact: true })).toHaveValue('http://10.0.0.1/news/story');
			await expectNoAxeViolations(page, javaScriptEnabled);

			await page.getByLabel('Web address', { exact: true }).fill(`${fixtures.origin}/login`);
			await page.getByRole('button', { name: 'Fetch and check the parts' }).click();
			await expect(page.getByRole('alert')).toContainText('could not find an article');

			await page.getByLabel('Web address', { exact: true }).fill(`${fixtures.origin}/go/1`);
			await page.getByRole('button', { name: 'Fetch and check the parts' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Check the article’s parts' })).toBeVisible();
			await expect(page.getByLabel('Headline')).toHaveValue('Council backs new bus routes');
			await expect(page.getByLabel('Original address')).toHaveValue(`${fixtures.origin}/news/bus-routes`);
			await expectNoAxeViolations(page, javaScriptEnabled);
		});

		test('a teacher copies the shipped article into a draft of her own, with its claims', async ({ page, context }) => {
			await signedIn(context, seeded.otherTeacher);
			await goto(page, '/teach/articles');
			await page.getByRole('button', { name: /^Copy to edit “Mexico Says No/ }).click();
			await expect(page.getByText('This is your own copy')).toBeVisible();
			await expectNoAxeViolations(page, javaScriptEnabled);
			await page.getByRole('link', { name: 'Read it as students will' }).click();
			await expect(page.getByRole('heading', { level: 1, name: /^Mexico Says No to U\.S\. Troops/ })).toBeVisible();
			const about = page.getByRole('list', { name: 'About this article' });
			await expect(about).toContainText('No author given');
			await expect(about).toContainText('No date given');
			await expect(page.getByRole('heading', { name: 'Every claim and its notes' })).toBeVisible();
		});

		test('two tabs editing one article: the later save is refused and says so, and what was typed stays', async ({ page, context }) => {
			await signedIn(context, seeded.admin);
			await goto(page, '/teach/articles');
			await page.getByRole('link', { name: /^Council backs new bus routes \(/ }).first().click();
			await expect(page.getByRole('heading', { name: 'Headline and byline' })).toBeVisible();
			const address = page.url();
			const other = await context.newPage();
			await other.goto(address);
			await page.getByLabel('Author').fill('First Tab');
			await page.getByRole('button', { name: 'Save the headline and byline' }).click();
			await expect(page.getByText('Saved the headline and byline.')).toBeVisible();
			await other.getByLabel('Author').fill('Second Tab');
			await other.getByRole('button', { name: 'Save the headline and byline' }).click();
			await expect(other.getByRole('alert')).toContainText('Someone else changed this article');
			await expect(other.getByLabel('Author')).toHaveValue('Second Tab');
			await expectNoAxeViolations(other, javaScriptEnabled);
			await page.reload();
			await expect(page.getByLabel('Author')).toHaveValue('First Tab');
		});

		test('publishing without changing who can read it keeps that choice ticked', async ({ page, context }) => {
			await signedIn(context, seeded.admin);
			await goto(page, '/teach/articles/new');
			await page.getByLabel('Article text').fill(`Library opens late (${javaScriptEnabled ? 'JS' : 'no JS'})\n\nThe library will open until nine.`);
			await page.getByRole('button', { name: 'Check the parts' }).first().click();
			await page.getByRole('button', { name: 'Save as a draft' }).click();
			await expect(page.getByRole('radio', { name: 'Only me' })).toBeChecked();
			await page.getByRole('radio', { name: 'Published' }).check();
			await page.getByRole('button', { name: 'Save who can read it' }).click();
			await expect(page.getByText('Published.', { exact: true })).toBeVisible();
			// Saved with JavaScript, the form was once reset: every "who can read it" choice came back empty.
			await expect(page.getByRole('radio', { name: 'Only me' })).toBeChecked();
			await expect(page.getByRole('radio', { name: 'Published' })).toBeChecked();
			await expect(page.getByText('Saved as a draft')).toHaveCount(0);
		});
	});
}

test('the shipped article stays honestly without author and date', async ({ page }) => {
	await goto(page, `/articles/${SLUG}`);
	const about = page.getByRole('list', { name: 'About this article' });
	await expect(about).toContainText('No author given');
	await expect(about).toContainText('No date given');
	await expect(about).toContainText('Published on bvi.org');
});
