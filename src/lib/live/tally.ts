/**
 * What the class answered to one question, added up for the projector and the results:
 * how many chose each option, how many were right, and how many were confidently wrong
 * (very sure and wrong: the misreadings most worth discussing); for find-the-evidence,
 * how many selections covered each word of the passage. Names never enter: only counts.
 * Plain TypeScript over stored answers, so the same sums serve live and saved results.
 */
import type { Answer, Certainty, Span } from '$lib/quiz/scoring';

/** One student's answer as stored: what they chose, how right it was, how sure they were. */
export interface TalliedResponse {
	answer: Answer;
	/** 0 to 1; null while a written answer waits for the teacher. */
	fraction: number | null;
	certainty: Certainty | null;
}

export interface Tally {
	answered: number;
	/** Fully right (fraction 1). */
	right: number;
	/** Not right at all, at the highest certainty. */
	confidentlyWrong: number;
	/** Each option's value → how many chose it (every option listed, chosen or not). */
	options: Record<string, number>;
}

/** Sums `responses` to one question whose options are `optionValues` (none for spans and text). */
export function tally(optionValues: readonly string[], responses: readonly TalliedResponse[]): Tally {
	const options: Record<string, number> = Object.fromEntries(optionValues.map((v) => [v, 0]));
	let right = 0;
	let confidentlyWrong = 0;
	for (const r of responses) {
		const chosen = r.answer.type === 'choice' ? [r.answer.value] : r.answer.type === 'choices' ? r.answer.values : [];
		for (const value of new Set(chosen)) if (value in options) options[value]++;
		if (r.fraction === 1) right++;
		if (r.fraction === 0 && r.certainty === 3) confidentlyWrong++;
	}
	return { answered: responses.length, right, confidentlyWrong, options };
}

/** The share right, as a whole percentage; null when nobody has answered. */
export function percentRight(t: Tally): number | null {
	return t.answered === 0 ? null : Math.round((100 * t.right) / t.answered);
}

/** A word of the passage and how many selections covered any of it. */
export interface WordHeat extends Span {
	count: number;
}

/**
 * How many of `selections` cover each word of `text` inside `passage` (positions index
 * `text`). A selection counts once per word it touches, however much of the word.
 */
export function wordHeat(text: string, passage: Span, selections: readonly Span[]): WordHeat[] {
	const words: WordHeat[] = [];
	const pattern = /\S+/g;
	const slice = text.slice(passage.start, passage.end);
	for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
		words.push({ start: passage.start + m.index, end: passage.start + m.index + m[0].length, count: 0 });
	}
	// Sorted by start, each selection only needs the words from its first overlap on.
	const sorted = [...selections].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
	for (const s of sorted) {
		let lo = 0;
		let hi = words.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (words[mid].end <= s.start) lo = mid + 1;
			else hi = mid;
		}
		for (let i = lo; i < words.length && words[i].start < s.end; i++) words[i].count++;
	}
	return words;
}
