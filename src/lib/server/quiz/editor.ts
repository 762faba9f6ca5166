/**
 * Quizzes a teacher can use: the content packs' quizzes (read-only, anyone may assign
 * them) and the teacher's own (never shown to other teachers). Every function takes the
 * teacher's id and answers a quiz they may not use with a 404, so a forged id reveals
 * nothing. A quiz students have answered is locked, so no grade goes stale.
 */
import { and, asc, count, eq, inArray, max, or } from 'drizzle-orm';
import type { DatabaseHandle, Transaction } from '../db/database';
import { DomainError } from '../domain-error';
import { randomToken } from '../auth/tokens';
import { articleBySlugForTeacher } from '../articles/teacher-articles';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export type QuizRow = DatabaseHandle['tables']['quizzes']['$inferSelect'];
export type QuizQuestionRow = DatabaseHandle['tables']['quizQuestions']['$inferSelect'];

const MAX_TITLE = 120;
const MAX_DESCRIPTION = 2000;
const notYours = () => m.author_qe_err_not_yours();

/** Why a quiz cannot be edited, if it cannot: a pack's quiz, or one students have answered. */
export type QuizLock = 'pack' | 'answered' | null;

/** What the editor says about a locked quiz. */
/** Why a quiz cannot be changed, in the request's language. */
export function lockMessage(lock: Exclude<QuizLock, null>): string {
	return lock === 'pack' ? m.author_qe_lock_pack() : m.author_qe_lock_answered();
}

/** A title as stored: one line, no invisible characters, at most 120 characters; else a DomainError. */
export function tidyTitle(input: string): string {
	const title = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
	if (title.length === 0) throw new DomainError(m.author_qe_err_title());
	if (/[\p{Cc}\p{Cf}]/u.test(title)) throw new DomainError(m.author_qe_err_title_invisible());
	if (title.length > MAX_TITLE) throw new DomainError(m.author_qe_err_title_long({ max: MAX_TITLE }));
	return title;
}

/** Every quiz `teacherId` can see, with its article and number of questions, pack quizzes first. */
export async function listQuizzes({ db, tables: t }: DatabaseHandle, teacherId: string) {
	const rows = await db
		.select({
			id: t.quizzes.id,
			title: t.quizzes.title,
			description: t.quizzes.description,
			source: t.quizzes.source,
			articleTitle: t.articles.title,
			articleSlug: t.articles.slug,
			updatedAt: t.quizzes.updatedAt
		})
		.from(t.quizzes)
		.innerJoin(t.articles, eq(t.articles.id, t.quizzes.articleId))
		.where(or(eq(t.quizzes.source, 'pack'), and(eq(t.quizzes.source, 'teacher'), eq(t.quizzes.ownerId, teacherId))))
		.orderBy(asc(t.quizzes.source), asc(t.quizzes.title));
	const ids = rows.map((r) => r.id);
	if (ids.length === 0) return [];
	const [counts, answered] = await Promise.all([
		db.select({ quizId: t.quizQuestions.quizId, n: count() }).from(t.quizQuestions).where(inArray(t.quizQuestions.quizId, ids)).groupBy(t.quizQuestions.quizId),
		db.selectDistinct({ quizId: t.attempts.quizId }).from(t.attempts).where(inArray(t.attempts.quizId, ids))
	]);
	const answeredIds = new Set(answered.map((a) => a.quizId));
	return rows.map((r) => {
		const lock: QuizLock = r.source === 'pack' ? 'pack' : answeredIds.has(r.id) ? 'answered' : null;
		return { ...r, questionCount: Number(counts.find((c) => c.quizId === r.id)?.n ?? 0), lock };
	});
}

/**
 * The quizzes `teacherId` may set for a class: every pack quiz, and their own quizzes
 * that have at least one question.
 */
export async function assignableQuizzes(handle: DatabaseHandle, teacherId: string) {
	const quizzes = await listQuizzes(handle, teacherId);
	return quizzes
		.filter((q) => q.source === 'pack' || q.questionCount > 0)
		.map(({ id, title, articleTitle, questionCount, source }) => ({ id, title, articleTitle, questionCount, source }));
}

/** The quiz if it is a pack's or `teacherId`'s own; otherwise a 404, whether it exists or not. */
export async function ownedOrPackQuiz({ db, tables: t }: DatabaseHandle, teacherId: string, quizId: string): Promise<QuizRow> {
	if (quizId.length === 0 || quizId.length > 200) throw new DomainError(notYours(), 404);
	const [row] = await db.select().from(t.quizzes).where(eq(t.quizzes.id, quizId));
	if (!row || (row.source !== 'pack' && row.ownerId !== teacherId)) throw new DomainError(notYours(), 404);
	return row;
}

/** Whether the quiz is locked against edits, and why. */
export async function quizLock({ db, tables: t }: DatabaseHandle, quiz: QuizRow): Promise<QuizLock> {
	if (quiz.source === 'pack') return 'pack';
	const [attempt] = await db.select({ id: t.attempts.id }).from(t.attempts).where(eq(t.attempts.quizId, quiz.id)).limit(1);
	return attempt ? 'answered' : null;
}

/** The quiz if `teacherId` may change it now; a 404 if it is not theirs, a 409 if it is locked. */
export async function editableQuiz(handle: DatabaseHandle, teacherId: string, quizId: string): Promise<QuizRow> {
	const quiz = await ownedOrPackQuiz(handle, teacherId, quizId);
	const lock = await quizLock(handle, quiz);
	if (lock) throw new DomainError(lockMessage(lock), 409);
	return quiz;
}

/** The quiz's questions in order. */
export async function questionsOf({ db, tables: t }: DatabaseHandle, quizId: string): Promise<QuizQuestionRow[]> {
	return db.select().from(t.quizQuestions).where(eq(t.quizQuestions.quizId, quizId)).orderBy(asc(t.quizQuestions.sort), asc(t.quizQuestions.id));
}

/** The article a quiz is about (its slug and title). */
export async function quizArticle({ db, tables: t }: DatabaseHandle, quiz: QuizRow) {
	const [article] = await db.select({ id: t.articles.id, slug: t.articles.slug, title: t.articles.title }).from(t.articles).where(eq(t.articles.id, quiz.articleId));
	if (!article) throw new DomainError(notYours(), 404);
	return article;
}

/** Creates an empty quiz owned by `teacherId` on the article with `articleSlug`. */
export async function createQuiz(handle: DatabaseHandle, teacherId: string, input: { articleSlug: string; title: string }) {
	const { db, tables: t } = handle;
	// Any article the teacher can see: the packs', their own, those shared with every teacher.
	const article = await articleBySlugForTeacher(handle, teacherId, input.articleSlug);
	if (!article) throw new DomainError(m.author_qe_err_choose_article());
	const title = tidyTitle(input.title);
	const id = randomToken();
	await db.insert(t.quizzes).values({ id, articleId: article.id, key: id, title, description: '', source: 'teacher', ownerId: teacherId });
	return { id };
}

/** Copies any quiz `teacherId` can see into a new quiz they own; questions get new ids. */
export async function copyQuiz(handle: DatabaseHandle, teacherId: string, quizId: string) {
	const quiz = await ownedOrPackQuiz(handle, teacherId, quizId);
	const questions = await questionsOf(handle, quiz.id);
	const id = randomToken();
	const title = `${quiz.title} (copy)`;
	await handle.db.transaction(async (tx) => {
		await tx.insert(handle.tables.quizzes).values({
			id,
			articleId: quiz.articleId,
			key: id,
			title: title.length > MAX_TITLE ? `${quiz.title.slice(0, MAX_TITLE - 8).trimEnd()}… (copy)` : title,
			description: quiz.description,
			source: 'teacher',
			ownerId: teacherId
		});
		if (questions.length > 0) {
			await tx.insert(handle.tables.quizQuestions).values(
				questions.map((q, sort) => {
					const questionId = randomToken();
					return { ...q, id: questionId, key: questionId, quizId: id, sort };
				})
			);
		}
	});
	return { id };
}

/** Changes the title and description of a quiz `teacherId` may edit. */
export async function updateQuizDetails(handle: DatabaseHandle, teacherId: string, quizId: string, input: { title: string; description: string }) {
	await editableQuiz(handle, teacherId, quizId);
	const description = input.description.trim();
	if (description.length > MAX_DESCRIPTION) throw new DomainError(m.author_qe_err_description_long({ max: MAX_DESCRIPTION.toLocaleString(getLocale()) }));
	await handle.db
		.update(handle.tables.quizzes)
		.set({ title: tidyTitle(input.title), description, updatedAt: new Date() })
		.where(eq(handle.tables.quizzes.id, quizId));
}

/** Where a new question goes: after the last one. */
export async function nextSort({ db, tables: t }: DatabaseHandle, quizId: string): Promise<number> {
	const [{ last }] = await db.select({ last: max(t.quizQuestions.sort) }).from(t.quizQuestions).where(eq(t.quizQuestions.quizId, quizId));
	return last === null ? 0 : Number(last) + 1;
}

/**
 * Changes a quiz's questions with `write`, and moves the quiz's `updatedAt` forward in the
 * same transaction. The question cache files questions under the `updatedAt` read before
 * them, so each edit must give a value no earlier edit gave: the later of `now` and the
 * old value + 1 ms, set only while no other edit has moved it (a compare-and-set, which
 * holds on both engines). No server's clock is compared with another's.
 */
export async function changeQuestions<T>(handle: DatabaseHandle, quizId: string, write: (tx: Transaction) => Promise<T>, now = () => Date.now()): Promise<T> {
	const t = handle.tables;
	return handle.db.transaction(async (tx) => {
		const result = await write(tx);
		for (let tries = 0; tries < 5; tries++) {
			const [row] = await tx.select({ updatedAt: t.quizzes.updatedAt }).from(t.quizzes).where(eq(t.quizzes.id, quizId));
			if (!row) return result;
			const next = new Date(Math.max(now(), row.updatedAt.getTime() + 1));
			const moved = await tx
				.update(t.quizzes)
				.set({ updatedAt: next })
				.where(and(eq(t.quizzes.id, quizId), eq(t.quizzes.updatedAt, row.updatedAt)))
				.returning({ id: t.quizzes.id });
			if (moved.length > 0) return result;
		}
		throw new Error(`Quiz ${quizId} kept changing under this edit.`);
	});
}
