/**
 * Re-anchoring: when a teacher edits an article's text, every claim and note is placed
 * again in the new version. The diff between the versions is trusted first, the reader's
 * fuzzy quote match second, and only what the diff vouches for is attached without asking.
 *
 * Confidence (0–1) is words × place:
 * - words is 1 when the words found equal the stored quote (ignoring how whitespace runs);
 *   for changed words it is 0.75 × their similarity to the quote (1 − edits / length), so
 *   at most 0.75. Changed words always need the teacher: a claim's check against the
 *   original may no longer hold.
 * - place is 1 when the diff carried the annotation's characters to that spot, or when the
 *   whole run of text they stood in (at least three words: a sentence, a paragraph) was
 *   deleted there and inserted here unchanged, the words at the same offset (a move).
 *   A spot found only by the quote search gets 0.75 × how well the 32 characters either
 *   side still fit, so at most 0.75: the same words can stand in a repeated or pasted
 *   sentence. A moved passage that now stands in two places gets 0.75.
 * ATTACH_THRESHOLD (0.8) lies above both ceilings, so an annotation is attached silently
 * only when its exact words are where the diff says they went. Below it the best
 * candidate goes to the teacher to confirm or retarget. Below OFFER_FLOOR (0.2) there is
 * none worth showing and the annotation is an orphan, shown with its old words: for a
 * match found by the quote search that means under about a quarter of its surroundings
 * fit, which is what unrelated text scores (on the shipped article, 32-character windows
 * from unrelated places score 0.03 at the median and 0.22 at the 90th percentile).
 */
import { describe, exactCandidates, quoteCandidates, similarity, type QuoteCandidate, type Selectors } from './anchoring';
import { deletedRun, diffVersions, insertedRun, insertedShare, mapSpan, type VersionDiff } from './diff-map';

/** A claim's or note's place in the old version, as stored (W3C position and quote selectors). */
export interface Anchor {
	id: string;
	start: number;
	end: number;
	exact: string;
	prefix: string;
	suffix: string;
}

/** Confidence at or above which an annotation is attached without asking the teacher. */
export const ATTACH_THRESHOLD = 0.8;
/** Confidence below which a candidate is not worth offering: the annotation is an orphan. */
export const OFFER_FLOOR = 0.2;
/** Ceiling for changed words and for places found only by the quote search (see above). */
const UNSURE = 0.75;
/** The fewest words a deleted-and-inserted run must have to count as a moved passage. */
const MOVED_MIN_WORDS = 3;

/** The outcome for one annotation in the new version. */
export type Reanchored =
	| {
			id: string;
			status: 'exact';
			/** diff: the diff carried the words over; moved: their whole block moved unchanged. */
			method: 'diff' | 'moved';
			start: number;
			end: number;
			confidence: number;
			/** Fresh selectors for the new version, to store. */
			selectors: Selectors;
	  }
	| {
			id: string;
			status: 'confirm';
			/** in-place: the words where the annotation stood were edited; elsewhere: a match elsewhere. */
			method: 'in-place' | 'elsewhere';
			start: number;
			end: number;
			confidence: number;
			/** Selectors of the candidate, to store if the teacher confirms it. */
			selectors: Selectors;
			oldWords: string;
			reason: string;
	  }
	| { id: string; status: 'orphan'; confidence: number; oldWords: string; reason: string };

/** Places every anchor of `oldText` in `newText`; results come in the anchors' order. */
export function reanchor(oldText: string, newText: string, anchors: Anchor[]): Reanchored[] {
	const diff = diffVersions(oldText, newText);
	return anchors.map((a) => reanchorOne(diff, a));
}

/** Words compared as a reader sees them: runs of whitespace count as one space. */
export function sameWords(a: string, b: string): boolean {
	return normalise(a) === normalise(b);
}

function normalise(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** Places one anchor, given the diff of the two versions. */
export function reanchorOne(diff: VersionDiff, a: Anchor): Reanchored {
	const { oldText, newText } = diff;
	const oldWords = a.exact;
	if (normalise(a.exact) === '') {
		return { id: a.id, status: 'orphan', confidence: 0, oldWords, reason: 'The annotation has no words to look for.' };
	}
	const attach = (method: 'diff' | 'moved', start: number, end: number): Reanchored => ({
		id: a.id,
		status: 'exact',
		method,
		start,
		end,
		confidence: 1,
		selectors: describe(newText, start, end)
	});

	// The stored position is only evidence when it still points at the quote in the old text
	// (an imported annotation may carry positions from another copy of the text).
	const trusted = a.start >= 0 && a.end <= oldText.length && oldText.slice(a.start, a.end) === a.exact;
	const mapped = trusted ? mapSpan(diff, a.start, a.end) : null;
	if (mapped && mapped.end > mapped.start && sameWords(newText.slice(mapped.start, mapped.end), a.exact)) {
		return attach('diff', mapped.start, mapped.end);
	}

	const quote = { type: 'TextQuoteSelector' as const, exact: a.exact, prefix: a.prefix, suffix: a.suffix };
	const expected = mapped ? mapped.start : Math.min(Math.max(0, a.start), newText.length);
	// Exact occurrences first: they are cheap, and a moved passage keeps its words exactly.
	const exact = exactCandidates(newText, quote, expected);

	// Only when nothing stands where the words were: words replaced in place are an edit,
	// and a pasted copy of the old sentence elsewhere must not win over that.
	const fits = trusted && mapped && mapped.end === mapped.start ? movedWith(diff, a, exact) : [];
	if (fits.length === 1) return attach('moved', fits[0].start, fits[0].end);

	const offer = (method: 'in-place' | 'elsewhere', start: number, end: number, confidence: number, reason: string): Reanchored =>
		confidence < OFFER_FLOOR
			? { id: a.id, status: 'orphan', confidence, oldWords, reason: 'The words are no longer in the text.' }
			: { id: a.id, status: 'confirm', method, start, end, confidence, selectors: describe(newText, start, end), oldWords, reason };

	// Something now stands where the words were: they were edited in place. A copy of the
	// old words elsewhere is not trusted over that (it may be a pasted or repeated sentence).
	if (mapped && mapped.end > mapped.start) {
		// The diff's span, not the quote search's: the search may stop short of words that
		// were added inside the quote, where the diff knows what replaced what.
		const words = newText.slice(mapped.start, mapped.end);
		const score = UNSURE * similarity(normalise(words), normalise(a.exact));
		return offer('in-place', mapped.start, mapped.end, score, 'The words here were edited: check that the annotation still fits them.');
	}

	// The words' place is gone (deleted or moved). Text the old version already had elsewhere
	// was another passage then, so only new text can be where these words went.
	if (fits.length > 1) {
		// The moved passage now stands in more than one place: the teacher chooses.
		return offer('elsewhere', fits[0].start, fits[0].end, UNSURE, 'The passage now appears more than once: check which is the annotation’s.');
	}
	const isNew = (c: QuoteCandidate) => !trusted || insertedShare(diff, c.start, c.end) >= 0.5;
	// The fuzzy search only when no exact occurrence is in new text: it costs far more.
	const best = exact.find(isNew) ?? quoteCandidates(newText, quote, expected).find(isNew);
	if (!best) {
		return { id: a.id, status: 'orphan', confidence: 0, oldWords, reason: 'The words are no longer in the text.' };
	}
	const confidence = wordsScore(newText, best, a.exact) * UNSURE * contextScore(best, a);
	return offer('elsewhere', best.start, best.end, confidence, 'The words were found elsewhere: check that it is the same passage.');
}

/** The words part of the confidence (see the module comment). */
function wordsScore(text: string, c: QuoteCandidate, exact: string): number {
	return sameWords(text.slice(c.start, c.end), exact) ? 1 : UNSURE * c.quoteScore;
}

/** How well the stored prefix and suffix fit around the candidate, weighted by their lengths. */
function contextScore(c: QuoteCandidate, a: Anchor): number {
	const total = a.prefix.length + a.suffix.length;
	if (total === 0) return 1;
	return (c.prefixScore * a.prefix.length + c.suffixScore * a.suffix.length) / total;
}

/**
 * Candidates that moved with their passage: every character of the annotation was deleted,
 * and within its line (its paragraph) the deleted stretch holding it, at least three words
 * long, was inserted unchanged inside a line elsewhere, with the words at the same offset.
 * Line by line, so paragraphs moved together, apart or in a new order all count. More than
 * one fit means the passage was also pasted again: unclear.
 */
function movedWith(diff: VersionDiff, a: Anchor, candidates: QuoteCandidate[]): QuoteCandidate[] {
	const run = deletedRun(diff, a.start, a.end);
	if (!run) return [];
	const from = trimmed(diff.oldText, withinLine(diff.oldText, run, a.start));
	// A word or two deleted here and typed there is no evidence that a passage moved.
	if (from.text.split(/\s+/).length < MOVED_MIN_WORDS) return [];
	return candidates.filter((c) => {
		if (!sameWords(diff.newText.slice(c.start, c.end), a.exact)) return false;
		const inserted = insertedRun(diff, c.start, c.end);
		if (!inserted) return false;
		const to = trimmed(diff.newText, withinLine(diff.newText, inserted, c.start));
		return to.text === from.text && c.start - to.start === a.start - from.start;
	});
}

/** The part of `run` on the same line as offset `at`. */
function withinLine(text: string, run: { start: number; end: number }, at: number) {
	const lineStart = text.lastIndexOf('\n', at - 1) + 1;
	const lineEnd = text.indexOf('\n', at);
	return { start: Math.max(run.start, lineStart), end: Math.min(run.end, lineEnd === -1 ? text.length : lineEnd) };
}

/** A run without the whitespace at its edges (a moved paragraph may take its line break from either side). */
function trimmed(text: string, run: { start: number; end: number }) {
	let { start, end } = run;
	while (start < end && /\s/.test(text[start])) start++;
	while (end > start && /\s/.test(text[end - 1])) end--;
	return { start, text: text.slice(start, end) };
}
