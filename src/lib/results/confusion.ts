/**
 * The attribution confusion matrices: for who-said-it questions the true speaker against
 * the speaker chosen, for whose-voice questions the true form against the form chosen,
 * summed over every question about a claim (or a set of claims). The database hands over
 * counts already grouped by truth and choice; this module arranges them into tables, names
 * the most common misreadings in plain words, and grades a claim's error rate for the
 * passage view. Plain TypeScript over counts: no names of students ever enter.
 */
import { ATTRIBUTION_FORMS, NO_ONE_NAMED, type AttributionForm } from '$lib/articles/vocabulary';
import { m } from '$lib/paraglide/messages';
import { wholePercent } from './number-words';

/** Which matrix: speakers (who said it) or attribution forms (whose voice). */
export type MatrixKind = 'speaker' | 'form';

/** How many answers with this true value chose that value. */
export interface ConfusionCount {
	truth: string;
	chosen: string;
	count: number;
}

/** A confusion matrix: `counts[i][j]` answers whose truth was `rows[i]` chose `columns[j]`. */
export interface ConfusionMatrix {
	kind: MatrixKind;
	rows: string[];
	columns: string[];
	counts: number[][];
	rowTotals: number[];
	columnTotals: number[];
	total: number;
	/** Answers on the diagonal: the choice was the truth. */
	right: number;
}

/**
 * Arranges `counts` as a matrix. Rows and columns follow `order` (values not in it come
 * after, alphabetically); a column is kept for every row value too, so the diagonal is
 * always there to read even when nobody chose the right answer.
 */
export function confusionMatrix(kind: MatrixKind, counts: readonly ConfusionCount[], order: readonly string[] = kind === 'form' ? ATTRIBUTION_FORMS : []): ConfusionMatrix {
	const rank = (v: string) => {
		const i = order.indexOf(v);
		return i === -1 ? order.length : i;
	};
	const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
	const live = counts.filter((c) => c.count > 0);
	const rows = sorted(live.map((c) => c.truth));
	const columns = sorted([...rows, ...live.map((c) => c.chosen)]);
	const table = rows.map(() => columns.map(() => 0));
	for (const c of live) table[rows.indexOf(c.truth)][columns.indexOf(c.chosen)] += c.count;
	const rowTotals = table.map((r) => r.reduce((a, b) => a + b, 0));
	const columnTotals = columns.map((_, j) => table.reduce((sum, r) => sum + r[j], 0));
	const right = rows.reduce((sum, truth, i) => sum + table[i][columns.indexOf(truth)], 0);
	return { kind, rows, columns, counts: table, rowTotals, columnTotals, total: rowTotals.reduce((a, b) => a + b, 0), right };
}

/** One kind of misreading: `count` of the `of` answers whose truth was `truth` chose `chosen`. */
export interface Misreading {
	kind: MatrixKind;
	truth: string;
	chosen: string;
	count: number;
	of: number;
	/** In words, e.g. "9 of 24 took the writer's own sentence for Anna Kelly's words". */
	text: string;
}

/** Plain words for a form, as the thing a student mistook (left) or took it for (right). */
const FORM_WORDS: Record<AttributionForm, () => string> = {
	'direct-quote': m.results_mis_direct_quote,
	paraphrase: m.results_mis_paraphrase,
	vague: m.results_mis_vague,
	writer: m.results_mis_writer_sentence,
	headline: m.results_mis_headline
};

/** A name in the possessive: "Anna Kelly's", "the Heritage Foundation's", "Reyes'". */
export const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

/** What a value means in a misreading sentence; `name` gives a speaker key's display name. */
function words(kind: MatrixKind, value: string, side: 'truth' | 'chosen', name: (speakerKey: string) => string): string {
	if (kind === 'form') return Object.hasOwn(FORM_WORDS, value) ? FORM_WORDS[value as AttributionForm]() : value;
	if (value === 'writer') return side === 'truth' ? m.results_mis_writer_sentence() : m.results_mis_writer_words();
	if (value === NO_ONE_NAMED) return m.results_mis_unnamed();
	// English puts a lone apostrophe after a final s ("Reyes' words"); Spanish says "palabras de Reyes".
	const speaker = name(value);
	return /s$/i.test(speaker) ? m.results_mis_words_of_s({ name: speaker }) : m.results_mis_words_of({ name: speaker });
}

/**
 * The off-diagonal cells of `matrix`, most common first (ties in the matrix's order), at
 * most `limit`, each in words: "9 of 24 took the writer's own sentence for Anna Kelly's words".
 */
export function misreadings(matrix: ConfusionMatrix, name: (speakerKey: string) => string = (k) => k, limit = 3): Misreading[] {
	const found: Misreading[] = [];
	matrix.rows.forEach((truth, i) =>
		matrix.columns.forEach((chosen, j) => {
			const count = matrix.counts[i][j];
			if (chosen === truth || count === 0) return;
			const of = matrix.rowTotals[i];
			const text = m.results_misreading({ count, of, truth: words(matrix.kind, truth, 'truth', name), chosen: words(matrix.kind, chosen, 'chosen', name) });
			found.push({ kind: matrix.kind, truth, chosen, count, of, text });
		})
	);
	// A stable sort keeps the matrix's own order among equal counts.
	return found.sort((a, b) => b.count - a.count || b.count / b.of - a.count / a.of).slice(0, limit);
}

/** The most common misreading across both matrices (by count, then share), or null when everyone read it right. */
export function topMisreading(matrices: readonly ConfusionMatrix[], name?: (speakerKey: string) => string): Misreading | null {
	const all = matrices.flatMap((m) => misreadings(m, name, 1));
	return all.sort((a, b) => b.count - a.count || b.count / b.of - a.count / a.of)[0] ?? null;
}

/** A claim's error rate: the share of scored answers about it that were not fully right. */
export interface ErrorRate {
	answered: number;
	wrong: number;
	/** Whole percent, or null when nobody answered a question about it. */
	percent: number | null;
	/** 0 (not asked) or 1–4, for the shading and the pattern: the higher, the more wrong. */
	level: number;
	/** In words, never colour alone: "41% wrong", "not asked". */
	label: string;
}

/** Shading steps of the passage: 1 (under 20% wrong) to 4 (60% or more). */
export const ERROR_LEVELS = 4;

/** The error rate of `wrong` out of `answered`, with its shading level and its words. */
export function errorRate(answered: number, wrong: number): ErrorRate {
	if (answered <= 0) return { answered: 0, wrong: 0, percent: null, level: 0, label: m.results_rate_not_asked() };
	const share = wrong / answered;
	const percent = Math.round(100 * share);
	const level = Math.min(ERROR_LEVELS, 1 + Math.floor(share * 5));
	return { answered, wrong, percent, level, label: m.results_rate_wrong({ percent: wholePercent(percent) }) };
}
