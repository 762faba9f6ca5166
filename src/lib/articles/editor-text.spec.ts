import { describe, expect, it } from 'vitest';
import { runsOf, wordsOf } from './editor-text';

describe('runsOf', () => {
	const text = 'One two three four five.';
	it('cuts a block at every claim, note and chosen boundary, and the runs rebuild the text', () => {
		const runs = runsOf(0, text.length, [{ key: 'c1', start: 0, end: 13 }], [{ key: 'n1', start: 4, end: 7 }], { start: 14, end: 18 });
		expect(runs.map((r) => text.slice(r.start, r.end))).toEqual(['One ', 'two', ' three', ' ', 'four', ' five.']);
		expect(runs.map((r) => r.start)).toEqual([0, 4, 7, 13, 14, 18]);
		expect(runs[1]).toMatchObject({ claims: ['c1'], notes: ['n1'], chosen: false });
		expect(runs[4]).toMatchObject({ claims: [], notes: [], chosen: true });
	});
	it('ignores spans outside the block', () => {
		expect(runsOf(4, 7, [{ key: 'c', start: 10, end: 12 }], [], null)).toEqual([{ start: 4, end: 7, claims: [], notes: [], chosen: false }]);
	});
});

describe('wordsOf', () => {
	it('lists the words of a stretch with their offsets, punctuation kept', () => {
		const text = 'Hi. “We need buses,” said Tom.';
		expect(wordsOf(text, 4, text.length)).toEqual([
			{ start: 4, end: 7, word: '“We' },
			{ start: 8, end: 12, word: 'need' },
			{ start: 13, end: 20, word: 'buses,”' },
			{ start: 21, end: 25, word: 'said' },
			{ start: 26, end: 30, word: 'Tom.' }
		]);
	});
});
