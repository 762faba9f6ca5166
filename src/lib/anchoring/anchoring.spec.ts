import { describe as group, expect, it } from 'vitest';
import { anchor, describe, occurrences, similarity, CONTEXT_CHARS } from './anchoring';

const original =
	'Sheinbaum stood firm. “No, President Trump. Our territory is inalienable.” Her stance drew a sharp line. ' +
	'Kelly said Mexico must do more. Later, Kelly said Mexico must do more, again.';

function spanOf(text: string, quote: string, nth = 0) {
	const start = occurrences(text, quote)[nth];
	return describe(text, start, start + quote.length);
}

group('describe', () => {
	it('emits a quote with context and the position', () => {
		const s = spanOf(original, 'Her stance drew a sharp line.');
		expect(s.quote.exact).toBe('Her stance drew a sharp line.');
		expect(s.quote.prefix).toBe(original.slice(s.position.start - CONTEXT_CHARS, s.position.start));
		expect(original.slice(s.position.start, s.position.end)).toBe(s.quote.exact);
	});

	it.each([
		[-1, 3],
		[5, 5],
		[0, original.length + 1]
	])('refuses the empty or out-of-range span %i–%i', (start, end) => {
		expect(() => describe(original, start, end)).toThrow(RangeError);
	});
});

group('anchor', () => {
	const target = spanOf(original, 'Our territory is inalienable.');

	it('uses the stored position when the text there still matches', () => {
		expect(anchor(original, target)).toEqual({ status: 'exact', start: target.position.start, end: target.position.end });
	});

	it.each([
		['words inserted before the span', original.replace('Sheinbaum stood firm.', 'Mexican President Claudia Sheinbaum stood firm.')],
		['a paragraph removed before the span', original.replace('Sheinbaum stood firm. ', '')],
		['a typo fixed inside the span', original.replace('inalienable', 'inalienabel').replace('stood', 'stands')]
	])('finds the quote again after %s', (_, edited) => {
		const result = anchor(edited, target);
		expect(result.status).toBe('fuzzy');
		if (result.status === 'orphan') return;
		expect(edited.slice(result.start, result.end)).toMatch(/Our territory is inalienab/);
	});

	it('finds a small edit inside the quote itself', () => {
		const edited = original.replace('Our territory is inalienable.', 'Our territory is inviolable.');
		const result = anchor(edited, target);
		expect(result.status).toBe('fuzzy');
		if (result.status !== 'orphan') expect(edited.slice(result.start, result.end)).toContain('Our territory is');
	});

	it('uses prefix and suffix to choose between repeated words', () => {
		const second = spanOf(original, 'Kelly said Mexico must do more', 1);
		// Shift everything so the stored position is stale: context must decide.
		const edited = `Intro. ${original}`;
		const result = anchor(edited, second);
		expect(result.status).toBe('fuzzy');
		if (result.status !== 'orphan') expect(result.start).toBe(edited.lastIndexOf('Kelly said Mexico must do more'));
	});

	it('makes an orphan when the words are gone', () => {
		const edited = original.replace('“No, President Trump. Our territory is inalienable.” ', '');
		expect(anchor(edited, target)).toEqual({ status: 'orphan', reason: expect.any(String) });
	});
});

group('similarity', () => {
	it.each([
		['the border is not secure', 'the border is not secure', 1],
		['the border is not secure', 'the border is not secured', 0.96],
		['the border is not secure', 'the order is not secure', 0.96],
		// search() lists matches by position; the closest must count, not the first found.
		['the border is not secure', 'completely different word', 0.2],
		['so, the border is not secure', 'the border is not secure', 0.86]
	])('%j against %j is about %f', (a, b, expected) => {
		expect(similarity(a, b)).toBeCloseTo(expected, 1);
	});

	it('is 0 against nothing and 1 for two empty strings', () => {
		expect(similarity('words', '')).toBe(0);
		expect(similarity('', '')).toBe(1);
	});
});
