/**
 * The interface in English and Spanish (issue 12 §1): the header's switch (a plain form,
 * so JavaScript on and off, and by keyboard), the browser's Accept-Language, a student's
 * choice remembered on their device session, `lang` right on the page and on English
 * content inside a Spanish page, the public page cache keeping each language apart, and
 * axe on the translated pages in Spanish (the English ones are checked by their own tests).
 */
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, READER, test } from './fixtures';
import { post, seed, type Seeded } from './http-seed';

let app: AppProcess;
let seeded: Seeded;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
});

test.afterAll(async () => app?.stop());

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');
const cookiesOf = async (ctx: APIRequestContext) => (await ctx.storageState()).cookies;

for (const javaScriptEnabled of [true, false]) {
	test(`the header's switch changes the language and keeps the page, by keyboard (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled, baseURL: app.url });
		const page = await context.newPage();
		await page.goto('/join?from=board');
		// A browser with no Spanish preference (Playwright's is en-US) gets English.
		expect(await htmlLang(page)).toBe('en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Join your class');
		const language = page.getByRole('form', { name: 'Language' });
		await expect(language.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
		// Each language is named in itself, and says so.
		await expect(language.getByRole('button', { name: 'Español' })).toHaveAttribute('lang', 'es');

		await language.getByRole('button', { name: 'Español' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Únete a tu clase');
		await expect(page).toHaveURL(/\/join\?from=board$/);
		expect(await htmlLang(page)).toBe('es');
		await expect(page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Unirme a una clase' })).toBeVisible();
		await expect(page.getByRole('form', { name: 'Idioma' }).getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');

		// A form error from the server reads in Spanish too.
		await page.getByLabel('Código de la clase').fill('ZZZZZZ');
		await page.getByRole('button', { name: 'Siguiente' }).press('Enter');
		await expect(page.getByRole('alert')).toHaveText('Ese código de clase no es correcto. Revísalo con tu maestro.');
		await expectNoAxeViolations(page, javaScriptEnabled);

		// The choice is kept: another page, then back to English.
		await page.goto('/');
		expect(await htmlLang(page)).toBe('es');
		await expect(page.getByRole('link', { name: 'Entrada para docentes' })).toBeVisible();
		await page.getByRole('form', { name: 'Idioma' }).getByRole('button', { name: 'English' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('link', { name: 'Teacher sign-in' })).toBeVisible();
		expect(await htmlLang(page)).toBe('en');
		await context.close();
	});
}

test('a browser that prefers Spanish gets it, and the public page cache keeps the languages apart', async ({ browser }) => {
	// Asked in turn, so the first answer of each language is the one kept for the next visitor.
	for (const [acceptLanguage, lang, kicker] of [
		['es-MX,es;q=0.9,en;q=0.5', 'es', 'Artículo anotado'],
		['en-US,en;q=0.9', 'en', 'Annotated article'],
		['es-MX,es;q=0.9,en;q=0.5', 'es', 'Artículo anotado'],
		['fr-FR,fr;q=0.9', 'en', 'Annotated article']
	]) {
		const response = await seeded.anonymous.get(READER, { headers: { 'accept-language': acceptLanguage } });
		const html = await response.text();
		expect(html).toContain(`<html lang="${lang}">`);
		expect(html).toContain(kicker);
		expect(response.headers()['vary']).toMatch(/Accept-Language/);
	}

	const context = await browser.newContext({ locale: 'es-MX', baseURL: app.url });
	const page = await context.newPage();
	await page.goto(READER);
	expect(await htmlLang(page)).toBe('es');
	await expect(page.getByText('Artículo anotado')).toBeVisible();
	// Content stays in its language, marked as English inside the Spanish page.
	await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('region', { name: 'Texto del artículo' })).toHaveAttribute('lang', 'en');
	const notes = page.getByRole('region', { name: 'Cada afirmación y sus notas' });
	await expect(notes.getByText('Esta nota no está traducida; se muestra en inglés.').first()).toBeVisible();
	const firstNote = notes.getByRole('article').first();
	await expect(firstNote.getByRole('heading')).toHaveAttribute('lang', 'en');
	// The Sheinbaum note: her words are Spanish, the label around them is the page's.
	const quote = notes.locator('.translation .original').first();
	await expect(quote.locator('q')).toHaveAttribute('lang', 'es');
	await expect(quote).not.toHaveAttribute('lang', /./);

	// Opening a claim by keyboard: the panel speaks Spanish, the claim's words stay English.
	const claim = page.getByRole('link', { name: /Her stance drew a sharp line/ });
	await claim.focus();
	await page.keyboard.press('Enter');
	const panel = page.getByRole('complementary', { name: /^Afirmación \d+ y sus notas$/ });
	await expect(panel.getByRole('button', { name: 'Volver al texto' })).toBeVisible();
	await expect(panel.locator('blockquote')).toHaveAttribute('lang', 'en');
	await expectNoAxeViolations(page, true);
	await context.close();
});

test('a student’s choice stays with their device session when the language cookie is lost', async ({ browser }) => {
	// Ana chooses Spanish on her signed-in device.
	await post(seeded.studentA, '/language', { locale: 'es', to: '/me' });
	const html = await (await seeded.studentA.get('/me')).text();
	expect(html).toContain('<html lang="es">');
	expect(html).toContain('Mis clases');

	// A new cookie jar on the same device session: only the session cookie survives.
	const sessionOnly = (await cookiesOf(seeded.studentA)).filter((cookie) => cookie.name !== 'PARAGLIDE_LOCALE');
	expect(sessionOnly.length).toBeGreaterThan(0);
	const context: BrowserContext = await browser.newContext({ baseURL: app.url });
	await context.addCookies(sessionOnly);
	const page = await context.newPage();
	await page.goto('/me');
	expect(await htmlLang(page)).toBe('es');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hola, Ana');
	await expect(page.getByRole('heading', { name: 'Mis clases' })).toBeVisible();
	await expectNoAxeViolations(page, true);
	await expectNoAxeViolations(page, false);

	// Ben's device, which chose nothing, stays English; so does a browser with no session.
	const ben = await (await seeded.studentB.get('/me')).text();
	expect(ben).toContain('<html lang="en">');
	expect(ben).toContain('My classes');
	await context.close();
});

test('joining in Spanish: the class page and its names list, and the choice carried onto the new session', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'es-MX', baseURL: app.url });
	const page = await context.newPage();
	await page.goto(`/join/${seeded.classA.code}`);
	expect(await htmlLang(page)).toBe('es');
	await expect(page.getByRole('heading', { name: '¿Cuál eres tú?' })).toBeVisible();
	await expectNoAxeViolations(page, true);
	// Chosen with the switch before joining: the new session remembers it.
	await page.getByRole('form', { name: 'Idioma' }).getByRole('button', { name: 'Español' }).click();
	await page.getByRole('link', { name: 'Amir' }).click();
	await page.getByRole('button', { name: 'Sí, soy Amir' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hola, Amir');

	const sessionOnly = (await context.cookies()).filter((cookie) => cookie.name !== 'PARAGLIDE_LOCALE');
	const fresh = await browser.newContext({ baseURL: app.url });
	await fresh.addCookies(sessionOnly);
	const again = await fresh.newPage();
	await again.goto('/me');
	await expect(again.getByRole('heading', { level: 1 })).toHaveText('Hola, Amir');
	await fresh.close();
	await context.close();
});

test('the error page is in the page’s language', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'es-MX', baseURL: app.url });
	const page = await context.newPage();
	const response = await page.goto('/join/ZZZZZZ');
	expect(response?.status()).toBe(404);
	expect(await htmlLang(page)).toBe('es');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('No encontramos eso');
	await expect(page.getByText('Ese código de clase no es correcto. Revísalo con tu maestro.')).toBeVisible();
	await expectNoAxeViolations(page, true);
	await context.close();
});

test('a tampered language is refused with a 400 and a message', async () => {
	const response = await seeded.anonymous.post('/language', { form: { locale: 'fr', to: '/' } });
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('Choose English or Spanish.');
	// And the switch never sends anyone off the site.
	const away = await post(seeded.anonymous, '/language', { locale: 'es', to: '//evil.example/' });
	expect(away.headers()['location']).toBe('/');
});

for (const javaScriptEnabled of [true, false]) {
	test(`the claim ledger in Spanish: its filters, table, chart and labels, with the claims' words kept English (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
		const context = await browser.newContext({ locale: 'es-MX', baseURL: app.url, javaScriptEnabled });
		const page = await context.newPage();
		await page.goto(`${READER}/claims`);
		expect(await htmlLang(page)).toBe('es');
		await expect(page.getByRole('heading', { level: 1, name: 'Registro de afirmaciones' })).toBeVisible();
		const status = page.getByRole('status');
		await expect(status).toHaveText(/^Se muestran (\d+) de \1 afirmaciones\.$/);
		await expect(page.getByRole('columnheader', { name: 'Atribución' })).toBeVisible();
		await expect(page.getByRole('columnheader', { name: 'Comparación con el original' })).toBeVisible();
		// The kit's words are Spanish; the article's (a claim's words, its relationship and check note) stay English.
		const firstRow = page.getByRole('row').nth(1);
		await expect(firstRow.getByRole('cell').nth(1)).toHaveAttribute('lang', 'en');
		await expect(page.locator('.ledger .tag').filter({ hasText: 'Cita directa' }).first()).toBeVisible();
		// Filtering by a form, in Spanish.
		await page.getByLabel('Atribución').selectOption({ label: 'Cita directa' });
		if (!javaScriptEnabled) await page.getByRole('button', { name: 'Filtrar' }).click();
		await expect(page).toHaveURL(/form=direct-quote/);
		await expect(status).toHaveText(/^Se muestran \d+ de \d+ afirmaciones\.$/);
		await expect(page.getByRole('link', { name: 'Quitar filtros' })).toBeVisible();
		await expect(page.getByRole('table', { name: 'Palabras y afirmaciones por voz' })).toBeVisible();
		await expect(page.locator('#voices-chart-title')).toHaveText('Equilibrio de voces');
		await expectNoAxeViolations(page, javaScriptEnabled);
		await context.close();
	});
}
