/**
 * What a quiz page may show, for practice and assignments alike. A question's view carries
 * no key and no feedback; the feedback view holds only what review-policy allows at the
 * time (nothing before feedback may show; no right answers while the student could still
 * use them), so nothing the browser gets gives an answer away early.
 */
import { and, asc, eq, exists, or } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import type { ReaderArticle } from '$lib/articles/types';
import { NO_ONE_NAMED } from '$lib/articles/vocabulary';
import { stableShuffle } from '$lib/quiz/shuffle';
import { attemptSeed } from './shuffle-seed';
import { maxMarks } from '$lib/quiz/scoring';
import type { ReviewPolicy } from '$lib/quiz/review-policy';
import { CONTENT_LOCALE, noteInLanguage, textInLanguage } from '$lib/articles/content-language';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { formLabel } from '$lib/results/dashboard-labels';

// The kit's own option words (not the author's content), read per call in the page's language.
const COMPARISON_LABELS: Record<string, () => string> = {
	more: () => m.author_qf_heading_more(),
	less: () => m.author_qf_heading_less(),
	same: () => m.author_qf_heading_same()
};

/**
 * The article's practice quiz, if any: the one its pack seeded, or for a teacher's
 * article the owner's first quiz on it that has questions.
 */
export async function articleQuiz({ db, tables: t }: DatabaseHandle, articleId: string) {
	const [found] = await db
		.select({ quiz: t.quizzes })
		.from(t.quizzes)
		.innerJoin(t.articles, eq(t.articles.id, t.quizzes.articleId))
		.where(
			and(
				eq(t.quizzes.articleId, articleId),
				or(eq(t.quizzes.source, 'pack'), eq(t.quizzes.ownerId, t.articles.ownerId)),
				exists(db.select({ id: t.quizQuestions.id }).from(t.quizQuestions).where(eq(t.quizQuestions.quizId, t.quizzes.id)))
			)
		)
		.orderBy(asc(t.quizzes.source), asc(t.quizzes.createdAt), asc(t.quizzes.id))
		.limit(1);
	const quiz = found?.quiz;
	if (!quiz) return null;
	const questions = await db
		.select()
		.from(t.quizQuestions)
		.where(eq(t.quizQuestions.quizId, quiz.id))
		.orderBy(asc(t.quizQuestions.sort));
	return { quiz, questions };
}

type Loaded = NonNullable<Awaited<ReturnType<typeof articleQuiz>>>;
type QuestionRow = Loaded['questions'][number];

/** How an option reads to a student. */
export function optionLabel(q: QuestionRow, value: string, article: ReaderArticle, label: string | null): string {
	if (label) return label;
	if (q.type === 'who-said-it') {
		if (value === NO_ONE_NAMED) return m.results_no_one_named();
		const name = article.speakers.find((s) => s.key === value)?.name ?? value;
		return name.charAt(0).toUpperCase() + name.slice(1);
	}
	if (q.type === 'whose-voice') return formLabel(value);
	if (q.type === 'headline-vs-body') return Object.hasOwn(COMPARISON_LABELS, value) ? COMPARISON_LABELS[value]() : value;
	return value;
}

/**
 * The question's options in the order this attempt sees them. The page gets only their
 * positions in this order, never the pack's option values (an author's right answer is
 * often "a"), and `optionValues` maps the positions back on the server.
 */
function attemptOptions(q: QuestionRow, attemptId: string) {
	// Always shuffled: authors often put the right option first.
	return stableShuffle(q.options ?? [], attemptSeed(attemptId, q.key));
}

/** The pack's option values for the positions a form sent; an unknown position stays unknown. */
export function optionValues(q: QuestionRow, attemptId: string, positions: string[]): string[] {
	const order = attemptOptions(q, attemptId);
	return positions.map((p) => (/^\d{1,2}$/.test(p) ? order[Number(p)]?.value : undefined) ?? `unknown-${p.slice(0, 8)}`);
}

/** A question as the student sees it before answering: no key, no feedback, no option values. */
export function questionView(q: QuestionRow, article: ReaderArticle, attemptId: string, number: number, total: number) {
	const claimKey = q.claimId?.split('/').pop() ?? null;
	const options = attemptOptions(q, attemptId).map((o, i) => ({ value: String(i), label: optionLabel(q, o.value, article, o.label) }));
	return {
		key: q.key,
		number,
		total,
		type: q.type,
		prompt: q.prompt,
		certainty: q.certainty,
		maxMarks: maxMarks(q.certainty),
		// The claim's sentence gives context, except where finding it is the question.
		passage: claimKey && q.type !== 'find-evidence' ? (article.claims.find((c) => c.key === claimKey)?.quote ?? null) : null,
		// Headline vs body: the paragraphs beneath the heading, which the question asks about.
		section: q.type === 'headline-vs-body' && claimKey ? sectionBelow(article, claimKey) : [],
		// In an order fixed for this attempt, so the right one is not always first.
		options,
		// Find the evidence: the sentences of the article to choose from, and its blocks with
		// their offsets, so words selected in the page map back to the plain text.
		sentences: q.type === 'find-evidence' ? article.claims.map((c) => ({ key: c.key, quote: c.quote })) : [],
		blocks: q.type === 'find-evidence' ? blockOffsets(article) : []
	};
}

/** The paragraphs after the heading that holds `claimKey`, up to the next heading. */
export function sectionBelow(article: ReaderArticle, claimKey: string): string[] {
	const claim = article.claims.find((c) => c.key === claimKey);
	if (!claim) return [];
	const blocks = blockOffsets(article);
	const at = blocks.findIndex((b) => b.heading && b.start <= claim.start && claim.start < b.start + b.text.length);
	if (at === -1) return [];
	const next = blocks.findIndex((b, i) => i > at && b.heading);
	return blocks.slice(at + 1, next === -1 ? undefined : next).map((b) => b.text);
}

/** Each block's text and where it starts in the article's plain text. */
export function blockOffsets(article: ReaderArticle) {
	let cursor = 0;
	return article.blocks.map((block) => {
		const text = block.pieces.map((p) => p.text).join('');
		const start = article.text.indexOf(text, cursor);
		cursor = start + text.length;
		return { start, text, heading: block.kind === 'heading' };
	});
}

type ResponseRow = DatabaseHandle['tables']['responses']['$inferSelect'];

/**
 * Feedback for an answered question: the student's answer, marks, and why, with links back.
 * The caller passes what review-policy allows: null while feedback may not show. Without
 * `rightAnswers` the view keeps only what is about the student's own answer (right or
 * not, the marks, the feedback on the options they chose, their selection or text and the
 * teacher's comment): no correct option, key passage, other option's feedback, explanation
 * (the pack's explanations state the answer), or link to the passage and its notes (which
 * name the claim's speaker and form).
 */
export function feedbackView(
	q: QuestionRow,
	response: ResponseRow,
	article: ReaderArticle,
	policy: ReviewPolicy,
	/** Practice only: nobody marks a written answer there, so its rubric is what the student compares with. */
	unmarked = false,
	/** The page's language: feedback and note titles come in it when they have a version there. */
	locale: string = getLocale()
) {
	if (!policy.feedback) return null;
	const { rightAnswers } = policy;
	const chosen =
		response.answer.type === 'choice' ? [response.answer.value] : response.answer.type === 'choices' ? response.answer.values : [];
	const options = (q.options ?? [])
		.filter((o) => chosen.includes(o.value) || (rightAnswers && o.correct))
		.map((o) => {
			const feedback = textInLanguage(o.feedback, o.localized, 'feedback', locale);
			return {
				value: o.value,
				label: optionLabel(q, o.value, article, o.label),
				// Whether a chosen option is right is about the student's own answer (Moodle's "whether correct").
				correct: o.correct,
				chosen: chosen.includes(o.value),
				feedback: feedback.text,
				feedbackLang: feedback.lang
			};
		});
	const explanation = rightAnswers ? textInLanguage(q.explanation, q.localized, 'explanation', locale) : null;
	const claimKey = q.claimId?.split('/').pop() ?? null;
	const span = response.answer.type === 'span' ? response.answer.span : null;
	const noteKeys = rightAnswers ? q.notes.map((n) => n.split('/').pop()!) : [];
	return {
		rightAnswers,
		fraction: response.fraction,
		marks: response.marks,
		certainty: response.certainty,
		options,
		selected: span ? article.text.slice(span.start, span.end) : null,
		evidence: rightAnswers ? (q.evidence ?? []).map((e) => e.exact) : [],
		written: response.answer.type === 'text' ? response.answer.text : null,
		comment: response.comment,
		explanation: explanation?.text ?? null,
		explanationLang: explanation?.lang ?? CONTENT_LOCALE,
		// Whether any feedback shown is in English on a page in another language, which the page then says.
		untranslated: [...options.map((o) => o.feedbackLang), ...(explanation ? [explanation.lang] : [])].some((lang) => lang !== locale),
		claim: rightAnswers ? claimKey : null,
		notes: article.notes
			.filter((n) => noteKeys.includes(n.key))
			.map((n) => {
				const shown = noteInLanguage(n, locale);
				return { key: n.key, number: n.number, title: shown.title, lang: shown.lang, layer: n.layer };
			}),
		unmarked,
		rubric: unmarked && rightAnswers && q.type === 'short-answer' ? (q.rubric ?? []).map((r) => ({ points: r.points, description: r.description })) : []
	};
}

/**
 * A saved answer as the answer form shows it again: option positions in this attempt's
 * order, the chosen sentence (or selected words), the text and the certainty. Only the
 * student's own answer: nothing here says whether it is right.
 */
export function savedAnswerView(q: QuestionRow, response: ResponseRow, article: ReaderArticle, attemptId: string) {
	const a = response.answer;
	const chosen = a.type === 'choice' ? [a.value] : a.type === 'choices' ? a.values : [];
	const order = attemptOptions(q, attemptId);
	const span = a.type === 'span' ? a.span : null;
	return {
		choices: order.flatMap((o, i) => (chosen.includes(o.value) ? [String(i)] : [])),
		sentence: span ? (article.claims.find((c) => c.start === span.start && c.end === span.end)?.key ?? null) : null,
		selected: span ? article.text.slice(span.start, span.end) : null,
		span,
		text: a.type === 'text' ? a.text : '',
		certainty: response.certainty
	};
}

/** The attempt's responses by question id. */
export async function responsesOf({ db, tables: t }: DatabaseHandle, attemptId: string) {
	const rows = await db.select().from(t.responses).where(eq(t.responses.attemptId, attemptId));
	return new Map(rows.map((r) => [r.questionId, r]));
}

/** The student's own answer in words, for a review that must not yet say whether it is right. */
export function answerSummary(q: QuestionRow, response: ResponseRow, article: ReaderArticle): string {
	const a = response.answer;
	const label = (value: string) => optionLabel(q, value, article, (q.options ?? []).find((o) => o.value === value)?.label ?? null);
	if (a.type === 'choice') return label(a.value);
	if (a.type === 'choices') return a.values.map(label).join('; ');
	if (a.type === 'span') return `“${article.text.slice(a.span.start, a.span.end).trim()}”`;
	return a.text;
}
