/**
 * The authoring modules' messages follow the request's language (issue 12 §1): the same
 * refusal in English and in Spanish, from the plain modules the teacher's forms call
 * (article parts, word selection, question rules, the Moodle import). The request's
 * language is Paraglide's getLocale, which the server's middleware sets per request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as runtime from '$lib/paraglide/runtime';
import { checkParts } from '$lib/articles/article-parts';
import { selectionToOffsets } from '$lib/anchoring/selection';
import { checkQuestion, type QuestionDraft } from '$lib/quiz/question-rules';
import { importQuestion } from '$lib/quiz/exchange-import';
import type { ExchangeQuestion } from '$lib/quiz/exchange';

const requestLocale = runtime.getLocale;
const speak = (locale: 'en' | 'es') => runtime.overwriteGetLocale(() => locale);
afterEach(() => runtime.overwriteGetLocale(requestLocale));

const parts = { title: 'Buses', body: 'The council met.', outlet: '', author: '', date: '2025-13-45', originalUrl: 'ftp://x', language: 'en' };
const draft: QuestionDraft = {
	type: 'multiple-choice',
	prompt: 'Who?',
	claim: '',
	certainty: false,
	explanation: 'Because.',
	options: [
		{ value: 'a', label: 'A', correct: false, feedback: 'No.' },
		{ value: 'b', label: 'B', correct: false, feedback: 'No.' }
	],
	evidence: [],
	tolerance: '',
	rubric: []
};
const trueFalse: ExchangeQuestion = {
	name: 'q',
	kind: 'truefalse',
	single: true,
	text: 'True?',
	passage: [],
	options: [
		{ text: 'true', fraction: 100, feedback: 'Yes' },
		{ text: 'false', fraction: 0, feedback: 'No' }
	],
	generalFeedback: '',
	graderInfo: '',
	notCarried: []
};

describe('authoring messages in the request’s language', () => {
	it.each([
		['en', 'Write the date as year-month-day', 'The original address must be a web address'],
		['es', 'Escribe la fecha como año-mes-día', 'La dirección original debe ser una dirección web']
	] as const)('article parts (%s)', (locale, date, address) => {
		speak(locale);
		const checked = checkParts(parts);
		expect(checked.ok).toBe(false);
		const messages = checked.ok ? [] : checked.problems.map((p) => p.message);
		expect(messages).toEqual([expect.stringContaining(date), expect.stringContaining(address)]);
	});

	it.each([
		['en', 'Nothing is selected. Select the words to mark first.'],
		['es', 'No hay nada seleccionado. Primero selecciona las palabras que quieres marcar.']
	] as const)('an empty selection (%s)', (locale, message) => {
		speak(locale);
		const text = 'One two.';
		const result = selectionToOffsets(text, [{ kind: 'paragraph', start: 0, end: text.length }], { block: 0, offset: 3 }, { block: 0, offset: 4 });
		expect(result).toEqual({ ok: false, message });
	});

	it.each([
		['en', 'Mark exactly one option as correct.', 'Write the question’s prompt.'],
		['es', 'Marca exactamente una opción como correcta.', 'Escribe el enunciado de la pregunta.']
	] as const)('the question rules and the form’s field checks (%s)', (locale, rule, field) => {
		speak(locale);
		const ledger = { speakers: [], claims: [] };
		expect(checkQuestion(draft, ledger)).toEqual({ ok: false, problems: [{ field: 'options', message: rule }] });
		expect(checkQuestion({ ...draft, prompt: ' ' }, ledger)).toEqual({ ok: false, problems: [{ field: 'prompt', message: field }] });
	});

	it.each([
		['en', 'true/false became multiple choice'],
		['es', 'verdadero/falso se volvió opción múltiple']
	] as const)('the Moodle import report (%s)', (locale, change) => {
		speak(locale);
		const imported = importQuestion(trueFalse);
		expect('changes' in imported && imported.changes.join(' ')).toContain(change);
	});
});
