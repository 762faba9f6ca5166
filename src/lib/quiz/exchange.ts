/**
 * The kit's quizzes as Moodle sees questions, both ways. One neutral shape (an
 * `ExchangeQuestion`: Moodle's multichoice, truefalse, shortanswer and essay, with
 * fractions in percent) sits between the kit and the two file formats, so GIFT and
 * Moodle XML share one mapping and each writer/reader only handles its syntax.
 * This module maps kit questions onto it (export); exchange-import.ts maps the other way.
 * Plain data in, plain data out.
 */
import type { QuestionType } from '$lib/articles/vocabulary';
import { spanOverlap } from './scoring';

/** One answer in Moodle's terms: its text, its fraction of the marks in percent, its feedback. */
export interface ExchangeOption {
	text: string;
	fraction: number;
	feedback: string;
}

export type ExchangeKind = 'multichoice' | 'truefalse' | 'shortanswer' | 'essay';

/** A question as both file formats carry it. Texts are plain text; the writers escape them. */
export interface ExchangeQuestion {
	name: string;
	kind: ExchangeKind;
	/** Multichoice: one answer (true) or several (false). */
	single: boolean;
	text: string;
	/** Paragraphs quoted after the prompt (the claim, the section, the article). Export only. */
	passage: string[];
	options: ExchangeOption[];
	generalFeedback: string;
	/** Essay: the marking guide, for the teacher. */
	graderInfo: string;
	/** What the kit knew about this question that the file cannot hold. Export only. */
	notCarried: string[];
}

/** A whole quiz as exported. */
export interface ExchangeQuiz {
	title: string;
	description: string;
	questions: ExchangeQuestion[];
	/** What no question in the file can hold, said once at the top. */
	notCarried: string[];
}

/** A question a file held that the kit did not take, and why. */
export interface Skipped {
	name: string;
	reason: string;
}

/** What a file reader found: questions in the neutral shape, and everything it left out. */
export interface ParsedFile {
	category: string | null;
	questions: ExchangeQuestion[];
	skipped: Skipped[];
}

/**
 * The fractions Moodle accepts for an answer (qtype_multichoice's grade menu), in percent.
 * Negative values are the same list with a minus sign.
 */
export const MOODLE_FRACTIONS = [
	100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0
] as const;

/**
 * Shares of 100 for `k` right answers, each one of Moodle's fractions, summing to 100 within
 * Moodle's check (it rounds the total to two decimals). Equal shares where Moodle has the
 * value (1–10 right answers); otherwise tens and fives, which Moodle also accepts.
 */
export function moodleShares(k: number): number[] {
	if (k < 1 || k > 19) throw new RangeError(`No Moodle fractions for ${k} right answers`);
	const equal = MOODLE_FRACTIONS.find((f) => Math.abs(f * k - 100) < 0.001);
	if (equal !== undefined) return Array(k).fill(equal);
	// a tens and b fives: a + b = k and 10a + 5b = 100.
	return [...Array(20 - k).fill(10), ...Array(2 * k - 20).fill(5)];
}

/** The one of Moodle's fractions nearest `percent` (negative allowed). */
export function nearestMoodleFraction(percent: number): number {
	const sign = percent < 0 ? -1 : 1;
	const best = MOODLE_FRACTIONS.reduce((a, b) => (Math.abs(b - Math.abs(percent)) < Math.abs(a - Math.abs(percent)) ? b : a));
	return best === 0 ? 0 : sign * best;
}

/** A kit question with everything a file needs already resolved to words by the caller. */
export interface KitQuestion {
	type: QuestionType;
	prompt: string;
	certainty: boolean;
	explanation: string;
	/** The linked claim's key and words, if it has one. */
	claim: { key: string; quote: string } | null;
	/** Headline vs body: the paragraphs beneath the heading. */
	section: string[];
	/** Options with the text students read (speaker names, form names, comparison words). */
	options: { text: string; correct: boolean; feedback: string }[];
	evidence: { start: number; end: number; exact: string }[];
	tolerancePercent: number | null;
	rubric: { points: number; description: string }[];
	notes: number;
}

/** The article as an exported question needs it: paragraphs, and its sentences (the claims). */
export interface KitArticle {
	title: string;
	paragraphs: string[];
	sentences: { key: string; start: number; end: number; quote: string }[];
}

const TYPE_NAMES: Record<QuestionType, string> = {
	'who-said-it': 'who said it',
	'whose-voice': 'whose voice',
	'find-evidence': 'find the evidence',
	'headline-vs-body': 'headline vs body',
	'multiple-choice': 'multiple choice',
	'multiple-response': 'multiple response',
	'short-answer': 'short answer'
};

/** GIFT has no grader information: the marking guide follows the explanation after this line. */
export const MARKING_GUIDE = 'Marking guide:';

/** The marking guide as grader information: one line per rubric line, read back on import. */
export function rubricText(rubric: KitQuestion['rubric']): string {
	return rubric.map((r) => `${r.points} point${r.points === 1 ? '' : 's'}: ${r.description}`).join('\n');
}

/** Maps one kit question onto Moodle's types; `number` names it (Q1, Q2, …). */
export function exportQuestion(q: KitQuestion, number: number, article: KitArticle): ExchangeQuestion {
	const notCarried: string[] = [];
	if (q.claim) notCarried.push(`its link to claim ${q.claim.key} of the article's claim ledger${q.notes ? ` and the ${q.notes} note${q.notes === 1 ? '' : 's'} on it` : ''}`);
	if (q.certainty) notCarried.push('certainty-based marking (set it for the whole quiz in Moodle: "Deferred feedback with CBM")');
	const base = {
		name: `Q${number} ${TYPE_NAMES[q.type]}${q.claim ? ` (${q.claim.key})` : ''}`,
		text: q.prompt,
		passage: q.claim ? [q.claim.quote] : [],
		generalFeedback: q.explanation,
		graderInfo: '',
		notCarried
	};
	switch (q.type) {
		case 'who-said-it':
		case 'whose-voice':
		case 'multiple-choice':
			if (q.type !== 'multiple-choice') notCarried.push('the check that its key agrees with the claim ledger');
			return { ...base, kind: 'multichoice', single: true, options: q.options.map((o) => ({ text: o.text, fraction: o.correct ? 100 : 0, feedback: o.feedback })) };
		case 'headline-vs-body':
			return {
				...base,
				kind: 'multichoice',
				single: true,
				passage: [...base.passage, ...q.section],
				options: q.options.map((o) => ({ text: o.text, fraction: o.correct ? 100 : 0, feedback: o.feedback }))
			};
		case 'multiple-response': {
			// The kit: each right pick earns 1/k, each wrong pick takes 1/k back, never below 0.
			// Moodle sums the chosen fractions and floors at 0, so the same shares do the same.
			const right = q.options.filter((o) => o.correct).length;
			const shares = moodleShares(right);
			const wrong = -nearestMoodleFraction(100 / right);
			if (shares.some((s) => s !== shares[0])) notCarried.push('equal marks for every right option (Moodle has no fraction for 1/' + right + ', so the shares are tens and fives)');
			if (Math.abs(-wrong - 100 / right) > 0.001) notCarried.push(`the exact penalty for a wrong pick (1/${right} in the kit, ${wrong}% here)`);
			let next = 0;
			return {
				...base,
				kind: 'multichoice',
				single: false,
				options: q.options.map((o) => ({ text: o.text, fraction: o.correct ? shares[next++] : wrong, feedback: o.feedback }))
			};
		}
		case 'find-evidence': {
			// Choosing a sentence in the kit scores by its overlap with the key passages; the
			// sentences that would score are the right answers here.
			const tolerance = (q.tolerancePercent ?? 100) / 100;
			const scores = (s: KitArticle['sentences'][number]) => q.evidence.some((e) => spanOverlap(s, e) >= tolerance);
			notCarried.push(
				`selecting words in the article (the key passage${q.evidence.length === 1 ? ' is' : 's are'} ${q.evidence.map((e) => `“${e.exact}”`).join(', ')}, with ${q.tolerancePercent ?? 100}% overlap needed); here students choose a sentence instead`
			);
			if (!article.sentences.some(scores)) notCarried.push('a right answer: no whole sentence overlaps a key passage enough, so no option is marked right');
			return {
				...base,
				kind: 'multichoice',
				single: true,
				passage: article.paragraphs,
				options: article.sentences.map((s) => ({ text: s.quote, fraction: scores(s) ? 100 : 0, feedback: '' }))
			};
		}
		case 'short-answer':
			notCarried.push('ticking rubric lines to mark (the marking guide is in the grader information)');
			return { ...base, kind: 'essay', single: true, options: [], graderInfo: rubricText(q.rubric) };
	}
}

/** The whole quiz for a file, with what no file can hold said once. */
export function exportQuiz(quiz: { title: string; description: string }, questions: KitQuestion[], article: KitArticle): ExchangeQuiz {
	return {
		title: quiz.title,
		description: quiz.description,
		questions: questions.map((q, i) => exportQuestion(q, i + 1, article)),
		notCarried: [
			`the article itself ("${article.title}"), its claim ledger and notes: questions quote the words they are about`,
			'links from feedback back to the passage and its notes',
			'the order of questions students get (set shuffling in the Moodle quiz)'
		]
	};
}
