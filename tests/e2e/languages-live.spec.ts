/**
 * Live sessions and the teachers' way in, in Spanish (issue 12 §1). First setup, sign-in,
 * sign-up, the waiting page and sign-out, each with a form error read in Spanish. Then a
 * whole short live session: a teacher who chose Spanish with the header's switch runs the
 * controls and the projector (which follows the teacher's language), one student reads in
 * Spanish because the browser asks for it (JavaScript on), another chose Spanish on the
 * join page (JavaScript off), and a third is removed. Every screen says its words in
 * Spanish, the refusals too (a 409 after the lock, another window's command), and axe
 * finds nothing on any of them. The English live pages keep their own tests (live-*.spec.ts).
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/database';
import { liveQuestionsOf } from '../../src/lib/server/live/sessions';
import { freshDatabaseFile, startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { post, seed, type Seeded } from './http-seed';

const PHONE = { width: 360, height: 740 };
const Q1 = /According to the section beneath it, what did Sheinbaum reject\?/;
const QUIZ_TITLE = 'Who Said That? Checking the Mexico Troops Story';

let app: AppProcess;
let file: string;
let seeded: Seeded;

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

test.beforeAll(async () => {
	file = await freshDatabaseFile();
	app = await startApp({ DATABASE_URL: file });
	expect(await app.ready).toBe(true);
});
test.afterAll(async () => app?.stop());

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

/** A browser whose language is Spanish (Accept-Language: es-MX), with `cookiesFrom`'s cookies if given. */
async function spanishBrowser(browser: Browser, javaScriptEnabled: boolean, cookiesFrom?: { storageState(): Promise<{ cookies: Parameters<BrowserContext['addCookies']>[0] }> }) {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, locale: 'es-MX', viewport: PHONE });
	if (cookiesFrom) await context.addCookies((await cookiesFrom.storageState()).cookies);
	return { context, page: await context.newPage() };
}

/** Chooses Spanish with the header's switch (a cookie, remembered on a signed-in session). */
async function chooseSpanish(page: Page) {
	await page.getByRole('form', { name: 'Language' }).getByRole('button', { name: 'Español' }).click();
	expect(await htmlLang(page)).toBe('es');
}

test('setup in Spanish says what is wrong with the password, in Spanish', async ({ browser }) => {
	for (const javaScriptEnabled of [true, false]) {
		const { context, page } = await spanishBrowser(browser, javaScriptEnabled);
		await page.goto('/setup');
		expect(await htmlLang(page)).toBe('es');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Configurar Attribution Lab');
		await page.getByLabel('Tu nombre').fill('Ada Admin');
		await page.getByLabel('Correo electrónico').fill('ada@school.test');
		await page.getByLabel('Contraseña').fill('iloveyou');
		await expect(page.getByRole('group', { name: '¿Quién puede crear cuentas de docente?' })).toBeVisible();
		await page.getByRole('button', { name: 'Crear cuenta de administrador' }).click();
		await expect(page.getByRole('alert')).toHaveText('Esa contraseña está en una lista de contraseñas muy usadas. Elige otra, por ejemplo unas cuantas palabras sin relación entre sí.');
		// The fields keep what was typed, and the page stays in Spanish.
		await expect(page.getByLabel('Tu nombre')).toHaveValue('Ada Admin');
		await expectNoAxeViolations(page, javaScriptEnabled);
		await context.close();
	}
	// Setup is still open: the refusal created nothing. The seed sets the kit up now.
	seeded = await seed(app.url, { assignment: false });
	await post(seeded.admin, `/teach/classes/${seeded.classA.id}?/roster`, { names: 'Cai' }, 200);
});

test('sign-in, sign-up, the waiting page and sign-out in Spanish, with their form errors', async ({ browser }) => {
	for (const javaScriptEnabled of [true, false]) {
		const { context, page } = await spanishBrowser(browser, javaScriptEnabled);
		await page.goto('/signin');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Entrada para docentes');
		await page.getByLabel('Correo electrónico').fill('ada@school.test');
		await page.getByLabel('Contraseña').fill('not the password');
		await page.getByRole('button', { name: 'Iniciar sesión' }).click();
		await expect(page.getByRole('alert')).toHaveText('Ese correo y esa contraseña no coinciden con ninguna cuenta.');
		await expect(page.getByLabel('Correo electrónico')).toHaveValue('ada@school.test');
		await expect(page.getByRole('link', { name: 'únete con el código de tu clase' })).toBeVisible();
		await expectNoAxeViolations(page, javaScriptEnabled);

		// Sign-up is open on the seeded kit: an email that already has an account.
		await page.getByRole('link', { name: 'Crea una cuenta de docente' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Crear una cuenta de docente');
		await page.getByLabel('Tu nombre').fill('Otra Ada');
		await page.getByLabel('Correo electrónico').fill('ada@school.test');
		await page.getByLabel('Contraseña').fill('quiet river lantern');
		await page.getByRole('button', { name: 'Crear cuenta' }).click();
		await expect(page.getByRole('alert')).toHaveText('Ese correo ya tiene una cuenta. Mejor inicia sesión.');
		await expectNoAxeViolations(page, javaScriptEnabled);
		await context.close();
	}

	// The teacher who signed up openly waits, in Spanish, and can sign out.
	const { context, page } = await spanishBrowser(browser, true, seeded.pendingTeacher);
	await page.goto('/teach/waiting');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tu cuenta está en espera de aprobación');
	await expect(page.getByText('Gracias, Pat Pending.')).toBeVisible();
	await expectNoAxeViolations(page, true);
	await page.goto('/signout');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cerrar sesión');
	await expect(page.getByRole('button', { name: 'Cerrar sesión en todos mis dispositivos' })).toBeVisible();
	await expectNoAxeViolations(page, true);
	await context.close();
});

test('a whole live session in Spanish: controls, projector, and students with and without JavaScript', async ({ browser }) => {
	const db: DatabaseHandle = await openDatabase(file);
	try {
		// The teacher chooses Spanish in the header; every teacher screen follows it, the projector too.
		const teacherContext = await browser.newContext({ baseURL: app.url });
		await teacherContext.addCookies((await seeded.admin.storageState()).cookies);
		const teacher = await teacherContext.newPage();
		await teacher.goto(`/teach/classes/${seeded.classA.id}`);
		await chooseSpanish(teacher);
		// The start form (its disclosure belongs to the class page).
		await teacher.locator('details.start > summary').click();
		await expect(teacher.getByRole('group', { name: 'Quién hace avanzar a la clase' })).toBeVisible();
		await teacher.getByRole('radio', { name: /^Iniciales, a medida que se unen/ }).check();
		await expect(teacher.getByRole('checkbox', { name: /^Preguntar qué tan seguros están los estudiantes/ })).toBeChecked();
		await expectNoAxeViolations(teacher, true);
		await teacher.getByRole('button', { name: 'Empezar sesión en vivo' }).click();
		await expect(teacher).toHaveURL(/\/teach\/live\/[a-z2-7]{24}#controls$/);
		const sid = new URL(teacher.url()).pathname.split('/').pop()!;
		await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(QUIZ_TITLE);
		await expect(teacher.getByText('Sin empezar')).toBeVisible();
		await expect(teacher.getByRole('link', { name: 'Vista del proyector (se abre en otra pestaña)' })).toBeVisible();
		await expectNoAxeViolations(teacher, true);

		const projector = await teacherContext.newPage();
		await projector.goto(`/teach/live/${sid}/projector`);
		expect(await htmlLang(projector)).toBe('es');
		await expect(projector.getByRole('heading', { level: 1 })).toHaveText(`Únete al cuestionario en vivo ${QUIZ_TITLE}`);
		await expect(projector.getByText('2. Escribe el código')).toBeVisible();
		await expect(projector.getByRole('img', { name: /^Código QR que abre / })).toBeVisible();
		await expect(projector.getByRole('status')).toHaveText('Se unieron 0 estudiantes');
		await expectNoAxeViolations(projector, true);

		// Ana: JavaScript on, her browser asks for Spanish.
		const ana = await spanishBrowser(browser, true, seeded.studentA);
		await ana.page.goto('/me');
		await ana.page.getByRole('link', { name: /^Entrar en vivo: / }).click();
		await expect(ana.page.getByRole('heading', { name: 'Esperando a tu maestro' })).toBeVisible();
		await expect(ana.page.getByText('Ya estás dentro, Ana.')).toBeVisible();
		await expect(ana.page.getByRole('link', { name: 'Ver si ya hay una pregunta nueva' })).toBeVisible();
		await expectNoAxeViolations(ana.page, true);
		// The projector's count, and its words, follow over the event stream.
		await expect(projector.getByRole('status')).toHaveText('Se unió 1 estudiante', { timeout: 10_000 });
		await expect(projector.getByRole('list', { name: 'Quiénes se unieron' })).toHaveText('A.');

		// Amir: JavaScript off, only the class code; he chooses Spanish on the join page.
		const amirContext = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false, viewport: PHONE });
		const amir = await amirContext.newPage();
		await amir.goto('/join');
		await chooseSpanish(amir);
		await amir.getByLabel('Código de la clase').fill(seeded.classA.code);
		await amir.getByRole('button', { name: 'Siguiente' }).click();
		await amir.getByRole('link', { name: 'Amir' }).click();
		await amir.getByRole('button', { name: 'Sí, soy Amir' }).click();
		await amir.getByRole('link', { name: /^Entrar en vivo: / }).click();
		await expect(amir.getByRole('heading', { name: 'Esperando a tu maestro' })).toBeVisible();
		await expect(amir.getByRole('link', { name: 'Ver si ya hay una pregunta nueva' })).toBeVisible();
		await expect(amir.locator('meta[http-equiv="refresh"]')).toHaveCount(1);
		await expectNoAxeViolations(amir, false);

		// The teacher starts. The status is said in Spanish, to screen readers too.
		await teacher.getByRole('button', { name: 'Empezar: mostrar la pregunta 1' }).click();
		await expect(teacher.getByRole('status').filter({ hasText: 'Empezó: la pregunta 1 está en pantalla.' })).toBeVisible();
		await expect(teacher.getByText('Pregunta 1 de 20')).toBeVisible();
		await expect(teacher.getByText('Respuestas abiertas')).toBeVisible();
		await expectNoAxeViolations(teacher, true);
		await expect(projector.getByRole('heading', { level: 1, name: Q1 })).toBeVisible({ timeout: 10_000 });
		await expect(projector.getByText('Pregunta 1 de 20')).toBeVisible();
		await expect(projector.getByRole('status')).toHaveText('Han respondido 0 de 2 estudiantes');
		await expectNoAxeViolations(projector, true);

		// Ana answers in place; the content stays English, the words around it Spanish.
		await expect(ana.page.getByRole('heading', { name: Q1 })).toBeVisible({ timeout: 10_000 });
		await expect(ana.page.getByText('Pregunta 1 de 20')).toBeVisible();
		await ana.page.getByRole('radio', { name: 'U.S. troops on Mexican soil' }).check();
		await ana.page.getByRole('radio', { name: 'Muy seguro' }).check();
		await ana.page.getByRole('button', { name: 'Guardar respuesta' }).click();
		await expect(ana.page.getByRole('status').filter({ hasText: 'Respuesta guardada.' })).toBeVisible();
		await expect(ana.page.getByText('Tu respuesta está guardada. Puedes cambiarla hasta que tu maestro bloquee las respuestas.')).toBeVisible();
		await expectNoAxeViolations(ana.page, true);

		// Amir's page refreshes itself onto the question and holds still; a plain post saves.
		await expect(amir.getByRole('heading', { name: Q1 })).toBeVisible({ timeout: 15_000 });
		await amir.getByRole('radio', { name: 'Any work with the U.S.' }).check();
		await amir.getByRole('radio', { name: 'Bastante seguro' }).check();
		await amir.getByRole('button', { name: 'Guardar respuesta' }).click();
		await expect(amir.getByRole('status').filter({ hasText: 'Respuesta guardada.' })).toBeVisible();
		await expect(amir.getByRole('button', { name: 'Cambiar mi respuesta' })).toBeVisible();
		await expectNoAxeViolations(amir, false);
		await expect(projector.getByRole('status')).toHaveText('Han respondido 2 de 2 estudiantes', { timeout: 10_000 });

		// A second teacher window without JavaScript, left behind by the first one's lock.
		const staleContext = await browser.newContext({ baseURL: app.url, javaScriptEnabled: false });
		await staleContext.addCookies(await teacherContext.cookies());
		const stale = await staleContext.newPage();
		await stale.goto(`/teach/live/${sid}`);
		await expect(stale.getByRole('button', { name: 'Bloquear respuestas' })).toBeVisible();

		await teacher.getByRole('button', { name: 'Bloquear respuestas' }).click();
		await expect(teacher.getByRole('status').filter({ hasText: 'Respuestas bloqueadas.' })).toBeVisible();
		await stale.getByRole('button', { name: 'Bloquear respuestas' }).click();
		await expect(stale.getByRole('alert')).toHaveText('La sesión avanzó en otra ventana. Así está ahora.');
		await expectNoAxeViolations(stale, false);
		await staleContext.close();

		// An answer after the lock is refused with a 409, in the student's language.
		const [question] = await liveQuestionsOf(db, (await db.db.select().from(db.tables.liveSessions)).find((s) => s.id === sid)!);
		const late = await amirContext.request.post(`/me/live/${sid}?/answer`, {
			form: { question: question.id, choice: '0', certainty: '1' },
			headers: { origin: app.url, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(late.status()).toBe(409);
		expect(await late.text()).toContain('Las respuestas a esta pregunta están bloqueadas. Tu maestro ya siguió adelante.');
		await amir.reload();
		await expect(amir.getByRole('heading', { name: 'Respuestas bloqueadas' })).toBeVisible();
		await expect(amir.getByText('Tu resultado aparece cuando tu maestro revele la respuesta.')).toBeVisible();
		await expectNoAxeViolations(amir, false);

		// The reveal: the class's answers with their numbers, in Spanish, on both teacher screens.
		await teacher.getByRole('button', { name: 'Revelar la respuesta' }).click();
		await expect(teacher.getByRole('status').filter({ hasText: 'Respuesta revelada.' })).toBeVisible();
		await expect(teacher.getByText('50 % de aciertos')).toBeVisible();
		await expect(teacher.getByText('(1 de 2)')).toBeVisible();
		await expect(teacher.getByText('Cómo respondió la clase')).toBeVisible();
		await expect(teacher.getByText('(respuesta correcta)')).toBeVisible();
		await expectNoAxeViolations(teacher, true);
		await expect(projector.getByText('50 % de aciertos')).toBeVisible({ timeout: 10_000 });
		await expect(projector.getByText('La respuesta', { exact: true })).toBeVisible();
		await expect(projector.getByText('1 estudiante · 50 %').first()).toBeVisible();
		await expectNoAxeViolations(projector, true);
		await teacher.getByRole('button', { name: 'Mostrar la nota' }).click();
		await expect(teacher.getByRole('status').filter({ hasText: 'La nota está en el proyector.' })).toBeVisible();
		await expect(projector.getByRole('complementary', { name: /^Nota [SF]\d+$/ }).first()).toBeVisible({ timeout: 10_000 });
		await expectNoAxeViolations(projector, true);

		// Each student sees their own result, in Spanish.
		await expect(ana.page.getByRole('heading', { name: 'Correcto' })).toBeVisible({ timeout: 10_000 });
		await expectNoAxeViolations(ana.page, true);
		await expect(amir.getByRole('heading', { name: 'Incorrecto' })).toBeVisible({ timeout: 15_000 });
		await expectNoAxeViolations(amir, false);

		// Paused: the phone and the projector say so.
		await teacher.getByRole('button', { name: 'Pausar' }).click();
		await expect(teacher.getByRole('status').filter({ hasText: 'En pausa. Los estudiantes ven una pantalla de pausa.' })).toBeVisible();
		await expect(ana.page.getByRole('heading', { name: 'En pausa' })).toBeVisible({ timeout: 10_000 });
		await expect(ana.page.getByText('Tu maestro pausó la sesión.')).toBeVisible();
		await expectNoAxeViolations(ana.page, true);
		await expect(projector.getByRole('alert')).toHaveText('En pausa: todos atentos aquí.', { timeout: 10_000 });
		await expect(amir.getByRole('heading', { name: 'En pausa' })).toBeVisible({ timeout: 15_000 });
		await expectNoAxeViolations(amir, false);
		await teacher.getByRole('button', { name: 'Reanudar' }).click();
		await expect(teacher.getByRole('status').filter({ hasText: 'Se reanudó la sesión.' })).toBeVisible();

		// Cai joins late (Spanish browser), and the teacher removes him: his page says why, in Spanish.
		const cai = await spanishBrowser(browser, true);
		await cai.page.goto('/join');
		await cai.page.getByLabel('Código de la clase').fill(seeded.classA.code);
		await cai.page.getByRole('button', { name: 'Siguiente' }).click();
		await cai.page.getByRole('link', { name: 'Cai' }).click();
		await cai.page.getByRole('button', { name: 'Sí, soy Cai' }).click();
		await cai.page.getByRole('link', { name: /^Entrar en vivo: / }).click();
		await expect(cai.page.getByRole('heading', { name: 'Respuestas bloqueadas' })).toBeVisible();
		await expect(cai.page.getByText('No respondiste esta pregunta.')).toBeVisible();
		await teacher.reload();
		await teacher.getByText('Administrar Cai').click();
		await expect(teacher.getByText('Si quitas a Cai de esta sesión, ya no podrá responder ni volver a ella.', { exact: false })).toBeVisible();
		await teacher.getByRole('button', { name: 'Quitar a Cai de la sesión' }).click();
		await expect(teacher.getByRole('status').filter({ hasText: 'Cai ya no está en esta sesión. Se conservan sus respuestas hasta ahora.' })).toBeVisible();
		await expect(teacher.getByRole('heading', { name: 'Quitados de esta sesión (1)' })).toBeVisible();
		await expect(cai.page.getByRole('heading', { name: 'No puedes participar en esta sesión' })).toBeVisible({ timeout: 10_000 });
		await expect(cai.page.getByRole('alert')).toHaveText('Tu maestro te quitó de esta sesión.');
		await expectNoAxeViolations(cai.page, true);
		await cai.context.close();

		// The end.
		await teacher.getByText('Terminar la sesión…').click();
		await expect(teacher.getByText('Los estudiantes ya no podrán responder.', { exact: false })).toBeVisible();
		await teacher.getByRole('button', { name: 'Sí, terminar la sesión' }).click();
		await expect(teacher.getByRole('status').filter({ hasText: 'La sesión terminó. Se conservan todas las respuestas.' })).toBeVisible();
		await expect(teacher.getByText('Terminada', { exact: true })).toBeVisible();
		await expectNoAxeViolations(teacher, true);
		await expect(projector.getByRole('heading', { level: 1 })).toHaveText(`Aquí termina «${QUIZ_TITLE}»`, { timeout: 10_000 });
		await expectNoAxeViolations(projector, true);
		await expect(ana.page.getByRole('heading', { name: 'La sesión terminó' })).toBeVisible({ timeout: 10_000 });
		await expect(ana.page.getByText('Tus respuestas se conservan. Respondiste 1 de 20 preguntas.')).toBeVisible();
		await expect(ana.page.getByRole('link', { name: 'Volver a mis clases' })).toBeVisible();
		await expectNoAxeViolations(ana.page, true);
		await expect(amir.getByRole('heading', { name: 'La sesión terminó' })).toBeVisible({ timeout: 15_000 });
		await expect(amir.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
		await expectNoAxeViolations(amir, false);

		// The session's results, and the class's join screen for the projector, in Spanish.
		await teacher.goto(`/teach/live/${sid}/results`);
		await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(`${QUIZ_TITLE}: resultados en vivo`);
		await expect(teacher.getByRole('heading', { name: 'Por pregunta' })).toBeVisible();
		await expect(teacher.getByRole('cell', { name: 'Quitado de la sesión' })).toBeVisible();
		await expectNoAxeViolations(teacher, true);
		await teacher.goto(`/teach/classes/${seeded.classA.id}/join-screen`);
		await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Únete a Class A');
		await expect(teacher.getByRole('status')).toHaveText(/^Se unieron \d+ estudiantes$/);
		await expectNoAxeViolations(teacher, true);

		await ana.context.close();
		await amirContext.close();
		await teacherContext.close();
	} finally {
		await db.close();
	}
});
