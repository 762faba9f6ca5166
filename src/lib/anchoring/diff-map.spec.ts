import { describe, expect, it } from 'vitest';
import { deletedRun, deletedShare, diffVersions, insertedRun, insertedShare, mapSpan } from './diff-map';

/** Maps the first occurrence of `quote` in `before` into `after` and returns the words there. */
function mapped(before: string, after: string, quote: string) {
	const start = before.indexOf(quote);
	const span = mapSpan(diffVersions(before, after), start, start + quote.length);
	return after.slice(span.start, span.end);
}

describe('mapSpan', () => {
	const before = 'Kelly said Mexico must do more. Sheinbaum said no. The talks went on.';

	it.each([
		['text inserted before the span', before.replace('Kelly', 'On Monday, Kelly')],
		['text deleted before the span', before.replace('Kelly said Mexico must do more. ', '')],
		['text inserted right at both edges', before.replace('Sheinbaum said no.', 'Then Sheinbaum said no. Twice.')],
		['the rest of the text rewritten', 'Nothing else is the same. Sheinbaum said no. Really nothing.'],
		['the whole text repeated after it', `${before} ${before}`]
	])('carries the words over after %s, with nothing added at its edges', (_, after) => {
		expect(mapped(before, after, 'Sheinbaum said no.')).toBe('Sheinbaum said no.');
	});

	it('includes a word that replaced one inside the span', () => {
		expect(mapped(before, before.replace('said no', 'firmly said no'), 'Sheinbaum said no.')).toBe('Sheinbaum firmly said no.');
	});

	it('includes what replaced the span’s last word', () => {
		expect(mapped(before, before.replace('went on.', 'collapsed.'), 'The talks went on.')).toBe('The talks collapsed.');
	});

	it('includes what replaced the span’s first word', () => {
		expect(mapped(before, before.replace('Kelly said', 'She said'), 'Kelly said Mexico')).toBe('She said Mexico');
	});

	it('collapses a deleted span to the point where it was', () => {
		const after = before.replace('Sheinbaum said no. ', '');
		const start = before.indexOf('Sheinbaum');
		const span = mapSpan(diffVersions(before, after), start, start + 'Sheinbaum said no.'.length);
		expect(span.end).toBe(span.start);
		// Next to the space before the following sentence (which side of it is the diff's choice).
		expect(Math.abs(span.start - after.indexOf('The talks'))).toBeLessThanOrEqual(1);
	});

	it('stays precise through a heavy revision (every third word replaced)', () => {
		const long = Array.from({ length: 300 }, (_, i) => `Sentence ${i} says the border is secure.`).join(' ');
		let n = 0;
		const revised = long.replace(/\b(says|border|secure)\b/g, (w) => (++n % 3 === 0 ? 'claims' : w));
		const quote = 'Sentence 150 says the border is secure.';
		const words = mapped(long, revised, quote);
		expect(words.startsWith('Sentence 150 ')).toBe(true);
		expect(words.endsWith('.')).toBe(true);
		expect(words.split(' ')).toHaveLength(7);
	});

	it('does not split a word where the common start of both texts ends', () => {
		expect(mapped('the cat sat on the mat', 'the cot sat on the mat', 'cat sat')).toBe('cot sat');
	});

	it('maps the very start and the very end of the text', () => {
		const after = `Breaking: ${before} Updated.`;
		expect(mapped(before, after, 'Kelly said')).toBe('Kelly said');
		expect(mapped(before, after, 'went on.')).toBe('went on.');
	});
});

describe('which characters the diff kept', () => {
	const before = 'First paragraph.\nSecond paragraph here.\nThird one.\n';
	const after = 'First paragraph.\nThird one.\nSecond paragraph here.\n';
	const diff = diffVersions(before, after);

	it('sees a moved line as deleted in the old text and inserted in the new', () => {
		const old = before.indexOf('Second');
		const moved = after.indexOf('Second');
		const kept = after.indexOf('First');
		// Either the second line or the third moved; whichever it was is all deleted and all inserted.
		const movedLine = deletedShare(diff, old, old + 6) === 1 ? 'Second' : 'Third';
		const [o, n] = [before.indexOf(movedLine), after.indexOf(movedLine)];
		expect(deletedRun(diff, o, o + movedLine.length)).not.toBeNull();
		expect(insertedRun(diff, n, n + movedLine.length)).not.toBeNull();
		expect(insertedShare(diff, kept, kept + 5)).toBe(0);
		expect(moved).toBeGreaterThan(0);
	});

	it('gives no run when any character survived', () => {
		expect(deletedRun(diff, 0, 5)).toBeNull();
		expect(insertedRun(diff, 0, 5)).toBeNull();
	});
});
