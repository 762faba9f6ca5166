/**
 * How the dashboards' figures read, the same on every page and in the CSV files: a statistic
 * or why there is none, the average certainty in words, and a chart's numbers in a sentence.
 */
import { m } from '$lib/paraglide/messages';
import { certaintyLabel } from '$lib/quiz/teacher-words';
import type { Stat } from './item-stats';
import { wholePercent } from './number-words';

/** A statistic's value as `format` writes it, or why there is none (`full`: with the detail in brackets). */
export function statWords(stat: Stat, format: (value: number) => string, full = false): string {
	if (stat.value !== null) return format(stat.value);
	return full ? stat.reason : stat.reason.replace(/\s*\(.*\)\.?$/, '').replace(/\.$/, '');
}

/** The average certainty, 1–3, with the nearest level's words: "2.4 (Fairly sure)"; a dash when not asked. */
export function certaintyWords(q: { averageCertainty: number | null; certaintyAsked: boolean }): string {
	if (!q.certaintyAsked || q.averageCertainty === null) return '–';
	const nearest = Math.min(3, Math.max(1, Math.round(q.averageCertainty))) as 1 | 2 | 3;
	return m.results_certainty({ average: q.averageCertainty.toFixed(1), words: certaintyLabel(nearest) });
}

/** A chart's numbers as one sentence, for screen readers: "A, Kelly: 3 (right answer); B, …". */
export function chartLabel(bars: readonly { label: string; count: number; correct: boolean | null }[]): string {
	return bars
		.map((b, i) => (b.correct ? m.results_chart_right : m.results_chart_bar)({ letter: String.fromCharCode(65 + (i % 26)), label: b.label, count: b.count }))
		.join('; ');
}

/** `text` between the language's quotation marks, unless it already opens with one (a claim that is itself a quote). */
export function inQuotes(text: string): string {
	return /^[“"‘'«]/.test(text) ? text : m.teach_quoted({ text });
}

/**
 * A claim's or a question's wrong answers in the dashboards' one form for a count and its
 * share, as accuracy is written ("1 of 3 right (33%)"): "1 of 2 answers wrong (50%)".
 */
export function wrongWords(rate: { wrong: number; answered: number; percent: number | null }): string {
	if (rate.percent === null) return m.results_rate_not_asked();
	const figures = { wrong: rate.wrong, answered: rate.answered, percent: wholePercent(rate.percent) };
	return rate.answered === 1 ? m.results_wrong_answers_one(figures) : m.results_wrong_answers_many(figures);
}
