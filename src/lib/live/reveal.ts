/**
 * How the class's answers to one question are drawn for the teacher's screens: the bars of
 * the distribution (with their numbers, so colour is never the only signal), the passage
 * as runs of words shaded by how many students selected them, and how the projector may
 * name a student. Plain TypeScript over counts: names of who chose what never enter.
 */
import type { Span } from '$lib/quiz/scoring';
import type { Tally, WordHeat } from './tally';

/** One bar of the distribution: an option, how many chose it, and whether it is right. */
export interface DistributionBar {
	label: string;
	count: number;
	/** Of the students who answered, as a whole percentage (0 when nobody has). */
	percent: number;
	correct: boolean;
}

/** The distribution's bars, in the options' order, with counts from `t`. */
export function distribution(options: readonly { value: string; label: string; correct: boolean }[], t: Tally): DistributionBar[] {
	return options.map((o) => {
		const count = t.options[o.value] ?? 0;
		return { label: o.label, count, percent: t.answered === 0 ? 0 : Math.round((100 * count) / t.answered), correct: o.correct };
	});
}

/** Shading steps of the heat map: 0 (nobody) to 4 (the most-selected words). */
export const HEAT_LEVELS = 4;

/** A stretch of the passage whose words were selected by the same number of students. */
export interface HeatRun {
	text: string;
	count: number;
	/** 0–HEAT_LEVELS, relative to the most-selected word. */
	level: number;
	/** The run lies inside a key passage (the words that answer the question). */
	key: boolean;
}

/**
 * The passage `passage` of `text` as runs for the heat map: neighbouring words with the
 * same count (and the same key status) join into one run, with the spaces between them,
 * so each run can carry its count once, in text, beside its shading.
 */
export function heatRuns(text: string, passage: Span, words: readonly WordHeat[], keys: readonly Span[] = []): HeatRun[] {
	const max = Math.max(0, ...words.map((w) => w.count));
	const levelOf = (count: number) => (count === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((HEAT_LEVELS * count) / max)));
	const inKey = (w: Span) => keys.some((k) => k.start < w.end && w.start < k.end);
	const runs: HeatRun[] = [];
	let cursor = passage.start;
	const push = (run: HeatRun) => {
		const last = runs.at(-1);
		if (last && last.count === run.count && last.key === run.key) last.text += run.text;
		else runs.push(run);
	};
	for (const w of words) {
		// Spaces before a word belong to the run before it, unshaded when that run is.
		if (w.start > cursor) {
			const gap = text.slice(cursor, w.start);
			const last = runs.at(-1);
			if (last) last.text += gap;
			else push({ text: gap, count: 0, level: 0, key: false });
		}
		push({ text: text.slice(w.start, w.end), count: w.count, level: levelOf(w.count), key: inKey(w) });
		cursor = w.end;
	}
	if (cursor < passage.end) {
		const tail = text.slice(cursor, passage.end);
		const last = runs.at(-1);
		if (last) last.text += tail;
		else push({ text: tail, count: 0, level: 0, key: false });
	}
	return runs;
}

/** What the projector may show of a student's name: nothing, initials, or the name. */
export type ProjectorNames = 'none' | 'initials' | 'full';

/** "Ben Okafor" → "B. O."; a one-word name gives one initial. */
export function initials(name: string): string {
	return name
		.split(/[\s-]+/)
		.filter(Boolean)
		.map((part) => `${[...part][0].toLocaleUpperCase()}.`)
		.join(' ');
}

/** A student's name as the projector shows it under `mode`; null when names stay off the projector. */
export function projectorName(name: string, mode: ProjectorNames): string | null {
	if (mode === 'none') return null;
	return mode === 'initials' ? initials(name) : name;
}
