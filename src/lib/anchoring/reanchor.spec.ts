import { describe, expect, it } from 'vitest';
import { describe as describeSpan, occurrences } from './anchoring';
import { ATTACH_THRESHOLD, OFFER_FLOOR, reanchor, sameWords, type Anchor } from './reanchor';

const text = [
	'Mexico says no to U.S. troops.',
	'“No, President Trump. Our territory is inalienable,” Sheinbaum said. Her stance drew a sharp line.',
	'Kelly said Mexico must do more. The White House declined to comment.',
	'Ranchers in Texas say the border is not secure. Heritage warned of military action.'
].join('\n');

/** An anchor on the nth occurrence of `quote` in `source`, as the kit stores one. */
function anchorOn(source: string, quote: string, nth = 0, id = quote): Anchor {
	const start = occurrences(source, quote)[nth];
	if (start === undefined) throw new Error(`"${quote}" is not in the text`);
	const { quote: q } = describeSpan(source, start, start + quote.length);
	return { id, start, end: start + quote.length, exact: q.exact, prefix: q.prefix, suffix: q.suffix };
}

function one(before: string, after: string, anchor: Anchor) {
	const [result] = reanchor(before, after, [anchor]);
	return result;
}

describe('reanchor: exact (attached without asking)', () => {
	it('follows the words when text is inserted and deleted around them', () => {
		const target = anchorOn(text, 'Kelly said Mexico must do more.');
		const after = text.replace('Mexico says no to U.S. troops.', 'Mexico refuses.').replace('The White House', 'Later, the White House');
		const result = one(text, after, target);
		expect(result).toMatchObject({ status: 'exact', method: 'diff', confidence: 1 });
		if (result.status !== 'exact') return;
		expect(after.slice(result.start, result.end)).toBe('Kelly said Mexico must do more.');
		expect(result.selectors.quote.prefix).toBe(after.slice(result.start - 32, result.start));
		expect(result.confidence).toBeGreaterThanOrEqual(ATTACH_THRESHOLD);
	});

	it('accepts a change of whitespace inside the words', () => {
		const target = anchorOn(text, 'Her stance drew a sharp line.');
		const after = text.replace('drew a sharp', 'drew  a\nsharp');
		const result = one(text, after, target);
		expect(result).toMatchObject({ status: 'exact', method: 'diff' });
		if (result.status === 'exact') expect(after.slice(result.start, result.end)).toBe('Her stance drew  a\nsharp line.');
	});

	it('follows a whole paragraph moved elsewhere', () => {
		const lines = text.split('\n');
		const after = [lines[0], lines[2], lines[3], lines[1]].join('\n');
		const target = anchorOn(text, lines[1]);
		const result = one(text, after, target);
		expect(result).toMatchObject({ status: 'exact' });
		if (result.status === 'exact') expect(result.start).toBe(after.indexOf(lines[1]));
	});

	it('follows every paragraph when the order of all of them is reversed', () => {
		const lines = text.split('\n');
		const after = [...lines].reverse().join('\n');
		const results = reanchor(text, after, lines.map((l) => anchorOn(text, l)));
		results.forEach((result, i) => expect(result).toMatchObject({ status: 'exact', start: after.indexOf(lines[i]) }));
	});

	it('follows a sentence moved unchanged to another paragraph', () => {
		const target = anchorOn(text, 'Heritage warned of military action.');
		const after = text.replace(' Heritage warned of military action.', '').replace('U.S. troops.', 'U.S. troops. Heritage warned of military action.');
		expect(one(text, after, target)).toMatchObject({ status: 'exact', method: 'moved', start: after.indexOf('Heritage warned') });
	});

	it('does not count one word deleted here and typed there as a move', () => {
		const target = anchorOn(text, 'sharp');
		const after = text.replace('a sharp line', 'a line').replace('not secure', 'not sharp secure');
		expect(one(text, after, target).status).not.toBe('exact');
	});

	it('keeps annotations at the very start and the very end of the text', () => {
		const first = anchorOn(text, 'Mexico says no');
		const last = anchorOn(text, 'military action.');
		const after = `Updated. ${text.replace('Ranchers', 'Cattle ranchers')} The end.`;
		const [a, b] = reanchor(text, after, [first, last]);
		expect(a).toMatchObject({ status: 'exact', start: after.indexOf('Mexico says no') });
		expect(b).toMatchObject({ status: 'exact', start: after.indexOf('military action.') });
	});

	it('keeps the right one of two identical sentences when a copy is pasted elsewhere', () => {
		const sentence = 'Kelly said Mexico must do more.';
		const before = text.replace('Heritage warned', `${sentence} Heritage warned`);
		const second = anchorOn(before, sentence, 1);
		const after = before.replace('Mexico says no', `${sentence} Mexico says no`);
		const result = one(before, after, second);
		expect(result).toMatchObject({ status: 'exact', start: occurrences(after, sentence)[2] });
	});
});

describe('reanchor: confirm (never attached silently)', () => {
	it('offers the edited words in place when a word inside the span changed', () => {
		const target = anchorOn(text, 'Kelly said Mexico must do more.');
		const after = text.replace('must do more', 'must do much more');
		const result = one(text, after, target);
		expect(result).toMatchObject({ status: 'confirm', method: 'in-place', oldWords: 'Kelly said Mexico must do more.' });
		if (result.status !== 'confirm') return;
		expect(after.slice(result.start, result.end)).toBe('Kelly said Mexico must do much more.');
		expect(result.confidence).toBeLessThan(ATTACH_THRESHOLD);
		expect(result.confidence).toBeGreaterThanOrEqual(OFFER_FLOOR);
	});

	it('does not jump to an unchanged copy pasted elsewhere when the original was edited', () => {
		const sentence = 'Kelly said Mexico must do more.';
		const target = anchorOn(text, sentence);
		const after = text.replace(sentence, 'Kelly said Mexico must do much more.').replace('Mexico says no', `${sentence} Mexico says no`);
		const result = one(text, after, target);
		expect(result.status).toBe('confirm');
		if (result.status === 'confirm') expect(result.start).toBe(after.indexOf('Kelly said Mexico must do much more.'));
	});

	it('asks before following a sentence that moved and changed', () => {
		// No moved run matches word for word, so only the quote search (and the surroundings
		// that came along) say it is the same passage.
		const sentence = 'Ranchers said the border is not secure and asked for more patrols along the river.';
		const before = text.replace('Ranchers in Texas say the border is not secure.', sentence);
		const target = anchorOn(before, 'asked for more patrols');
		const after = before.replace(`${sentence} `, '').replace('U.S. troops.', `U.S. troops. ${sentence.replace('the river', 'the Rio Grande')}`);
		const result = one(before, after, target);
		expect(result).toMatchObject({ status: 'confirm', method: 'elsewhere', start: after.indexOf('asked for more patrols') });
		if (result.status === 'confirm') expect(result.confidence).toBeLessThan(ATTACH_THRESHOLD);
	});

	it('does not trust a stored position that no longer points at the quote in the old text', () => {
		const target = { ...anchorOn(text, 'Kelly said Mexico must do more.'), start: 3, end: 20 };
		const result = one(text, `${text} More.`, target);
		expect(result.status).toBe('confirm');
	});
});

describe('reanchor: orphan', () => {
	it('makes an orphan, with its old words, when the span is deleted', () => {
		const target = anchorOn(text, 'Ranchers in Texas say the border is not secure.');
		const result = one(text, text.replace('Ranchers in Texas say the border is not secure. ', ''), target);
		expect(result).toMatchObject({ status: 'orphan', oldWords: 'Ranchers in Texas say the border is not secure.' });
	});

	it('does not hand a deleted quote to its other, older occurrence', () => {
		const sentence = 'Kelly said Mexico must do more.';
		const before = text.replace('Heritage warned', `${sentence} Heritage warned`);
		const second = anchorOn(before, sentence, 1);
		const after = before.replace(`${sentence} Heritage warned`, 'Heritage warned');
		expect(one(before, after, second).status).toBe('orphan');
	});

	it('offers nothing when the same words come back only in an unrelated new sentence', () => {
		const target = anchorOn(text, 'Heritage warned');
		const after = text.replace('Heritage warned of military action.', '').replace('Mexico says no', 'Heritage warned Mexico. Mexico says no');
		expect(one(text, after, target).status).toBe('orphan');
	});

	it('makes an orphan of an empty quote', () => {
		const result = one(text, text, { id: 'x', start: 0, end: 0, exact: '', prefix: '', suffix: '' });
		expect(result.status).toBe('orphan');
	});
});

describe('sameWords', () => {
	it.each([
		['a  b', 'a b', true],
		['a\nb ', 'a b', true],
		['a b', 'ab', false],
		['a b.', 'a b', false]
	])('%j and %j: %s', (x, y, same) => {
		expect(sameWords(x, y)).toBe(same);
	});
});
