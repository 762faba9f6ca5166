/**
 * The labels of labels.ts as the teacher's pages say them, in the page's language: an
 * assignment's attempts and when its feedback shows ("feedback after …"), a verdict's words
 * and the certainty scale. labels.ts keeps the English that stored data and CSV files use.
 */
import { m } from '$lib/paraglide/messages';
import { verdict } from './labels';

/** "1 attempt", "3 attempts". */
export function attemptsWords(count: number): string {
	return count === 1 ? m.teach_attempts_one() : m.teach_attempts_many({ count });
}

const TIMING: Record<string, () => string> = {
	'each-question': m.teach_timing_each,
	'after-submit': m.teach_timing_submit,
	'after-close': m.teach_timing_close
};

/** When an assignment's feedback shows, to follow "feedback": "after each question"; the stored value when unknown. */
export function feedbackTimingWords(mode: string): string {
	return Object.hasOwn(TIMING, mode) ? TIMING[mode]() : mode;
}

const VERDICT: Record<string, () => string> = { '✓': m.verdict_right, '✗': m.verdict_not_right, '◐': m.verdict_partly };

/** A scored answer's verdict with its words in the page's language; null while it waits for the teacher. */
export function verdictWords(fraction: number | null): { symbol: string; words: string } | null {
	const v = verdict(fraction);
	return v && { symbol: v.symbol, words: VERDICT[v.symbol]() };
}

const CERTAINTY: Record<number, () => string> = { 1: m.certainty_1, 2: m.certainty_2, 3: m.certainty_3 };

/** A certainty level's words (1 not sure, 2 fairly sure, 3 very sure); the number itself when unknown. */
export function certaintyLabel(level: number): string {
	return Object.hasOwn(CERTAINTY, level) ? CERTAINTY[level]() : String(level);
}
