/**
 * The teacher's side in Spanish (issue 12 §1): a teacher who chose Spanish with the header's
 * switch goes through /teach, a class page, assigns a quiz (and is refused in Spanish first),
 * opens the results grid, grading, every view of the results dashboard, students by
 * assignments and the class's claims. Every page reads in Spanish, carries lang="es", and
 * passes axe, with JavaScript on and, for the class page, the assign form and the
 * dashboard, off. (The English pages keep their own tests.)
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { readPack } from '../../src/lib/server/content/read-pack';
import { SHIPPED_CONTENT } from '../fixtures/content-pack';
import { FORM_LABELS } from '../../src/lib/articles/types';
import type { AttributionForm } from '../../src/lib/articles/vocabulary';
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, SLUG, test } from './fixtures';
import { localInput, post, seed, type Seeded } from './http-seed';

let app: AppProcess;
let seeded: Seeded;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url);
	// Ana answers question 1 (multiple choice) and 6 (whose voice?) wrongly and very sure, so every view has something to show.
	const questions = (await readPack(join(SHIPPED_CONTENT, 'articles', SLUG)))!.quiz!.questions;
	for (const n of [1, 6]) {
		const base = `/me/assignments/${seeded.assignmentA}`;
		const page = await (await seeded.studentA.get(`${base}/${n}`)).text();
		const attempt = /name="attempt" value="([^"]+)"/.exec(page)![1];
		const q = questions[n - 1];
		const wrong = q.options!.find((o) => !o.correct)!;
		const label = wrong.label ?? FORM_LABELS[wrong.value as AttributionForm];
		// The options are shuffled per attempt: find the wrong one's position on Ana's page.
		const choice = [...page.matchAll(/<input type="radio" name="choice" value="(\d+)"[^>]*>\s*([^<]*)</g)].find((m) => m[2].trim() === label)![1];
		await post(seeded.studentA, `${base}/${n}?/answer`, { attempt, question: q.id, choice, certainty: '3' });
	}
});

test.afterAll(async () => app?.stop());

/** The admin teacher's browser, switched to Spanish with the header's form (a plain post, so it works without JavaScript too; the session remembers it). */
async function spanishTeacher(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled, storageState: await seeded.admin.storageState() });
	const page = await context.newPage();
	await page.goto('/teach');
	// English first (the admin's session may remember Spanish from an earlier test), then Spanish.
	await page.getByRole('form', { name: /^(Language|Idioma)$/ }).getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My classes');
	await page.getByRole('form', { name: 'Language' }).getByRole('button', { name: 'Español' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mis clases');
	return page;
}

/** The page is in Spanish (`<html lang="es">`) and axe finds nothing on it. */
async function spanishAndClean(page: Page, javaScriptEnabled: boolean) {
	expect(await page.locator('html').getAttribute('lang')).toBe('es');
	await expectNoAxeViolations(page, javaScriptEnabled);
}

/** Fills the assign form's times: opening `opensInMinutes` and closing `closesInMinutes` from now. */
async function fillTimes(page: Page, opensInMinutes: number, closesInMinutes: number) {
	const now = Date.now();
	await page.getByLabel('Abre', { exact: true }).fill(localInput(new Date(now + opensInMinutes * 60_000)));
	await page.getByLabel('Cierra', { exact: true }).fill(localInput(new Date(now + closesInMinutes * 60_000)));
}

test('a teacher who chose Spanish goes through home, a class, assigning, the grid, grading and every dashboard view (JavaScript on)', async ({ browser }) => {
	test.setTimeout(180_000);
	const js = true;
	const page = await spanishTeacher(browser, js);
	const classId = seeded.classA.id;

	// Home: the classes, the new-class form, the class card.
	await expect(page.getByRole('heading', { name: 'Nueva clase' })).toBeVisible();
	await expect(page.getByLabel('Nombre de la clase')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Clases activas' })).toBeVisible();
	await expect(page.getByText(/Código para unirse .* · 2 estudiantes/)).toBeVisible();
	await spanishAndClean(page, js);
	// A form error from the classes module reads in Spanish.
	await page.getByLabel('Nombre de la clase').fill('   ');
	await page.getByRole('button', { name: 'Crear clase' }).click();
	await expect(page.getByRole('alert')).toHaveText('Ponle un nombre a la clase.');

	// The class page.
	await page.getByRole('link', { name: 'Class A' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Class A');
	await expect(page.getByRole('heading', { name: 'Cómo unirse' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Estudiantes (2, 1 se unieron)' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Estudiantes de Class A' }).getByRole('cell', { name: 'Se unió', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Tareas' })).toBeVisible();
	// Dates follow the language too: "cierra el mar 1 de dic, 1:04 p.m. UTC".
	await expect(page.getByRole('region', { name: 'Tareas' })).toContainText(/Abierta · cierra el \S+ \d+ de \S+, [^·]+·\s+1 intento, comentarios al entregar · 1 de 2 empezaron/);
	await spanishAndClean(page, js);
	// Adding a name already on the list is refused in Spanish, and says which.
	await page.getByLabel('Nombres, uno por línea').fill('Ana');
	await page.getByRole('button', { name: 'Agregar a la clase' }).click();
	await expect(page.getByRole('alert')).toHaveText('Ya estaban en la lista y se omitieron (1): Ana.');

	// Assigning: a closing time before the opening is refused in Spanish, with what was typed kept.
	await page.getByRole('link', { name: 'Asignar un cuestionario' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Asignar un cuestionario a Class A');
	await page.getByRole('group', { name: 'Cuestionario' }).getByRole('radio').first().check();
	await fillTimes(page, 180, 120);
	await page.getByRole('button', { name: 'Asignar a Class A' }).click();
	await expect(page.getByRole('alert')).toHaveText('La hora de cierre debe ser posterior a la de apertura.');
	await expect(page.getByRole('group', { name: 'Cuándo ven los estudiantes las respuestas y los comentarios' })).toBeVisible();
	await spanishAndClean(page, js);
	await fillTimes(page, -60, 24 * 60);
	await page.getByRole('button', { name: 'Asignar a Class A' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Asignada. Los estudiantes de Class A la ven en su página cuando abra.' })).toBeVisible();
	await spanishAndClean(page, js);

	// The seeded assignment's grid, with Ana's answer.
	await page.goto(`/teach/classes/${classId}/assignments/${seeded.assignmentA}`);
	const grid = page.getByRole('table', { name: /Puntos de cada estudiante en cada pregunta/ });
	await expect(grid.getByRole('columnheader', { name: 'Estudiante' })).toBeVisible();
	await expect(grid.getByRole('columnheader', { name: 'Aciertos' })).toBeVisible();
	await expect(page.getByText(/^Los aciertos son cuántas preguntas fueron correctas/)).toBeVisible();
	await expect(grid.getByRole('row', { name: /Ana/ })).toContainText('En curso');
	await expect(grid.getByRole('row', { name: /Ana/ })).toContainText('incorrecto');
	await expect(page.getByRole('heading', { name: 'Ajustes' })).toBeVisible();
	await spanishAndClean(page, js);
	// The settings form refuses in Spanish too, and changes nothing.
	await fillTimes(page, 180, 120);
	await page.getByRole('button', { name: 'Guardar los ajustes' }).click();
	await expect(page.getByRole('alert')).toHaveText('La hora de cierre debe ser posterior a la de apertura.');

	await page.getByRole('link', { name: 'Calificar las respuestas escritas' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calificar las respuestas escritas');
	await expect(page.getByText('Aún no hay respuestas escritas. Aparecen aquí a medida que los estudiantes las dan.')).toBeVisible();
	await spanishAndClean(page, js);

	// The dashboard: overview, a question, a student, claims, the passage.
	await page.goto(`/teach/classes/${classId}/assignments/${seeded.assignmentA}`);
	await page.getByRole('link', { name: 'Abrir el panel de resultados' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/: resultados por pregunta$/);
	await expect(page.getByRole('navigation', { name: 'Vistas de los resultados' }).getByRole('link', { name: 'Resumen' })).toHaveAttribute('aria-current', 'page');
	const overview = page.getByRole('table');
	await expect(overview.getByRole('columnheader', { name: 'Seguridad promedio' })).toBeVisible();
	const first = overview.getByRole('row', { name: /^P1 / });
	await expect(first).toContainText('3.0 (Muy seguro)');
	await expect(first).toContainText('No hay suficientes respuestas');
	await expect(first).toContainText('Opción múltiple');
	await expect(overview.getByRole('row', { name: /^P6 / })).toContainText('¿De quién es la voz?');
	await expect(page.getByText(/^La facilidad es la proporción promedio/)).toBeVisible();
	await spanishAndClean(page, js);

	await first.getByRole('link').click();
	await expect(page.getByRole('heading', { name: 'Cómo respondió la clase' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'En cifras' })).toBeVisible();
	await expect(page.getByText('No hay suficientes respuestas (1 de al menos 5).').first()).toBeVisible();
	await spanishAndClean(page, js);

	await page.getByRole('heading', { name: 'Quién eligió qué' }).scrollIntoViewIfNeeded();
	await page.locator('details.group').filter({ hasText: '1 estudiante' }).first().locator('summary').click();
	await page.getByRole('link', { name: 'Ana' }).click();
	await expect(page.getByRole('heading', { name: 'Aciertos y puntuación' })).toBeVisible();
	// Accuracy as every view words it (score_accuracy: the count, then the percentage), named as such.
	await expect(page.getByRole('strong').filter({ hasText: /^Aciertos: 0 de \d+ correctas \(0 %\)$/ })).toBeVisible();
	await expect(page.getByText(/^Puntuación según la seguridad: −12 \(de −\d+ a \d+\)$/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Los intentos de Ana en este cuestionario' })).toBeVisible();
	await spanishAndClean(page, js);

	await page.getByRole('navigation', { name: 'Vistas de los resultados' }).getByRole('link', { name: 'Afirmaciones' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Afirmaciones: dónde la clase leyó mal la atribución');
	await expect(page.getByRole('heading', { name: 'En todas las afirmaciones' })).toBeVisible();
	await expect(page.getByText(/^1 de 1 tomaron /).first()).toBeVisible();
	// A question's wrong answers, as accuracy is written: the count, then the percentage.
	await expect(page.getByRole('listitem').filter({ hasText: /^Pregunta \d+: \d+ de \d+ respuestas? incorrectas? \(\d+%\)$/ }).first()).toBeVisible();
	await expect(page.getByRole('table', { name: /^De quién es la voz: la forma verdadera frente a la forma elegida/ })).toBeVisible();
	await spanishAndClean(page, js);

	await page.getByRole('navigation', { name: 'Vistas de los resultados' }).getByRole('link', { name: 'Sobre el pasaje' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sobre el pasaje');
	await expect(page.getByRole('list', { name: 'Clave del sombreado' })).toContainText('no se preguntó (sin etiqueta)');
	await page.getByRole('link', { name: /100% incorrectas/ }).first().click();
	await expect(page.getByRole('heading', { name: /^Afirmación \d+: 100% incorrectas$/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'En el lector' })).toBeVisible();
	// The claim's words keep the article's language inside the Spanish page.
	await expect(page.locator('blockquote.quote')).toHaveAttribute('lang', 'en');
	await spanishAndClean(page, js);

	// The class's own views across assignments.
	await page.goto(`/teach/classes/${classId}/students`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Estudiantes por tareas');
	await expect(page.getByRole('region', { name: /^Aciertos por estudiante/ }).getByRole('rowheader', { name: 'Promedio de la clase' })).toBeVisible();
	await expect(page.getByRole('region', { name: /^Aciertos por estudiante/ })).toContainText('sin empezar');
	await expect(page.getByRole('region', { name: /^Aciertos por estudiante/ })).toContainText(/\(\d+ de \d+ estudiantes contados/);
	await expect(page.getByText(/^Cada celda es el mejor intento terminado del estudiante \(el de más puntos/)).toBeVisible();
	await spanishAndClean(page, js);
	await page.goto(`/teach/classes/${classId}/claims`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Afirmaciones en toda la clase');
	await expect(page.getByRole('columnheader', { name: 'Confusión más común' })).toBeVisible();
	await spanishAndClean(page, js);
	await page.context().close();
});

test('without JavaScript the class page, the assign form and the dashboard read in Spanish', async ({ browser }) => {
	test.setTimeout(120_000);
	const js = false;
	const page = await spanishTeacher(browser, js);
	await spanishAndClean(page, js);
	await page.goto(`/teach/classes/${seeded.classA.id}`);
	await expect(page.getByRole('heading', { name: 'Cómo unirse' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Agregar a la clase' })).toBeVisible();
	await spanishAndClean(page, js);
	// Renaming a student to a name the roster refuses: its own error, in Spanish.
	await page.getByRole('row', { name: /Amir/ }).getByText('Administrar').click();
	await page.getByLabel('Nombre nuevo para Amir').fill('<b>');
	await page.getByRole('row', { name: /Amir/ }).getByRole('button', { name: 'Cambiar nombre' }).click();
	await expect(page.getByRole('alert')).toHaveText('Un nombre no puede tener < ni > ni caracteres invisibles.');

	await page.goto(`/teach/classes/${seeded.classA.id}/assign`);
	await page.getByRole('group', { name: 'Cuestionario' }).getByRole('radio').first().check();
	await fillTimes(page, 180, 120);
	await page.getByRole('button', { name: 'Asignar a Class A' }).click();
	await expect(page.getByRole('alert')).toHaveText('La hora de cierre debe ser posterior a la de apertura.');
	await spanishAndClean(page, js);

	await page.goto(`/teach/results/assignment/${seeded.assignmentA}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/: resultados por pregunta$/);
	await expect(page.getByText(/^Resultados de la tarea · Class A · Abrió el /)).toBeVisible();
	await spanishAndClean(page, js);
	await page.goto(`/teach/results/assignment/${seeded.assignmentA}/passage`);
	await page.getByRole('link', { name: /100% incorrectas/ }).first().click();
	await expect(page.getByRole('heading', { name: /^Afirmación \d+: 100% incorrectas$/ })).toBeVisible();
	await spanishAndClean(page, js);
	await page.context().close();
});
