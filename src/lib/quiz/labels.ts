/**
 * How quiz results and settings read to people, in one place for every page: the
 * certainty scale, the verdict on a scored answer (symbol and words, so colour is never
 * the only signal), and when each feedback setting shows answers.
 */
import type { Certainty } from './scoring';

/** The certainty scale, indexed by level (1–3). */
export const CERTAINTY_LABELS: Record<Certainty, string> = { 1: 'Not sure', 2: 'Fairly sure', 3: 'Very sure' };

/** A scored answer's verdict: ✓ right, ◐ partly right, ✗ not right; null while it waits for the teacher. */
export function verdict(fraction: number | null): { symbol: string; words: string } | null {
	if (fraction === null) return null;
	if (fraction === 1) return { symbol: '✓', words: 'Right' };
	if (fraction === 0) return { symbol: '✗', words: 'Not right' };
	return { symbol: '◐', words: 'Partly right' };
}

/** When an assignment's feedback shows, as the teacher's pages say it ("feedback after …"). */
export const FEEDBACK_TIMING: Record<string, string> = {
	'each-question': 'after each question',
	'after-submit': 'after they submit',
	'after-close': 'after the assignment closes'
};
