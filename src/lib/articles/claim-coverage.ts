/**
 * The claim-coverage rule: claims must not overlap, and together they must cover every
 * word of the article (the kit promises students that every claim is marked, not a
 * sample). One home for the rule, so the content-pack loader and the teacher's editor
 * judge a text the same way. It reports problems with their positions, never throws:
 * the loader stops at the first, the editor shows them all beside the text.
 */

/** A claim's span in the text: `start` inclusive, `end` exclusive. */
export interface ClaimSpan {
	key: string;
	start: number;
	end: number;
}

/** One way the claims fail the rule, with the span of text it is about. */
export type CoverageProblem =
	| { kind: 'overlap'; claim: string; other: string; start: number; end: number; message: string }
	| { kind: 'uncovered'; start: number; end: number; message: string }
	| { kind: 'out-of-range'; claim: string; start: number; end: number; message: string };

/** The words between `from` and `to`, without the spaces and line breaks around them, as a span. */
function wordsBetween(text: string, from: number, to: number): { start: number; end: number; words: string } | null {
	const slice = text.slice(from, to);
	const words = slice.trim();
	if (words === '') return null;
	const start = from + (slice.length - slice.trimStart().length);
	return { start, end: start + words.length, words };
}

/** Shortens long uncovered passages for a message; the positions still give the whole span. */
function shown(words: string): string {
	return words.length > 120 ? `${words.slice(0, 117)}…` : words;
}

/**
 * Every problem with how `claims` cover `text`, in text order: each overlap (naming both
 * claims), each run of words no claim covers, and each span outside the text. An empty
 * list means the claims pass. Whitespace between claims needs no claim.
 */
export function claimCoverageProblems(text: string, claims: readonly ClaimSpan[]): CoverageProblem[] {
	const problems: CoverageProblem[] = [];
	const inRange = claims.filter((c) => {
		const ok = Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.start < c.end && c.end <= text.length;
		if (!ok) problems.push({ kind: 'out-of-range', claim: c.key, start: c.start, end: c.end, message: `claim "${c.key}" is not a span of the text` });
		return ok;
	});
	const sorted = [...inRange].sort((a, b) => a.start - b.start || a.end - b.end);
	let covered = 0;
	let coveredBy: ClaimSpan | null = null;
	for (const claim of sorted) {
		if (coveredBy && claim.start < covered) {
			problems.push({
				kind: 'overlap',
				claim: claim.key,
				other: coveredBy.key,
				start: claim.start,
				end: Math.min(covered, claim.end),
				message: `claim "${claim.key}" overlaps the claim before it ("${coveredBy.key}")`
			});
		} else {
			const gap = wordsBetween(text, covered, claim.start);
			if (gap) problems.push({ kind: 'uncovered', start: gap.start, end: gap.end, message: `no claim covers "${shown(gap.words)}"` });
		}
		if (claim.end > covered) {
			covered = claim.end;
			coveredBy = claim;
		}
	}
	const tail = wordsBetween(text, covered, text.length);
	if (tail) problems.push({ kind: 'uncovered', start: tail.start, end: tail.end, message: `no claim covers "${shown(tail.words)}"` });
	return problems;
}

/**
 * Claims already placed, kept sorted by start, for checking many new claims one at a time
 * (an annotation import of thousands): a binary search finds the only two neighbours a new
 * span can overlap, instead of running the whole rule over every claim for each one. The
 * overlap it finds is the rule's (spans share a character). It assumes the claims it
 * starts with do not overlap one another, which the rule guarantees for stored claims, and
 * `add` keeps that true: callers add only a span `overlapping` passed.
 */
export class ClaimSpanIndex {
	#spans: ClaimSpan[];

	constructor(spans: readonly ClaimSpan[] = []) {
		this.#spans = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
	}

	/** Where a span starting at `start` goes: the first claim that starts at or after it. */
	#slot(start: number): number {
		let lo = 0;
		let hi = this.#spans.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.#spans[mid].start < start) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** The claim `span` would overlap, or null. */
	overlapping(span: ClaimSpan): ClaimSpan | null {
		const at = this.#slot(span.start);
		const before = this.#spans[at - 1];
		if (before && before.end > span.start) return before;
		const after = this.#spans[at];
		if (after && after.start < span.end) return after;
		return null;
	}

	/** Adds a claim that overlaps none (see `overlapping`). */
	add(span: ClaimSpan): void {
		this.#spans.splice(this.#slot(span.start), 0, span);
	}
}
