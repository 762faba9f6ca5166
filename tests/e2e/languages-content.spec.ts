/**
 * Content stays in its language (issue 12 §1): a teacher adds a Spanish version of a note
 * (the annotation editor) and of a question's feedback (the quiz editor), by keyboard and
 * plain forms; students reading in Spanish see them (JavaScript on and off), marked
 * lang="es", while a note without one stays English, marked lang="en", with the line
 * that says so; in English the same pages show the English. axe in Spanish on each page.
 */
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, SLUG, test } from './fixtures';
import { assign, client, joinChoices, PACK_QUIZ, post, seed, type Seeded } from './http-seed';

let app: AppProcess;
let seeded: Seeded;
let articleId: string;
let articleSlug: string;
let assignmentId: string;

test.describe.configure({ mode: 'serial', timeout: 150_000 });

const ES_TITLE = '¿Quién escribió este artículo?';
const ES_BODY = 'La página de bvi.org no nombra autor ni da fecha.';
const ES_CHECK = 'Busca «bvi.org» en otros sitios para saber quién lo publica.';
const ES_FEEDBACK = 'Correcto: en esa sección rechaza la presencia del ejército de Estados Unidos.';
const ES_EXPLANATION = 'Lo que rechaza es que haya tropas de Estados Unidos en México; ofrece colaborar.';
const UNTRANSLATED = 'Esta nota no está traducida; se muestra en inglés.';

const revisionOf = async (ctx: APIRequestContext, path: string) => /name="revision" value="(\d+)"/.exec(await (await ctx.get(path)).text())![1];

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
	// Seeded through the forms: a copy of the shipped article, published to the teacher's classes ...
	const copied = await post(seeded.admin, `/teach/articles/${SLUG}?/copy`, {});
	articleId = decodeURIComponent(copied.headers()['location'].split('/').pop()!.split('?')[0]);
	await post(seeded.admin, `/teach/articles/${encodeURIComponent(articleId)}?/publish`, { revision: await revisionOf(seeded.admin, `/teach/articles/${encodeURIComponent(articleId)}`), status: 'published', visibility: 'classes' }, 200);
	articleSlug = /href="\/articles\/([^"?#/]+)/.exec(await (await seeded.admin.get(`/teach/articles/${encodeURIComponent(articleId)}`)).text())![1];
	// ... and a copy of the shipped quiz, which the teacher edits below and then assigns.
	const quiz = await post(seeded.admin, `/teach/quizzes/${encodeURIComponent(PACK_QUIZ)}?/copy`, {});
	const quizId = decodeURIComponent(quiz.headers()['location'].split('/').pop()!.split('?')[0]);
	assignmentId = quizId;
});
test.afterAll(async () => app?.stop());

async function teacherPage(browser: Browser, javaScriptEnabled = false): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, storageState: await seeded.admin.storageState() });
	return context.newPage();
}

/** A student device in class A with its language chosen, in a browser. */
async function studentPage(browser: Browser, device: APIRequestContext, locale: 'es' | 'en', javaScriptEnabled: boolean): Promise<Page> {
	await post(device, '/language', { locale, to: '/me' });
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, storageState: await device.storageState() });
	return context.newPage();
}

test('a teacher adds a Spanish version of a note and of a question’s feedback, by keyboard without JavaScript', async ({ browser }) => {
	const page = await teacherPage(browser);
	await page.goto(`/teach/articles/${encodeURIComponent(articleId)}/edit?edit=n02`);
	const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save the note' }) });
	await form.getByText('Spanish version (optional)').focus();
	await page.keyboard.press('Enter');
	// Half a version is refused by the form, and what was typed stays.
	await form.getByLabel('Title in Spanish').fill(ES_TITLE);
	await form.getByLabel('Note in Spanish').fill(ES_BODY);
	await form.getByRole('button', { name: 'Save the note' }).press('Enter');
	await expect(page.getByRole('alert')).toHaveText('The Spanish version needs “check it” steps, as the English has them.');
	await expect(page.getByLabel('Title in Spanish')).toHaveValue(ES_TITLE);
	await expectNoAxeViolations(page, false);
	await page.getByLabel('“Check it” steps in Spanish').fill(ES_CHECK);
	await page.getByRole('button', { name: 'Save the note' }).press('Enter');
	await expect(page.getByText('Saved the note.')).toBeVisible();
	// Shown again, open, when the note is edited.
	await page.goto(`/teach/articles/${encodeURIComponent(articleId)}/edit?edit=n02`);
	await expect(page.getByLabel('Title in Spanish')).toHaveValue(ES_TITLE);
	await expect(page.getByLabel('“Check it” steps in Spanish')).toHaveValue(ES_CHECK);

	await page.goto(`/teach/quizzes/${encodeURIComponent(assignmentId)}`);
	const first = page.getByRole('region', { name: /^Question 1 ·/ });
	await first.getByText('Edit question 1').click();
	await first.getByText('Spanish version (optional)').click();
	await first.getByLabel('Explanation in Spanish').fill(ES_EXPLANATION);
	await first.getByLabel('Feedback on option 1 in Spanish').fill(ES_FEEDBACK);
	await first.getByRole('button', { name: 'Save question 1' }).click();
	await expect(page.getByRole('region', { name: /^Question 1 ·/ }).getByRole('status')).toHaveText('Question saved.');
	await expect(page.getByRole('region', { name: /^Question 1 ·/ }).getByLabel('Feedback on option 1 in Spanish')).toHaveValue(ES_FEEDBACK);
	await expectNoAxeViolations(page, false);
	await page.context().close();
	assignmentId = await assign(seeded.admin, seeded.classA.id, { quiz: assignmentId, feedback: 'each-question', maxAttempts: '1' });
});

for (const javaScriptEnabled of [true, false]) {
	const js = javaScriptEnabled ? 'on' : 'off';
	test(`a student reading in Spanish sees the Spanish note and feedback; an untranslated note says so (JavaScript ${js})`, async ({ browser }) => {
		let device = seeded.studentA;
		if (!javaScriptEnabled) {
			// Amir, on a device of his own.
			device = await client(app.url);
			await post(device, `/join/${seeded.classA.code}?/pick`, { student: (await joinChoices(device, seeded.classA.code))['Amir'] });
		}
		const page = await studentPage(browser, device, 'es', javaScriptEnabled);
		await page.goto(`/articles/${articleSlug}`);
		const notes = page.getByRole('region', { name: 'Cada afirmación y sus notas' });
		const translated = notes.getByRole('article').filter({ has: page.getByRole('heading', { name: ES_TITLE }) });
		await expect(translated.getByRole('heading', { name: ES_TITLE })).toHaveAttribute('lang', 'es');
		await expect(translated.getByText(ES_BODY)).toHaveAttribute('lang', 'es');
		await expect(translated.getByText(ES_CHECK)).toHaveAttribute('lang', 'es');
		await expect(translated.getByText(UNTRANSLATED)).toHaveCount(0);
		const english = notes.getByRole('article').filter({ hasText: UNTRANSLATED }).first();
		await expect(english.getByRole('heading')).toHaveAttribute('lang', 'en');
		await expectNoAxeViolations(page, javaScriptEnabled);
		if (javaScriptEnabled) {
			// The claim panel shows the same note in Spanish.
			await page.getByRole('link', { name: /A Sovereign Stand/ }).first().click();
			const panel = page.getByRole('complementary', { name: /^Afirmación \d+ y sus notas$/ });
			await expect(panel.getByRole('heading', { name: ES_TITLE })).toHaveAttribute('lang', 'es');
			await expectNoAxeViolations(page, true);
		}

		await page.goto(`/me/assignments/${assignmentId}`);
		await page.getByRole('button', { name: 'Empezar' }).click();
		await page.getByRole('radio', { name: 'U.S. troops on Mexican soil', exact: true }).check();
		await page.getByRole('radio', { name: 'Muy seguro' }).check();
		await page.getByRole('button', { name: 'Revisar mi respuesta' }).click();
		await expect(page.getByText(ES_FEEDBACK)).toHaveAttribute('lang', 'es');
		await expect(page.getByText(ES_EXPLANATION)).toHaveAttribute('lang', 'es');
		await expect(page.getByText('Estos comentarios no están traducidos; se muestran en inglés.')).toHaveCount(0);
		await expectNoAxeViolations(page, javaScriptEnabled);
		// A question whose feedback has no Spanish (find the evidence): English, marked, and the page says so.
		await page.goto(`/me/assignments/${assignmentId}/2`);
		await page.getByRole('radio').first().check();
		const sure = page.getByRole('radio', { name: 'Muy seguro' });
		if (await sure.count()) await sure.check();
		await page.getByRole('button', { name: 'Revisar mi respuesta' }).click();
		await expect(page.getByText('Estos comentarios no están traducidos; se muestran en inglés.')).toBeVisible();
		await expect(page.getByText(/^The article says she “confirmed regarding the reported conversation”/)).toHaveAttribute('lang', 'en');
		await expectNoAxeViolations(page, javaScriptEnabled);

		// The same student in English sees the English.
		await post(device, '/language', { locale: 'en', to: '/me' });
		const inEnglish = await (await device.get(`/articles/${articleSlug}`)).text();
		expect(inEnglish).toContain('Who wrote this article?');
		expect(inEnglish).not.toContain(ES_TITLE);
		const review = await (await device.get(`/me/assignments/${assignmentId}/1`)).text();
		expect(review).not.toContain(ES_FEEDBACK);
		await page.context().close();
	});
}

test('an English reader gets the English note, and the public page cache keeps the languages apart', async () => {
	// The shipped article, anonymous: Spanish and English asked in turn.
	for (const [acceptLanguage, expected, absent] of [
		['es-MX,es;q=0.9', UNTRANSLATED, ES_TITLE],
		['en-US,en;q=0.9', 'Who wrote this article?', UNTRANSLATED]
	]) {
		const html = await (await seeded.anonymous.get(`/articles/${SLUG}`, { headers: { 'accept-language': acceptLanguage } })).text();
		expect(html).toContain(expected);
		expect(html).not.toContain(absent);
	}
});
