/**
 * Cuts each block of the article into pieces at every claim and note boundary, so the
 * page can wrap each claim in one element and mark the words each note points at,
 * whatever way the spans nest or overlap.
 */
import type { BlockView, Piece } from './types';

export interface Span {
	key: string;
	start: number;
	end: number;
}

/** Splits blocks into pieces; claims must not overlap each other, notes may overlap anything. */
export function segmentBlocks(
	text: string,
	blocks: { kind: 'heading' | 'paragraph'; start: number; end: number }[],
	claims: Span[],
	notes: Span[]
): BlockView[] {
	return blocks.map((block) => {
		const cuts = new Set([block.start, block.end]);
		for (const span of [...claims, ...notes]) {
			if (span.start > block.start && span.start < block.end) cuts.add(span.start);
			if (span.end > block.start && span.end < block.end) cuts.add(span.end);
		}
		const points = [...cuts].sort((a, b) => a - b);
		const pieces: Piece[] = [];
		for (let i = 0; i < points.length - 1; i++) {
			const [from, to] = [points[i], points[i + 1]];
			const covers = (s: Span) => s.start <= from && s.end >= to;
			const piece: Piece = {
				text: text.slice(from, to),
				claim: claims.find(covers)?.key ?? null,
				notes: notes.filter(covers).map((n) => n.key),
				endsNotes: notes.filter((n) => n.end === to).map((n) => n.key)
			};
			const last = pieces.at(-1);
			// Merge neighbours that carry the same marks, to keep the markup small. A note
			// cannot end inside such a run, since the next piece is still covered by it.
			if (last && last.claim === piece.claim && last.notes.join() === piece.notes.join()) {
				last.text += piece.text;
				last.endsNotes = piece.endsNotes;
			} else pieces.push(piece);
		}
		return { kind: block.kind, start: block.start, end: block.end, pieces };
	});
}

/** Groups a block's pieces into runs that share a claim, for one wrapper element per claim. */
export function groupByClaim(pieces: Piece[]): { claim: string | null; pieces: Piece[] }[] {
	const groups: { claim: string | null; pieces: Piece[] }[] = [];
	for (const piece of pieces) {
		const last = groups.at(-1);
		if (last && last.claim === piece.claim) last.pieces.push(piece);
		else groups.push({ claim: piece.claim, pieces: [piece] });
	}
	return groups;
}

/** The notes whose marks (S1, F2 …) sit inside each claim's passage, in reading order, by claim key. */
export function marksByClaim(blocks: BlockView[]): Map<string, string[]> {
	const marks = new Map<string, string[]>();
	for (const piece of blocks.flatMap((b) => b.pieces)) {
		if (piece.claim && piece.endsNotes.length) marks.set(piece.claim, [...(marks.get(piece.claim) ?? []), ...piece.endsNotes]);
	}
	return marks;
}
