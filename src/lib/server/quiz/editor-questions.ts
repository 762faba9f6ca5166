/**
 * Changing the questions of a quiz a teacher owns: add, edit, move, remove, and drafts
 * from the claim ledger. Every change first checks that the quiz is the teacher's and
 * not locked, and every question is checked against the article's ledger by the same
 * rules the content packs follow before it is stored.
 */
import { and, eq } from 'drizzle-orm';
import { describe } from '$lib/anchoring/anchoring';
import type { ReaderArticle } from '$lib/articles/types';
import { draftFromClaims, type DraftKind } from '$lib/quiz/draft-from-claims';
import { checkQuestion, type CheckedQuestion, type Problem, type QuestionDraft } from '$lib/quiz/question-rules';
import type { DatabaseHandle } from '../db/database';
import type { EvidenceSpan } from '../db/schema.sqlite';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { randomToken } from '../auth/tokens';
import { readerArticle } from '../articles/reader-cache';
import { changeQuestions, editableQuiz, nextSort, questionsOf, quizArticle, type QuizQuestionRow, type QuizRow } from './editor';

/** A question draft that broke the rules; `problems` say which fields, and why. */
export class InvalidQuestion extends DomainError {
	constructor(readonly problems: Problem[]) {
		super(problems.length === 1 ? problems[0].message : m.author_qe_err_fixes({ count: problems.length }), 400);
		this.name = 'InvalidQuestion';
	}
}

/** The quiz, if the teacher may edit it, with its article as the reader builds it. */
async function editing(handle: DatabaseHandle, teacherId: string, quizId: string): Promise<{ quiz: QuizRow; article: ReaderArticle }> {
	const quiz = await editableQuiz(handle, teacherId, quizId);
	const { slug } = await quizArticle(handle, quiz);
	const article = await readerArticle(handle, slug);
	if (!article) throw new DomainError(m.author_qe_err_article_missing(), 404);
	return { quiz, article };
}

/** Evidence spans for the chosen passages: whole claims, or spans kept from an earlier version. */
function evidenceSpans(article: ReaderArticle, tokens: string[]): EvidenceSpan[] {
	return tokens.map((token) => {
		const claim = article.claims.find((c) => c.key === token);
		const [start, end] = claim ? [claim.start, claim.end] : token.split('-').map(Number);
		if (!(start >= 0 && end <= article.text.length && start < end)) throw new InvalidQuestion([{ field: 'evidence', message: m.author_qr_passage_unknown() }]);
		const { quote, position } = describe(article.text, start, end);
		return { start: position.start, end: position.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
	});
}

/** The columns a checked question is stored in; `notes` follow the linked claim. */
export function questionColumns(article: ReaderArticle, articleId: string, q: CheckedQuestion) {
	const claim = q.claim ? article.claims.find((c) => c.key === q.claim) : undefined;
	return {
		type: q.type,
		prompt: q.prompt,
		claimId: claim ? `${articleId}/${claim.key}` : null,
		certainty: q.certainty,
		explanation: q.explanation,
		localized: q.localized ?? null,
		notes: (claim?.noteKeys ?? []).map((n) => `${articleId}/${n}`),
		options: q.options,
		evidence: q.evidence ? evidenceSpans(article, q.evidence) : null,
		tolerancePercent: q.tolerancePercent,
		rubric: q.rubric
	};
}

function checked(article: ReaderArticle, draft: QuestionDraft): CheckedQuestion {
	const result = checkQuestion(draft, article);
	if (!result.ok) throw new InvalidQuestion(result.problems);
	return result.question;
}

/** The question if it belongs to the quiz; otherwise a 404. */
async function questionOf({ db, tables: t }: DatabaseHandle, quizId: string, questionId: string): Promise<QuizQuestionRow> {
	const [row] = questionId
		? await db.select().from(t.quizQuestions).where(and(eq(t.quizQuestions.id, questionId), eq(t.quizQuestions.quizId, quizId)))
		: [];
	if (!row) throw new DomainError(m.author_qe_err_no_question(), 404);
	return row;
}

/** Adds a question at the end of the quiz. */
export async function addQuestion(handle: DatabaseHandle, teacherId: string, quizId: string, draft: QuestionDraft) {
	const { quiz, article } = await editing(handle, teacherId, quizId);
	const columns = questionColumns(article, quiz.articleId, checked(article, draft));
	const id = randomToken();
	const sort = await nextSort(handle, quizId);
	await changeQuestions(handle, quizId, (tx) => tx.insert(handle.tables.quizQuestions).values({ id, key: id, quizId, sort, facts: [], ...columns }));
	return { id };
}

/** Replaces a question's content; its place and outside facts stay, and its notes follow its claim. */
export async function updateQuestion(handle: DatabaseHandle, teacherId: string, quizId: string, questionId: string, draft: QuestionDraft) {
	const { quiz, article } = await editing(handle, teacherId, quizId);
	const before = await questionOf(handle, quizId, questionId);
	if (draft.type !== before.type) throw new DomainError(m.author_qe_err_type_fixed());
	const columns = questionColumns(article, quiz.articleId, checked(article, draft));
	// A copied pack question keeps the notes its author chose while its claim stays the same.
	const notes = columns.claimId === before.claimId ? before.notes : columns.notes;
	await changeQuestions(handle, quizId, (tx) =>
		tx.update(handle.tables.quizQuestions).set({ ...columns, notes }).where(eq(handle.tables.quizQuestions.id, questionId))
	);
}

/** Swaps a question with its neighbour above or below; at either end nothing changes. */
export async function moveQuestion(handle: DatabaseHandle, teacherId: string, quizId: string, questionId: string, direction: 'up' | 'down') {
	await editableQuiz(handle, teacherId, quizId);
	await questionOf(handle, quizId, questionId);
	const questions = await questionsOf(handle, quizId);
	const from = questions.findIndex((q) => q.id === questionId);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (to < 0 || to >= questions.length) return { moved: false };
	const t = handle.tables;
	// Renumber the whole order, so sorts stay distinct even if earlier ones were not.
	const order = questions.map((q) => q.id);
	[order[from], order[to]] = [order[to], order[from]];
	await changeQuestions(handle, quizId, async (tx) => {
		for (const [sort, id] of order.entries()) {
			if (questions[sort].id !== id || questions[sort].sort !== sort) await tx.update(t.quizQuestions).set({ sort }).where(eq(t.quizQuestions.id, id));
		}
	});
	return { moved: true };
}

/** Removes a question from the quiz. */
export async function removeQuestion(handle: DatabaseHandle, teacherId: string, quizId: string, questionId: string) {
	await editableQuiz(handle, teacherId, quizId);
	const question = await questionOf(handle, quizId, questionId);
	await changeQuestions(handle, quizId, (tx) => tx.delete(handle.tables.quizQuestions).where(eq(handle.tables.quizQuestions.id, questionId)));
	return { prompt: question.prompt };
}

/** Appends drafted who-said-it and whose-voice questions for the chosen claims (asking certainty only if told); returns how many. */
export async function addDrafts(handle: DatabaseHandle, teacherId: string, quizId: string, claimKeys: string[], kinds: DraftKind[], certainty = false) {
	const { quiz, article } = await editing(handle, teacherId, quizId);
	if (kinds.length === 0) throw new DomainError(m.author_qe_err_kinds());
	if (claimKeys.length === 0) throw new DomainError(m.author_qe_err_claims());
	const drafts = draftFromClaims(article, claimKeys, kinds, certainty);
	if (drafts.length === 0) throw new DomainError(m.author_qe_err_none_draftable());
	let sort = await nextSort(handle, quizId);
	const rows = drafts.map((draft) => {
		const id = randomToken();
		return { id, key: id, quizId, sort: sort++, facts: [], ...questionColumns(article, quiz.articleId, checked(article, draft)) };
	});
	await changeQuestions(handle, quizId, (tx) => tx.insert(handle.tables.quizQuestions).values(rows));
	return { added: rows.length };
}
