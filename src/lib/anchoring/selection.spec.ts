import { beforeAll, describe, expect, it } from 'vitest';
import { shippedAnchors } from '../../../tests/fixtures/shipped-anchors';
import { selectionToOffsets, sentenceOptions, type BlockRange } from './selection';

let text: string;
let blocks: BlockRange[];

beforeAll(async () => {
	({ text, blocks } = await shippedAnchors());
});

/** The selection point just before `words` (its nth occurrence) in the shipped article. */
function pointAt(words: string, after = false) {
	const at = text.indexOf(words) + (after ? words.length : 0);
	const block = blocks.findIndex((b) => b.start <= at && at <= b.end);
	return { block, offset: at - blocks[block].start };
}

describe('selectionToOffsets on the shipped article', () => {
	it('gives the offsets, quote, prefix and suffix of words inside one paragraph', () => {
		const words = 'Sheinbaum stood firm.';
		const result = selectionToOffsets(text, blocks, pointAt(words), pointAt(words, true));
		expect(result).toMatchObject({ ok: true, start: text.indexOf(words), end: text.indexOf(words) + words.length });
		if (!result.ok) return;
		expect(result.selectors.quote).toEqual({
			type: 'TextQuoteSelector',
			exact: words,
			prefix: text.slice(result.start - 32, result.start),
			suffix: text.slice(result.end, result.end + 32)
		});
		expect(result.selectors.position).toEqual({ type: 'TextPositionSelector', start: result.start, end: result.end });
	});

	it('accepts a selection made backwards (focus before anchor)', () => {
		const words = 'Sheinbaum stood firm.';
		const forwards = selectionToOffsets(text, blocks, pointAt(words), pointAt(words, true));
		expect(selectionToOffsets(text, blocks, pointAt(words, true), pointAt(words))).toEqual(forwards);
	});

	it('spans the hard line break inside a joined paragraph', () => {
		const result = selectionToOffsets(text, blocks, pointAt('Responding to President'), pointAt('Donald Trump’s offer', true));
		expect(result).toMatchObject({ ok: true });
		if (result.ok) expect(text.slice(result.start, result.end)).toBe('Responding to President\nDonald Trump’s offer');
	});

	it('leaves out whitespace at the edges, as a double click or a triple click leaves it in', () => {
		const heading = blocks.findIndex((b) => b.kind === 'heading');
		// A triple click on a heading ends at offset 0 of the next block.
		const result = selectionToOffsets(text, blocks, { block: heading, offset: 0 }, { block: heading + 1, offset: 0 });
		expect(result).toMatchObject({ ok: true, start: blocks[heading].start, end: blocks[heading].end });
	});

	it('allows a selection across two paragraphs of one section', () => {
		const first = blocks.findIndex((b, i) => b.kind === 'paragraph' && blocks[i + 1]?.kind === 'paragraph');
		const result = selectionToOffsets(text, blocks, { block: first, offset: 2 }, { block: first + 1, offset: 5 });
		expect(result).toMatchObject({ ok: true, start: blocks[first].start + 2, end: blocks[first + 1].start + 5 });
	});

	it('refuses a selection that crosses a heading, naming it', () => {
		const heading = blocks.findIndex((b, i) => i > 0 && b.kind === 'heading');
		const title = text.slice(blocks[heading].start, blocks[heading].end);
		const result = selectionToOffsets(text, blocks, { block: heading - 1, offset: 3 }, { block: heading + 1, offset: 3 });
		expect(result).toEqual({ ok: false, message: expect.stringContaining(`the heading “${title}”`) });
	});

	it('refuses a selection from a heading into the paragraph below it', () => {
		const heading = blocks.findIndex((b) => b.kind === 'heading');
		const result = selectionToOffsets(text, blocks, { block: heading, offset: 4 }, { block: heading + 1, offset: 10 });
		expect(result.ok).toBe(false);
	});

	it('refuses an empty or whitespace-only selection', () => {
		const p = pointAt('Sheinbaum stood firm.');
		expect(selectionToOffsets(text, blocks, p, p)).toEqual({ ok: false, message: expect.stringContaining('Nothing is selected') });
		const space = pointAt(' stood');
		expect(selectionToOffsets(text, blocks, space, { ...space, offset: space.offset + 1 }).ok).toBe(false);
	});

	it.each([
		['a block that does not exist', { block: 999, offset: 0 }],
		['a negative offset', { block: 0, offset: -1 }],
		['an offset past the block', { block: 0, offset: 10_000 }],
		['a fractional offset', { block: 0, offset: 1.5 }]
	])('refuses %s', (_, point) => {
		expect(selectionToOffsets(text, blocks, { block: 0, offset: 0 }, point)).toEqual({
			ok: false,
			message: expect.stringContaining('not inside the article')
		});
	});

	it('selects the very first and the very last words of the article', () => {
		const last = blocks.length - 1;
		const first = selectionToOffsets(text, blocks, { block: 0, offset: 0 }, { block: 0, offset: 4 });
		const end = blocks[last].end - blocks[last].start;
		const final = selectionToOffsets(text, blocks, { block: last, offset: end - 5 }, { block: last, offset: end });
		expect(first).toMatchObject({ ok: true, start: 0, end: 4 });
		expect(final).toMatchObject({ ok: true, end: blocks[last].end });
	});
});

describe('sentenceOptions on the shipped article', () => {
	it('lists every sentence once, in reading order, covering every word of the article', () => {
		const options = sentenceOptions(text, blocks);
		expect(options.map((o) => o.start)).toEqual([...options.map((o) => o.start)].sort((a, b) => a - b));
		const words = (s: string) => s.split(/\s+/).filter(Boolean);
		expect(options.flatMap((o) => words(o.words))).toEqual(blocks.flatMap((b) => words(text.slice(b.start, b.end))));
	});

	it('keeps "U.S." inside its sentence, runs a sentence across a joined line, and keeps headings whole', () => {
		const options = sentenceOptions(text, blocks);
		expect(options.some((o) => o.words.endsWith('U.'))).toBe(false);
		expect(options.find((o) => o.words.includes('Responding to President'))?.words).toContain('\nDonald Trump’s offer');
		const heading = blocks.findIndex((b) => b.kind === 'heading');
		expect(options.filter((o) => o.block === heading).map((o) => o.words)).toEqual([text.slice(blocks[heading].start, blocks[heading].end)]);
	});

	it('gives offsets that selectionToOffsets accepts as they are', () => {
		for (const o of sentenceOptions(text, blocks).slice(0, 12)) {
			const from = { block: o.block, offset: o.start - blocks[o.block].start };
			const to = { block: o.block, offset: o.end - blocks[o.block].start };
			expect(selectionToOffsets(text, blocks, from, to)).toMatchObject({ ok: true, start: o.start, end: o.end });
		}
	});
});
