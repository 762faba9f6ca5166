// The dashboards' server-built words in Spanish (issue 12 §1): the same functions the English
// specs beside them test, read with the page's language set to Spanish. English stays as it
// was (those specs run in the base language).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseLocale, getLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { confusionMatrix, errorRate, misreadings } from './confusion';
import { cellWords, trendOf } from './class-grid';
import { accuracyAndScore, discriminationOf, EXPLAIN, facilityOf, scoreText } from './item-stats';
import { accuracy, accuracyWords, toGradeWords } from './accuracy';
import { certaintyWords, chartLabel, inQuotes, wrongWords } from './result-words';
import { checkLabel, formLabel, typeLabel } from './dashboard-labels';
import { wholePercent } from './number-words';

let locale: Locale = baseLocale;
beforeAll(() => overwriteGetLocale(() => locale));
afterAll(() => overwriteGetLocale(() => baseLocale));
/** Runs `body` with the page's language set to `l`. */
function inLanguage<T>(l: Locale, body: () => T): T {
	locale = l;
	try {
		return body();
	} finally {
		locale = baseLocale;
	}
}

describe('dashboard words in Spanish', () => {
	it('follows the language it is asked in', () => {
		expect(inLanguage('es', () => getLocale())).toBe('es');
		expect(getLocale()).toBe('en');
	});

	it('tells misreadings as a Spanish sentence, with speakers named without an English possessive', () => {
		const names: Record<string, string> = { 'anna-kelly': 'Anna Kelly', reyes: 'James Reyes' };
		const speaker = confusionMatrix('speaker', [
			{ truth: 'writer', chosen: 'anna-kelly', count: 9 },
			{ truth: 'writer', chosen: 'writer', count: 15 },
			{ truth: 'anna-kelly', chosen: 'reyes', count: 2 },
			{ truth: 'anna-kelly', chosen: 'anna-kelly', count: 3 }
		]);
		const es = inLanguage('es', () => misreadings(speaker, (k) => names[k] ?? k).map((x) => x.text));
		expect(es).toEqual(['9 de 24 tomaron una oración del propio autor por palabras de Anna Kelly', '2 de 5 tomaron palabras de Anna Kelly por palabras de James Reyes']);
		const en = misreadings(speaker, (k) => names[k] ?? k).map((x) => x.text);
		expect(en).toEqual(["9 of 24 took the writer's own sentence for Anna Kelly's words", "2 of 5 took Anna Kelly's words for James Reyes' words"]);
		const form = confusionMatrix('form', [{ truth: 'vague', chosen: 'direct-quote', count: 4 }]);
		expect(inLanguage('es', () => misreadings(form)[0].text)).toBe('4 de 4 tomaron una fuente vaga por una cita directa');
	});

	it('labels error rates, trends and grid cells in Spanish', () => {
		expect(inLanguage('es', () => errorRate(20, 9).label)).toBe('45% incorrectas');
		expect(inLanguage('es', () => errorRate(0, 0).label)).toBe('no se preguntó');
		expect(inLanguage('es', () => trendOf([90, 40, 70, 50]).words)).toBe('sube 10 puntos en los últimos 3');
		expect(inLanguage('es', () => trendOf([60, 59]).words)).toBe('baja 1 punto en los últimos 2');
		expect(inLanguage('es', () => trendOf([60, 60]).words)).toBe('estable en los últimos 2');
		expect(inLanguage('es', () => trendOf([]).words)).toBe('aún sin resultados');
		// A counted cell says accuracy as every view does: the count, then the percentage.
		const figures = accuracy({ questions: 10, right: 7, partly: 0, awaiting: 2 });
		expect(inLanguage('es', () => cellWords({ accuracy: 88, figures, attempt: 1, status: 'counted', toGrade: 2 }))).toBe('7 de 8 correctas (88 %), 2 por calificar');
		expect(inLanguage('es', () => cellWords({ accuracy: null, figures: null, attempt: null, status: 'in progress', toGrade: 0 }))).toBe('en curso');
		expect(inLanguage('es', () => wrongWords({ wrong: 1, answered: 2, percent: 50 }))).toBe('1 de 2 respuestas incorrectas (50%)');
		expect(inLanguage('es', () => wrongWords({ wrong: 1, answered: 1, percent: 100 }))).toBe('1 de 1 respuesta incorrecta (100%)');
		expect(inLanguage('es', () => wrongWords({ wrong: 0, answered: 0, percent: null }))).toBe('no se preguntó');
	});

	it('gives the statistics’ reasons, accuracy, score and their explanations in Spanish', () => {
		const few = { n: 3, sx: 2, sy: 4, sxx: 2, syy: 6, sxy: 3 };
		expect(inLanguage('es', () => facilityOf(few))).toEqual({ value: null, reason: 'No hay suficientes respuestas (3 de al menos 5).' });
		const same = { n: 5, sx: 5, sy: 5, sxx: 5, syy: 5, sxy: 5 };
		expect(inLanguage('es', () => discriminationOf(same))).toEqual({ value: null, reason: expect.stringMatching(/^Todos sacaron lo mismo/) });
		const sums = accuracyAndScore([{ certainty: true }, { certainty: true }], [{ fraction: 1, marks: 3, certainty: 3 }, { fraction: 0.5, marks: -2, certainty: 2 }]);
		expect(inLanguage('es', () => accuracyWords(sums.accuracy))).toBe('1 de 2 correctas, 1 en parte (50 %)');
		expect(inLanguage('es', () => toGradeWords({ awaiting: 2 }))).toBe('2 respuestas escritas por calificar; todavía no cuentan');
		expect(inLanguage('es', () => scoreText(sums))).toBe('Puntuación según la seguridad: 1 (de −12 a 6)');
		expect(inLanguage('es', () => EXPLAIN.facility)).toMatch(/^La facilidad es/);
		expect(EXPLAIN.facility).toMatch(/^Facility is/);
	});

	it('names certainty, chart bars, question types, forms and checks in Spanish, and quotes with «»', () => {
		expect(inLanguage('es', () => certaintyWords({ averageCertainty: 2.4, certaintyAsked: true }))).toBe('2.4 (Bastante seguro)');
		expect(inLanguage('es', () => chartLabel([{ label: 'Kelly', count: 3, correct: true }, { label: 'Reyes', count: 1, correct: false }]))).toBe(
			'A, Kelly: 3 (respuesta correcta); B, Reyes: 1'
		);
		expect(inLanguage('es', () => [typeLabel('who-said-it'), formLabel('vague'), checkLabel('matches'), typeLabel('unknown')])).toEqual([
			'¿Quién lo dijo?',
			'Fuente vaga',
			'Coincide con el original',
			'unknown'
		]);
		expect(typeLabel('short-answer')).toBe('Short answer');
		expect(inLanguage('es', () => inQuotes('Sharp line'))).toBe('«Sharp line»');
		expect(inQuotes('Sharp line')).toBe('“Sharp line”');
		expect(inLanguage('es', () => wholePercent(45))).toBe('45%');
	});
});
