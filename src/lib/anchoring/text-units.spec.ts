import { describe, expect, it } from 'vitest';
import { lines, sentenceEnds, sentences, twinAt, wordsIn } from './text-units';

const sample = 'Troops from the U.S. are not welcome. “No,” she said!\n\nNext line';

describe('sentences and lines', () => {
	it('does not end a sentence inside "U.S."', () => {
		expect(sentences(sample).map((s) => sample.slice(s.start, s.end))).toEqual([
			'Troops from the U.S. are not welcome.',
			'“No,” she said!',
			'Next line'
		]);
	});

	it('gives each sentence the spaces after it, and its line', () => {
		const [first, , third] = sentences(sample);
		expect(sample.slice(first.end, first.endWithSpace)).toBe(' ');
		expect(third.line).toBe(1);
	});

	it('ends sentences before a line break too', () => {
		const body = 'One. Two!\nThree';
		expect(sentenceEnds(body)).toEqual([4, 9, body.length]);
	});

	it('skips empty lines', () => {
		expect(lines(sample).map((l) => sample.slice(l.start, l.end))).toEqual(['Troops from the U.S. are not welcome. “No,” she said!', 'Next line']);
	});
});

describe('wordsIn and twinAt', () => {
	it('finds words of three letters or more, with their offsets', () => {
		const words = wordsIn(sample, 0, 20).map((w) => sample.slice(w.start, w.end));
		expect(words).toEqual(['Troops', 'from', 'the']);
	});

	it('sees the same words right at a place or just before it', () => {
		const text = 'Kelly spoke. Kelly spoke. Then silence.';
		expect(twinAt(text, 0, 'Kelly spoke.')).toBe(true);
		expect(twinAt(text, text.indexOf('Then'), 'Kelly spoke.')).toBe(true);
		expect(twinAt(text, text.indexOf('silence'), 'Kelly spoke.')).toBe(false);
	});
});
