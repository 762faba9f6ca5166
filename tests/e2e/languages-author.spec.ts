/**
 * The teacher's authoring pages in Spanish (issue 12 §1): a teacher who chose Spanish
 * brings in an article (a form error from the server in Spanish), marks a claim in the
 * editor by keyboard, writes a quiz (a question refused by the rules in Spanish), is
 * refused a Moodle file (Spanish message, 4xx) and opens Settings. Content stays in its
 * language; axe runs on each page in Spanish, with JavaScript on, and off for the article
 * list, the Moodle import and the quiz editor. The English pages keep their own tests.
 */
import type { Page } from '@playwright/test';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { post, seed, type Seeded } from './http-seed';

let app: AppProcess;
let seeded: Seeded;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
});
test.afterAll(async () => app?.stop());

const TEXT = 'Council backs new buses\n\nThe council met on Tuesday. It voted for new buses.\n\n“We need buses now,” said Tom Reed.';
const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

test('a teacher who chose Spanish brings in an article, marks a claim by keyboard, writes a quiz and opens Settings (JavaScript on)', async ({ page, context }) => {
	await context.addCookies((await seeded.admin.storageState()).cookies);
	await page.goto(`${app.url}/teach/articles`);
	expect(await htmlLang(page)).toBe('en');
	await page.getByRole('form', { name: 'Language' }).getByRole('button', { name: 'Español' }).press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Artículos');
	expect(await htmlLang(page)).toBe('es');
	await expect(page.getByRole('heading', { name: 'Mis artículos' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Incluidos en el kit y compartidos por otros docentes' })).toBeVisible();
	// The shipped article's title is content: it stays English.
	await expect(page.getByRole('link', { name: /Mexico/ }).first()).toBeVisible();
	await expectNoAxeViolations(page, true);

	// Paste, then a date the server refuses: the message by its field, in Spanish, with what was typed kept.
	await page.getByRole('link', { name: 'Nuevo artículo' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuevo artículo');
	await page.getByLabel('Texto del artículo').fill(TEXT);
	await page.getByRole('region', { name: 'Pega el texto' }).getByRole('button', { name: 'Revisar las partes' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisa las partes del artículo');
	await expect(page.getByText(/^De el texto que pegaste\./)).toBeVisible();
	await expect(page.getByLabel('Titular')).toHaveValue('Council backs new buses');
	await page.getByLabel('Fecha de publicación').fill('2025-13-45');
	await page.getByLabel('Medio').fill('Riverside Gazette');
	await page.getByRole('button', { name: 'Guardar como borrador' }).click();
	const dateProblem = 'Escribe la fecha como año-mes-día, por ejemplo 2025-05-04, o déjala vacía si el artículo no da ninguna.';
	await expect(page.getByRole('alert')).toHaveText(dateProblem);
	await expect(page.getByLabel('Fecha de publicación')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Medio')).toHaveValue('Riverside Gazette');
	await expectNoAxeViolations(page, true);
	await page.getByLabel('Fecha de publicación').fill('');
	await page.getByRole('button', { name: 'Guardar como borrador' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Guardado como borrador. Solo tú puedes verlo hasta que lo publiques.' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Publicar y compartir' })).toBeVisible();
	await expectNoAxeViolations(page, true);

	// The editor: a claim by the keyboard only.
	await page.getByRole('link', { name: 'Marcar afirmaciones y notas' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Marcar afirmaciones y notas');
	await expect(page.getByRole('heading', { name: /^Cobertura de afirmaciones \(\d+ pendientes\)$/ })).toBeVisible();
	await page.getByLabel('Oración o subtítulo').selectOption({ label: '“We need buses now,” said Tom Reed.' });
	await page.getByRole('button', { name: 'Elegir esta oración' }).press('Enter');
	await expect(page.getByLabel('Desde la palabra')).toBeVisible();
	await page.getByRole('button', { name: 'Elegir estas palabras' }).press('Enter');
	await expect(page.getByText('Elegidas: “We need buses now,” said Tom Reed.')).toBeVisible();
	await page.getByRole('link', { name: 'Marcar una afirmación' }).press('Enter');
	await expect(page.getByRole('heading', { name: 'Marcar una afirmación' })).toBeVisible();
	await expect(page.getByLabel('Quién habla')).toHaveValue('new');
	await page.getByLabel('Nombre').fill('Tom Reed');
	await page.getByLabel('Papel').selectOption({ label: 'Grupo de defensa de intereses' });
	await page.getByLabel('Quién es y qué relación tiene con la noticia').fill('Chair of the riders’ union');
	await page.getByLabel('Qué puede ganar').fill('More buses for riders');
	await page.getByLabel('Su relación con esta afirmación').fill('Speaks for riders');
	await page.getByLabel('Cómo la atribuye el artículo').selectOption({ label: 'Cita directa' });
	await expectNoAxeViolations(page, true);
	await page.getByRole('button', { name: 'Marcar la afirmación' }).press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Se marcó la afirmación.' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Afirmaciones (1)' })).toBeVisible();
	await expect(page.getByText('Tom Reed · Cita directa · Sin verificar')).toBeVisible();
	await expectNoAxeViolations(page, true);

	// Quizzes: a new quiz on the article, and a question the rules refuse, in Spanish.
	await page.goto(`${app.url}/teach/quizzes`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cuestionarios');
	await expect(page.getByRole('heading', { name: 'Importar de Moodle' })).toBeVisible();
	await expectNoAxeViolations(page, true);
	const create = page.getByRole('region', { name: 'Nuevo cuestionario' });
	await create.getByLabel('Artículo').selectOption({ label: 'Council backs new buses' });
	await create.getByLabel('Título').fill('Los autobuses');
	await create.getByRole('button', { name: 'Crear cuestionario' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Los autobuses');
	await expect(page.getByRole('heading', { name: 'Preguntas' })).toBeVisible();
	await expect(page.getByText('Todavía no hay preguntas.', { exact: false })).toBeVisible();
	await page.getByLabel('Tipo de pregunta').selectOption({ label: 'Opción múltiple' });
	await page.getByRole('button', { name: 'Empezar la pregunta' }).click();
	await expect(page.getByRole('heading', { name: 'Pregunta nueva: Opción múltiple' })).toBeVisible();
	const question = page.getByRole('region', { name: 'Pregunta nueva: Opción múltiple' });
	await question.getByLabel('Enunciado').fill('Who wants buses now?');
	await question.getByLabel('Texto de la opción 1').fill('Tom Reed');
	await question.getByLabel('Comentario sobre la opción 1', { exact: true }).fill('He said so.');
	await question.getByLabel('Texto de la opción 2').fill('The council');
	await question.getByLabel('Comentario sobre la opción 2', { exact: true }).fill('It voted, but did not say that.');
	await question.getByLabel('Explicación', { exact: true }).fill('The quote is his.');
	await question.getByRole('button', { name: 'Agregar pregunta' }).click();
	await expect(question.getByRole('alert')).toHaveText('Marca exactamente una opción como correcta.');
	await expect(question.getByLabel('Enunciado')).toHaveValue('Who wants buses now?');
	await expectNoAxeViolations(page, true);
	await question.getByLabel('La opción 1 es correcta').check();
	await question.getByRole('button', { name: 'Agregar pregunta' }).click();
	await expect(page.getByRole('heading', { name: 'Pregunta 1 · Opción múltiple' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Descargar para Moodle' })).toBeVisible();
	await expectNoAxeViolations(page, true);

	// Settings: the admin's sections and the time zone, in Spanish.
	await page.goto(`${app.url}/teach/settings`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ajustes');
	await expect(page.getByRole('heading', { name: 'Datos de estudiantes que guarda el kit' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Docentes que esperan aprobación' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Tu zona horaria' })).toBeVisible();
	await expect(page.getByText(/^Práctica anónima: 0 intentos con 0 respuestas/)).toBeVisible();
	await expect(page.getByRole('group').filter({ hasText: 'Borrar la cuenta y las clases de Olu Other…' })).toHaveCount(1);
	await expectNoAxeViolations(page, true);
});

test('without JavaScript: the article list, a refused Moodle file (Spanish, 4xx) and the quiz editor, in Spanish', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: app.url });
	await context.addCookies((await seeded.otherTeacher.storageState()).cookies);
	const page = await context.newPage();
	await page.goto('/teach/articles');
	await page.getByRole('form', { name: 'Language' }).getByRole('button', { name: 'Español' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Artículos');
	await expect(page.getByText('Todavía no tienes ninguno.', { exact: false })).toBeVisible();
	await expectNoAxeViolations(page, false);

	// A file that is not text: refused by the form with a 4xx, in Spanish, and nothing made.
	await page.goto('/teach/quizzes');
	const form = page.getByRole('region', { name: 'Importar de Moodle' });
	await form.getByLabel('Archivo de preguntas').setInputFiles({ name: 'questions.gift', mimeType: 'text/plain', buffer: Buffer.from([0x01, 0x02, 0x03, 0x41]) });
	const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/import'));
	await form.getByRole('button', { name: 'Importar preguntas' }).click();
	const status = (await answer).status();
	expect(status).toBeGreaterThanOrEqual(400);
	expect(status).toBeLessThan(500);
	await expect(page.getByRole('alert')).toHaveText('Ese archivo no es un archivo de texto. Expórtalo desde Moodle como GIFT o Moodle XML y vuelve a intentarlo.');
	await expectNoAxeViolations(page, false);
	await expect(page.getByRole('heading', { name: 'Mis cuestionarios' })).toBeVisible();
	await expect(page.getByText('Todavía no tienes ninguno. Crea uno arriba', { exact: false })).toBeVisible();

	// The quiz editor: a copy of the pack's quiz, in Spanish around its English questions.
	await page.getByRole('region', { name: 'Del paquete de contenido' }).getByRole('button', { name: /^Copiar para editar/ }).first().click();
	await expect(page.getByRole('status').filter({ hasText: 'Esta es tu copia. Edítala como quieras.' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Título y descripción' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Pregunta 1 · / })).toBeVisible();
	await expect(page.getByText('Editar la pregunta 1', { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Borradores a partir de las afirmaciones' })).toBeVisible();
	await expectNoAxeViolations(page, false);
	await context.close();
});

test('a web address the fetcher refuses is explained in Spanish, with a 400', async () => {
	// Olu chose Spanish in the test above; his session remembers it, so his plain HTTP client reads Spanish too.
	const refused = await post(seeded.otherTeacher, '/teach/articles/new?/fetch', { address: 'ftp://example.org/story' }, 400);
	expect(await refused.text()).toContain('El kit solo descarga páginas web (direcciones que empiezan con http:// o https://), no direcciones «ftp:».');
});
