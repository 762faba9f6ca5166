/**
 * What the per-question dashboards show for one assignment or live session: the overview
 * (every question as a row with its figures and a small chart) and one question opened up
 * (how many chose each option, and who). Built from question-queries' aggregates; the
 * statistics come from $lib/results/item-stats. Callers have checked the teacher.
 */
import type { DatabaseHandle } from '../db/database';
import type { ReaderArticle } from '$lib/articles/types';
import { m } from '$lib/paraglide/messages';
import { certaintyLabel } from '$lib/quiz/teacher-words';
import { typeLabel } from '$lib/results/dashboard-labels';
import { discriminationOf, facilityOf, type ItemSums } from '$lib/results/item-stats';
import { accuracy } from '$lib/results/accuracy';
import { answerSummary, optionLabel } from '../quiz/question-views';
import { choiceCounts, evidenceNearMisses, itemSums, optionTally, questionAnswers, questionFigures, type CountedAttempts, type QuestionFigures } from './question-queries';

export type QuestionRow = DatabaseHandle['tables']['quizQuestions']['$inferSelect'];

/** One assignment or live session, as the dashboards need it. */
export interface DashboardScope extends CountedAttempts {
	/** The quiz's questions in order (a live session: only those it asked). */
	questions: (QuestionRow & { number?: number })[];
	article: ReaderArticle;
	/** The dashboard's address, e.g. /teach/results/assignment/abc. */
	base: string;
	/** Whether certainty was asked: a live session can turn it off for all its questions. */
	askCertainty?: boolean;
}

/** A bar of a chart: a label, how many, and whether it is (one of) the right answer(s). */
export interface Bar {
	label: string;
	count: number;
	correct: boolean | null;
	/** The option's value (for the list of who chose it), or a bucket name. */
	key: string;
}

const EMPTY: QuestionFigures = { questionId: '', answered: 0, right: 0, partly: 0, wrong: 0, awaiting: 0, certain: 0, certaintySum: 0, confidentlyWrong: 0 };
const NO_SUMS: ItemSums = { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 };

/** The claim a question is about, as a short quotation; null when it has none. */
function claimOf(q: QuestionRow, article: ReaderArticle) {
	const key = q.claimId?.split('/').pop();
	const claim = key ? article.claims.find((c) => c.key === key) : undefined;
	return claim ? { key: claim.key, number: claim.number, quote: claim.quote } : null;
}

/** Bars for a question from its counts: one per option, or right/partly/wrong, or graded/waiting. */
function barsFor(q: QuestionRow, article: ReaderArticle, figures: QuestionFigures, options: Map<string, number> | null, nearMisses: number | null): Bar[] {
	if (options) {
		return (q.options ?? []).map((o) => ({ key: o.value, label: optionLabel(q, o.value, article, o.label), count: options.get(o.value) ?? 0, correct: o.correct }));
	}
	if (q.type === 'short-answer') {
		return [
			{ key: 'graded', label: m.results_bar_graded(), count: figures.answered - figures.awaiting, correct: null },
			{ key: 'awaiting', label: m.results_bar_awaiting(), count: figures.awaiting, correct: null }
		];
	}
	// Find the evidence: right, near misses (overlapping a key passage, too little of it), wrong.
	const partly = nearMisses ?? 0;
	return [
		{ key: 'right', label: m.results_bar_right(), count: figures.right + figures.partly, correct: true },
		{ key: 'partly', label: m.results_bar_partly(), count: partly, correct: false },
		{ key: 'wrong', label: m.results_bar_wrong(), count: figures.wrong - partly, correct: false }
	];
}

/** Figures shared by the overview and the question page. */
function figuresView(q: QuestionRow, figures: QuestionFigures, sums: ItemSums) {
	// One question's accuracy, counted as an attempt's is ($lib/results/accuracy), over the answers given to it.
	const right = accuracy({ questions: figures.answered, right: figures.right, partly: figures.partly, awaiting: figures.awaiting });
	return {
		answered: figures.answered,
		right: figures.right,
		partly: figures.partly,
		awaiting: figures.awaiting,
		accuracy: right,
		/** Right of the graded answers, as a whole percentage; null when none is graded. */
		percentRight: right.percent,
		averageCertainty: figures.certain > 0 ? figures.certaintySum / figures.certain : null,
		certaintyAsked: q.certainty,
		confidentlyWrong: figures.confidentlyWrong,
		facility: facilityOf(sums),
		discrimination: discriminationOf(sums)
	};
}

/** Every question of the scope as a row: type, claim, figures, statistics and a small chart. */
export async function resultsOverview(handle: DatabaseHandle, scope: DashboardScope) {
	const [figures, counts, sums] = await Promise.all([questionFigures(handle, scope), choiceCounts(handle, scope), itemSums(handle, scope)]);
	return scope.questions.map((q, i) => {
		const f = figures.get(q.id) ?? EMPTY;
		const options = q.options?.length && q.type !== 'find-evidence' ? optionTally((q.options ?? []).map((o) => o.value), counts.filter((c) => c.questionId === q.id)) : null;
		// The overview's evidence chart keeps to right and wrong (near misses need the key, on the question's page).
		const bars = q.type === 'find-evidence' ? barsFor(q, scope.article, f, null, 0).filter((b) => b.key !== 'partly') : barsFor(q, scope.article, f, options, null);
		return {
			id: q.id,
			number: q.number ?? i + 1,
			type: q.type,
			typeLabel: typeLabel(q.type),
			prompt: q.prompt,
			claim: claimOf(q, scope.article),
			...figuresView(q, f, sums.get(q.id) ?? NO_SUMS),
			bars,
			// Options get a lettered chart (the letters are the options' order, named in its label);
			// a written answer or found words get their counts in words: there are no options to letter.
			chart: options !== null,
			href: `${scope.base}/questions/${q.number ?? i + 1}`
		};
	});
}

export type OverviewRow = Awaited<ReturnType<typeof resultsOverview>>[number];

/** What one answer was, in words: the option labels, the selected words, or the written text. */
function answerWords(q: QuestionRow, row: Awaited<ReturnType<typeof questionAnswers>>[number], article: ReaderArticle): string {
	return answerSummary(q, { answer: row.answer } as Parameters<typeof answerSummary>[1], article);
}

/** Which bars (by key) an answer falls under. */
function barKeysOf(q: QuestionRow, row: Awaited<ReturnType<typeof questionAnswers>>[number], keys: readonly { start: number; end: number }[]): string[] {
	if (row.choice !== null) return [row.choice];
	if (row.choices !== null) return row.choices.split('|').filter(Boolean);
	if (q.type === 'short-answer') return [row.fraction === null ? 'awaiting' : 'graded'];
	if (row.fraction !== null && row.fraction > 0) return ['right'];
	const touches = row.spanStart !== null && row.spanEnd !== null && keys.some((k) => row.spanStart! < k.end && row.spanEnd! > k.start);
	return [touches ? 'partly' : 'wrong'];
}

/** One question opened up: its chart and table, figures, and who chose each option. */
export async function questionResults(handle: DatabaseHandle, scope: DashboardScope, questionId: string) {
	const index = scope.questions.findIndex((q) => q.id === questionId);
	if (index === -1) return null;
	const q = scope.questions[index];
	const keys = (q.evidence ?? []).map((e) => ({ start: e.start, end: e.end }));
	const [figures, counts, sums, answers, nearMisses] = await Promise.all([
		questionFigures(handle, scope),
		choiceCounts(handle, scope, q.id),
		itemSums(handle, scope),
		questionAnswers(handle, scope, q.id),
		q.type === 'find-evidence' ? evidenceNearMisses(handle, scope, q.id, keys) : Promise.resolve(null)
	]);
	const f = figures.get(q.id) ?? EMPTY;
	const options = q.options?.length && q.type !== 'find-evidence' ? optionTally((q.options ?? []).map((o) => o.value), counts) : null;
	const bars = barsFor(q, scope.article, f, options, nearMisses);
	const students = answers.map((row) => ({
		studentId: row.studentId ?? '',
		name: row.name,
		attemptNumber: row.attemptNumber ?? 1,
		answer: answerWords(q, row, scope.article),
		fraction: row.fraction,
		certainty: row.certainty === null ? null : certaintyLabel(row.certainty),
		marks: row.marks,
		bars: barKeysOf(q, row, keys),
		href: `${scope.base}/students/${encodeURIComponent(row.studentId ?? '')}${scope.kind === 'assignment' ? `?attempt=${row.attemptNumber ?? 1}` : ''}#q${q.number ?? index + 1}`
	}));
	const several = students.some((s) => s.attemptNumber > 1);
	return {
		id: q.id,
		number: q.number ?? index + 1,
		type: q.type,
		typeLabel: typeLabel(q.type),
		prompt: q.prompt,
		claim: claimOf(q, scope.article),
		multiple: q.type === 'multiple-response',
		...figuresView(q, f, sums.get(q.id) ?? NO_SUMS),
		bars,
		groups: bars.map((bar) => ({ ...bar, students: students.filter((s) => s.bars.includes(bar.key)) })),
		several,
		previous: index > 0 ? `${scope.base}/questions/${scope.questions[index - 1].number ?? index}` : null,
		next: index < scope.questions.length - 1 ? `${scope.base}/questions/${scope.questions[index + 1].number ?? index + 2}` : null
	};
}

export type QuestionResults = NonNullable<Awaited<ReturnType<typeof questionResults>>>;
