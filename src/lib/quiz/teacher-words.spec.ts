import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { attemptsWords, certaintyLabel, feedbackTimingWords, verdictWords } from './teacher-words';

let locale: Locale = baseLocale;
beforeAll(() => overwriteGetLocale(() => locale));
afterAll(() => overwriteGetLocale(() => baseLocale));

describe('teacher words', () => {
	it.each([
		['en', ['1 attempt', '3 attempts', 'after the assignment closes', 'Partly right', 'Very sure']],
		['es', ['1 intento', '3 intentos', 'cuando cierre la tarea', 'Parcialmente correcto', 'Muy seguro']]
	] as const)('say an assignment’s rules, a verdict and a certainty in %s', (l, expected) => {
		locale = l;
		expect([attemptsWords(1), attemptsWords(3), feedbackTimingWords('after-close'), verdictWords(0.5)?.words, certaintyLabel(3)]).toEqual(expected);
		locale = baseLocale;
	});

	it('keeps the symbol, passes unknown values through and waits on ungraded answers', () => {
		expect(verdictWords(1)).toEqual({ symbol: '✓', words: 'Right' });
		expect(verdictWords(null)).toBeNull();
		expect(feedbackTimingWords('whenever')).toBe('whenever');
		expect(certaintyLabel(7)).toBe('7');
	});
});
