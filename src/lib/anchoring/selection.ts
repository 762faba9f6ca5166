/**
 * Turns a selection in the annotation editor into text offsets and W3C selectors, without
 * the DOM: the browser reports which block each end of the selection is in and how far into
 * that block's text, and this module does the rest, so the same rules hold for a mouse
 * selection, a touch selection and the keyboard path, and on the server for a form post.
 */
import { m } from '$lib/i18n/messages';
import { describe, type Selectors } from './anchoring';
import { sentenceEnds } from './text-units';

/** A heading or paragraph of the article: text[start, end), as `blocksOf` makes them. */
export interface BlockRange {
	kind: 'heading' | 'paragraph';
	start: number;
	end: number;
}

/**
 * One end of a selection: the block's index in reading order and an offset into its text,
 * counted in UTF-16 code units as text.txt has it (what a DOM Range counts when the page's
 * text equals text.txt).
 */
export interface SelectionPoint {
	block: number;
	offset: number;
}

/** The selected words with their selectors, or why the selection cannot be used. */
export type SelectionResult = { ok: true; start: number; end: number; selectors: Selectors } | { ok: false; message: string };

/**
 * The selection from `anchor` to `focus` (either may come first) as offsets into `text`,
 * with whitespace at its edges left out. Refused with a message a teacher can act on when
 * it is empty, outside the article, or runs across a heading (a claim or note belongs to
 * one section's text, or to the heading alone).
 */
export function selectionToOffsets(text: string, blocks: BlockRange[], anchor: SelectionPoint, focus: SelectionPoint): SelectionResult {
	const from = absolute(text, blocks, anchor);
	const to = absolute(text, blocks, focus);
	if (from === null || to === null) {
		return { ok: false, message: m.author_ed_sel_outside() };
	}
	let start = Math.min(from, to);
	let end = Math.max(from, to);
	while (start < end && /\s/.test(text[start])) start++;
	while (end > start && /\s/.test(text[end - 1])) end--;
	if (start === end) return { ok: false, message: m.author_ed_sel_empty() };

	const touched = blocks.filter((b) => b.start < end && b.end > start);
	const heading = touched.find((b) => b.kind === 'heading');
	if (heading && touched.length > 1) {
		const title = text.slice(heading.start, heading.end).trim();
		return {
			ok: false,
			message: m.author_ed_sel_heading({ title })
		};
	}
	return { ok: true, start, end, selectors: describe(text, start, end) };
}

/** The text offset of a selection point, or null if it is not inside a block. */
function absolute(text: string, blocks: BlockRange[], point: SelectionPoint): number | null {
	if (!Number.isInteger(point.block) || !Number.isInteger(point.offset)) return null;
	const block = blocks[point.block];
	if (!block || block.end > text.length) return null;
	if (point.offset < 0 || point.offset > block.end - block.start) return null;
	return block.start + point.offset;
}

/** A sentence of the article, for the keyboard path: pick one from a list, then narrow it. */
export interface SentenceOption {
	block: number;
	start: number;
	end: number;
	words: string;
}

/** Every sentence of every block in reading order; a heading is one sentence, whatever its stops. */
export function sentenceOptions(text: string, blocks: BlockRange[]): SentenceOption[] {
	return blocks.flatMap((block, index) => {
		const body = text.slice(block.start, block.end);
		const ends = block.kind === 'heading' ? [body.length] : sentenceEnds(body);
		const options: SentenceOption[] = [];
		let from = 0;
		for (const to of ends) {
			let start = block.start + from;
			let end = block.start + to;
			while (start < end && /\s/.test(text[start])) start++;
			while (end > start && /\s/.test(text[end - 1])) end--;
			if (start < end) options.push({ block: index, start, end, words: text.slice(start, end) });
			from = to;
		}
		return options;
	});
}
