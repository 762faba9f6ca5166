import { describe, expect, it } from 'vitest';
import { distribution, heatRuns, initials, projectorName } from './reveal';
import { tally, wordHeat } from './tally';

describe('distribution', () => {
	it('gives every option its count and share of those who answered, right ones marked', () => {
		const t = tally(['a', 'b', 'c'], [
			{ answer: { type: 'choice', value: 'a' }, fraction: 1, certainty: 2 },
			{ answer: { type: 'choice', value: 'a' }, fraction: 1, certainty: 3 },
			{ answer: { type: 'choice', value: 'b' }, fraction: 0, certainty: 3 }
		]);
		const bars = distribution(
			[
				{ value: 'a', label: 'Sheinbaum', correct: true },
				{ value: 'b', label: 'The writer', correct: false },
				{ value: 'c', label: 'No one is named', correct: false }
			],
			t
		);
		expect(bars).toEqual([
			{ label: 'Sheinbaum', count: 2, percent: 67, correct: true },
			{ label: 'The writer', count: 1, percent: 33, correct: false },
			{ label: 'No one is named', count: 0, percent: 0, correct: false }
		]);
	});

	it('shows 0% rather than dividing by nobody', () => {
		const bars = distribution([{ value: 'a', label: 'A', correct: true }], tally(['a'], []));
		expect(bars[0]).toMatchObject({ count: 0, percent: 0 });
	});
});

describe('heatRuns', () => {
	const text = 'Mexico says no to US troops, the president said.';
	const passage = { start: 0, end: text.length };

	it('joins neighbouring words with the same count, keeps every character, and shades relative to the most chosen', () => {
		// Two students chose "no to US troops", one of them also "Mexico says".
		const words = wordHeat(text, passage, [
			{ start: 0, end: 27 },
			{ start: 12, end: 27 }
		]);
		const runs = heatRuns(text, passage, words);
		expect(runs.map((r) => r.text).join('')).toBe(text);
		expect(runs.map((r) => [r.text, r.count, r.level])).toEqual([
			['Mexico says ', 1, 2],
			['no to US troops, ', 2, 4],
			['the president said.', 0, 0]
		]);
	});

	it('marks runs inside a key passage apart from their neighbours with the same count', () => {
		const words = wordHeat(text, passage, []);
		const runs = heatRuns(text, passage, words, [{ start: 29, end: 48 }]);
		expect(runs.map((r) => [r.text, r.key])).toEqual([
			['Mexico says no to US troops, ', false],
			['the president said.', true]
		]);
		expect(runs.every((r) => r.level === 0)).toBe(true);
	});

	it('covers a passage in the middle of the text, with text before its first word', () => {
		const inner = { start: 11, end: 27 };
		const runs = heatRuns(text, inner, wordHeat(text, inner, [{ start: 15, end: 17 }]));
		expect(runs.map((r) => r.text).join('')).toBe(text.slice(11, 27));
		expect(runs.find((r) => r.count === 1)?.text.trim()).toBe('to');
	});
});

describe('projector names', () => {
	it.each([
		['Ben Okafor', 'B. O.'],
		['ana', 'A.'],
		['Jean-Luc Picard', 'J. L. P.'],
		['  Émile  Zola ', 'É. Z.']
	])('%s has the initials %s', (name, expected) => {
		expect(initials(name)).toBe(expected);
	});

	it('shows nothing, initials or the name, as the teacher chose', () => {
		expect(projectorName('Ben Okafor', 'none')).toBeNull();
		expect(projectorName('Ben Okafor', 'initials')).toBe('B. O.');
		expect(projectorName('Ben Okafor', 'full')).toBe('Ben Okafor');
	});
});
