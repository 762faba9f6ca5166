/**
 * How the annotation editor lays out an article's text: each block cut into runs at every
 * claim, note and chosen-words boundary, so the page can mark them while the text of each
 * block stays exactly text.slice(block.start, block.end) (the browser's selection offsets
 * then equal the anchoring module's), and the words of a sentence for narrowing it.
 */

/** A span of the text with what marks it. */
export interface MarkedSpan {
	key: string;
	start: number;
	end: number;
}

/** One run of a block's text and the claims and notes over it. */
export interface Run {
	start: number;
	end: number;
	claims: string[];
	notes: string[];
	chosen: boolean;
}

/** The runs of text[from, to): a new run starts wherever a claim, note or the chosen words start or end. */
export function runsOf(from: number, to: number, claims: MarkedSpan[], notes: MarkedSpan[], chosen: { start: number; end: number } | null): Run[] {
	const cuts = new Set([from, to]);
	for (const s of [...claims, ...notes, ...(chosen ? [chosen] : [])]) {
		if (s.start > from && s.start < to) cuts.add(s.start);
		if (s.end > from && s.end < to) cuts.add(s.end);
	}
	const points = [...cuts].sort((a, b) => a - b);
	const runs: Run[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const [start, end] = [points[i], points[i + 1]];
		const over = (s: { start: number; end: number }) => s.start < end && s.end > start;
		runs.push({ start, end, claims: claims.filter(over).map((c) => c.key), notes: notes.filter(over).map((n) => n.key), chosen: !!chosen && over(chosen) });
	}
	return runs;
}

/** The words (runs of non-space, punctuation kept) of text[from, to), each with its offsets, for the keyboard path's first and last word. */
export function wordsOf(text: string, from: number, to: number): { start: number; end: number; word: string }[] {
	return [...text.slice(from, to).matchAll(/\S+/g)].map((m) => ({ start: from + m.index!, end: from + m.index! + m[0].length, word: m[0] }));
}
