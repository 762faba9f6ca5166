/**
 * Anchoring: turning a stretch of text into W3C selectors, and finding that stretch
 * again in a text that may since have been edited. Modelled on the approach of the
 * Hypothesis client: try the stored position first and confirm it against the quote,
 * then fall back to a fuzzy search for the quote scored on quote, prefix, suffix and
 * position. What cannot be placed is an orphan, reported rather than dropped.
 */
import search from 'approx-string-match';

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
	type: 'TextQuoteSelector';
	exact: string;
	prefix: string;
	suffix: string;
}

/** W3C Web Annotation TextPositionSelector: offsets into the plain text, end exclusive. */
export interface TextPositionSelector {
	type: 'TextPositionSelector';
	start: number;
	end: number;
}

export interface Selectors {
	quote: TextQuoteSelector;
	position: TextPositionSelector;
}

export type AnchorResult =
	| { status: 'exact' | 'fuzzy'; start: number; end: number }
	| { status: 'orphan'; reason: string };

/** How many characters of context a quote selector keeps on each side. */
export const CONTEXT_CHARS = 32;

/** Describes text[start, end) with both selector types, so either can find it again. */
export function describe(text: string, start: number, end: number): Selectors {
	if (start < 0 || end > text.length || start >= end) {
		throw new RangeError(`Cannot describe ${start}–${end} in a text of ${text.length} characters`);
	}
	return {
		quote: {
			type: 'TextQuoteSelector',
			exact: text.slice(start, end),
			prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
			suffix: text.slice(end, end + CONTEXT_CHARS)
		},
		position: { type: 'TextPositionSelector', start, end }
	};
}

/** Start offsets of every exact occurrence of `quote` in `text`. */
export function occurrences(text: string, quote: string): number[] {
	const found: number[] = [];
	for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
	return found;
}

/** 1 when `a` and `b` match exactly, falling towards 0 as edits pile up. */
export function similarity(a: string, b: string): number {
	if (a.length === 0 && b.length === 0) return 1;
	if (a.length === 0 || b.length === 0) return 0;
	// search() finds `b` inside `a`, listing matches by position, not by quality: take the
	// closest. A length mismatch is also an edit.
	const errors = Math.min(b.length, ...search(a, b, b.length).map((m) => m.errors + Math.max(0, a.length - (m.end - m.start))));
	return Math.max(0, 1 - errors / Math.max(a.length, b.length));
}

/** A place where a quote's words may now be, with how well each part fits. */
export interface QuoteCandidate {
	start: number;
	end: number;
	/** Edits (insertions, deletions, substitutions) between the quote and text[start, end). */
	errors: number;
	/** 1 − errors / quote length. */
	quoteScore: number;
	prefixScore: number;
	suffixScore: number;
	/** The ranking score: quote first, then its surroundings, then nearness to `expectedStart`. */
	score: number;
}

/**
 * Every place `quote.exact` occurs in `text` with at most a quarter of it changed, best
 * first. This is the reader's fuzzy matcher, shared with re-anchoring between versions.
 */
export function quoteCandidates(text: string, quote: TextQuoteSelector, expectedStart: number): QuoteCandidate[] {
	if (quote.exact.length === 0) return [];
	// Allow up to a quarter of the quote to differ; beyond that it is a different passage.
	const maxErrors = Math.min(256, Math.floor(quote.exact.length / 4));
	return rankCandidates(text, quote, expectedStart, search(text, quote.exact, maxErrors));
}

/** Every exact occurrence of `quote.exact`, scored and ranked as quoteCandidates does (and much cheaper). */
export function exactCandidates(text: string, quote: TextQuoteSelector, expectedStart: number): QuoteCandidate[] {
	if (quote.exact.length === 0) return [];
	const found = occurrences(text, quote.exact).map((start) => ({ start, end: start + quote.exact.length, errors: 0 }));
	return rankCandidates(text, quote, expectedStart, found);
}

/** `found` scored on the quote, its prefix and suffix and the distance from `expectedStart`, best first. */
export function rankCandidates(text: string, quote: TextQuoteSelector, expectedStart: number, found: { start: number; end: number; errors: number }[]) {
	return found
		.map((c) => {
			const quoteScore = 1 - c.errors / quote.exact.length;
			const prefixScore = similarity(text.slice(Math.max(0, c.start - quote.prefix.length), c.start), quote.prefix);
			const suffixScore = similarity(text.slice(c.end, c.end + quote.suffix.length), quote.suffix);
			const distance = Math.abs(c.start - expectedStart) / Math.max(1, text.length);
			// Weights follow the order of trust: the words themselves, then their surroundings,
			// then where they used to be (only a tie-breaker).
			const score = 50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * (1 - distance);
			return { start: c.start, end: c.end, errors: c.errors, quoteScore, prefixScore, suffixScore, score };
		})
		.sort((a, b) => b.score - a.score || a.start - b.start);
}

/**
 * Finds the span that `selectors` describe in `text`.
 * Position first (if its text still equals the quote), then the best fuzzy match of
 * the quote; an orphan when no candidate is close enough.
 */
export function anchor(text: string, selectors: Selectors): AnchorResult {
	const { quote, position } = selectors;
	if (text.slice(position.start, position.end) === quote.exact) {
		return { status: 'exact', start: position.start, end: position.end };
	}
	if (quote.exact.length === 0) return { status: 'orphan', reason: 'The quote is empty.' };
	const [best] = quoteCandidates(text, quote, position.start);
	if (!best) return { status: 'orphan', reason: 'The quoted words are no longer in the text.' };
	return { status: 'fuzzy', start: best.start, end: best.end };
}
