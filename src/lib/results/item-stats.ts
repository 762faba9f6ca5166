/**
 * Item statistics for one assignment or live session, as Moodle's quiz statistics report
 * computes them, and the two figures every results page keeps apart: accuracy (how many
 * right) and the certainty-based score (which can be negative).
 *
 * - Facility: the mean fraction of the marks students got on the question (0 to 1). High
 *   means easy.
 * - Discrimination: the correlation (Pearson) between the question's score and the score on
 *   the rest of the quiz, over the attempts that answered it. High means the students who
 *   did well overall got it right and the others did not; near zero or negative means the
 *   question does not separate them (or is misleading).
 *
 * Accuracy itself is defined once, in ./accuracy.
 *
 * Scores here are fractions (0 to 1 per question), never certainty-based marks, so how sure a
 * student was does not change how hard a question looks. Plain TypeScript, unit-tested beside.
 */

import { m } from '$lib/paraglide/messages';
import { accuracyOfAnswers, awaitingAnswers, scoreRange, type Accuracy } from './accuracy';

/** Below this many graded answers, facility and discrimination say "not enough answers". */
export const MIN_ANSWERS = 5;

/** One attempt's fractions by question id (a question missing from it was not answered). */
export type AttemptScores = ReadonlyMap<string, number | null>;

/** A statistic, or why there is none. */
export type Stat = { value: number } | { value: null; reason: string };

const NOT_ENOUGH = (n: number): Stat => ({ value: null, reason: m.results_not_enough({ count: n, min: MIN_ANSWERS }) });

/**
 * The sums both statistics need over the graded answers to one question: x is the answer's
 * fraction, y the rest of its attempt (the attempt's other fractions summed; unanswered and
 * ungraded count 0). The database adds these up (question-queries), and `itemSums` here.
 */
export interface ItemSums {
	n: number;
	sx: number;
	sy: number;
	sxx: number;
	syy: number;
	sxy: number;
}

/** The sums for `questionId` over `attempts`, as the database query computes them. */
export function itemSums(questionId: string, attempts: readonly AttemptScores[]): ItemSums {
	const sums: ItemSums = { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 };
	for (const attempt of attempts) {
		const x = attempt.get(questionId);
		if (x === undefined || x === null) continue;
		let y = 0;
		for (const [q, f] of attempt) if (q !== questionId && f !== null) y += f;
		sums.n++;
		sums.sx += x;
		sums.sy += y;
		sums.sxx += x * x;
		sums.syy += y * y;
		sums.sxy += x * y;
	}
	return sums;
}

/** Moodle's facility index: the mean fraction over the graded answers to the question. */
export function facilityOf(s: ItemSums): Stat {
	if (s.n < MIN_ANSWERS) return NOT_ENOUGH(s.n);
	return { value: s.sx / s.n };
}

/** Pearson's correlation from the sums; null when x or y does not vary. */
function pearson(s: ItemSums): number | null {
	const vx = s.n * s.sxx - s.sx * s.sx;
	const vy = s.n * s.syy - s.sy * s.sy;
	// Rounding can leave a tiny non-zero spread where there is none.
	if (vx < 1e-9 || vy < 1e-9) return null;
	return (s.n * s.sxy - s.sx * s.sy) / Math.sqrt(vx * vy);
}

/**
 * Moodle's discrimination index: Pearson's correlation of the question's fraction with the
 * rest of the quiz, over the attempts with a graded answer to the question.
 */
export function discriminationOf(s: ItemSums): Stat {
	if (s.n < MIN_ANSWERS) return NOT_ENOUGH(s.n);
	const r = pearson(s);
	if (r === null) return { value: null, reason: m.results_all_same() };
	return { value: r };
}

/** Facility of `questionId` over the attempts' fractions. */
export function facility(questionId: string, attempts: readonly AttemptScores[]): Stat {
	return facilityOf(itemSums(questionId, attempts));
}

/** Discrimination of `questionId` over the attempts' fractions. */
export function discrimination(questionId: string, attempts: readonly AttemptScores[]): Stat {
	return discriminationOf(itemSums(questionId, attempts));
}

/** Pearson's correlation of two equally long lists; null when either does not vary. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
	if (xs.length === 0 || xs.length !== ys.length) return null;
	const s: ItemSums = { n: xs.length, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 };
	xs.forEach((x, i) => {
		const y = ys[i];
		s.sx += x;
		s.sy += y;
		s.sxx += x * x;
		s.syy += y * y;
		s.sxy += x * y;
	});
	return pearson(s);
}

/** One answer as the accuracy and the score count it. */
export interface ScoredAnswer {
	fraction: number | null;
	marks: number | null;
	/** The certainty given (1–3), or null when the question did not ask. */
	certainty: number | null;
}

/** Accuracy (as $lib/results/accuracy defines it) and the certainty-based score, kept apart. */
export interface AccuracyAndScore {
	accuracy: Accuracy;
	/** The sum of the marks (certainty-based where the question asks how sure). */
	score: number;
	/** The lowest and highest score possible on the questions accuracy counts (scoreRange). */
	min: number;
	max: number;
}

/**
 * Accuracy ("7 of 10 right (70%)") and the certainty-based score ("9, range −60 to 30") for
 * one attempt: `questions` are those it is counted on (whether each asks how sure), `answers`
 * the attempt's. The score is never shown as a fraction of the maximum, since it can be negative.
 */
export function accuracyAndScore(questions: readonly { certainty: boolean }[], answers: readonly ScoredAnswer[]): AccuracyAndScore {
	const { lowest: min, highest: max } = scoreRange(questions, awaitingAnswers(answers));
	const score = answers.reduce((sum, a) => sum + (a.marks ?? 0), 0);
	return { accuracy: accuracyOfAnswers(questions.length, answers), score: Math.round(score * 100) / 100, min, max };
}

/** A signed number with a true minus sign: "−6", "9", "2.5". */
export function signed(n: number): string {
	const rounded = Math.round(n * 100) / 100;
	return rounded < 0 ? `−${Math.abs(rounded)}` : String(rounded);
}

/** "Certainty-based score: 9 (range −60 to 30)". */
export function scoreText(a: Omit<AccuracyAndScore, 'accuracy'>): string {
	return m.results_score_text({ score: signed(a.score), min: signed(a.min), max: signed(a.max) });
}

/** A correlation to two places with a true minus sign: "−0.15", "0.60". */
export function twoPlaces(n: number): string {
	return `${n < 0 ? '−' : ''}${Math.abs(n).toFixed(2)}`;
}

/** A fraction 0–1 as a whole percentage, or a dash when missing. */
export function percent(value: number | null): string {
	return value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** What facility and discrimination mean, in one sentence each, for the pages. */
export const EXPLAIN = {
	// Getters, so each page reads them in its own language.
	get facility() {
		return m.results_explain_facility();
	},
	get discrimination() {
		return m.results_explain_discrimination();
	}
};
