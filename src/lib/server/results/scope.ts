/**
 * What one results dashboard is about: one assignment or one live session of a teacher's
 * class. Every dashboard page resolves its scope here, so each checks the teacher the same
 * way and counts the same attempts.
 */
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { quizQuestions } from '../quiz/question-cache';

export type ResultKind = 'assignment' | 'live';

/** The kinds a dashboard URL may name (src/params/resultkind.ts). */
export const RESULT_KINDS: readonly ResultKind[] = ['assignment', 'live'];

type QuestionRow = DatabaseHandle['tables']['quizQuestions']['$inferSelect'];

/** One question as the dashboard counts it: its number in the quiz, certainty only where it was asked. */
export type ScopeQuestion = QuestionRow & { number: number };

export interface ResultScope {
	kind: ResultKind;
	id: string;
	/** Where this dashboard's pages live: `/teach/results/<kind>/<id>`. */
	base: string;
	/** The page this dashboard belongs to: the assignment's page or the live session's results. */
	home: string;
	classId: string;
	className: string;
	quizId: string;
	quizTitle: string;
	articleId: string;
	articleSlug: string;
	/** When it began: an assignment's opening, a live session's start. */
	startedAt: Date;
	questions: ScopeQuestion[];
}

const NOT_FOUND = () => m.results_err_not_found();
const isId = (value: string) => /^[a-z2-7]{24}$/.test(value);

/** The teacher's assignment or live session `id`, as a dashboard scope; a 404 otherwise. */
export async function resultScope(handle: DatabaseHandle, teacherId: string, kind: ResultKind, id: string): Promise<ResultScope> {
	if (!RESULT_KINDS.includes(kind) || !isId(id)) throw new DomainError(NOT_FOUND(), 404);
	const { db, tables: t } = handle;
	const owner = (classId: SQL) => and(eq(t.classes.teacherId, teacherId), classId);
	const columns = {
		classId: t.classes.id,
		className: t.classes.name,
		quiz: t.quizzes,
		articleId: t.articles.id,
		articleSlug: t.articles.slug
	};
	const row =
		kind === 'assignment'
			? (
					await db
						.select({ ...columns, startedAt: t.assignments.opensAt })
						.from(t.assignments)
						.innerJoin(t.classes, owner(eq(t.classes.id, t.assignments.classId))!)
						.innerJoin(t.quizzes, eq(t.quizzes.id, t.assignments.quizId))
						.innerJoin(t.articles, eq(t.articles.id, t.quizzes.articleId))
						.where(eq(t.assignments.id, id))
				).map((r) => ({ ...r, askCertainty: true as boolean }))[0]
			: (
					await db
						.select({ ...columns, startedAt: t.liveSessions.createdAt, askCertainty: t.liveSessions.askCertainty })
						.from(t.liveSessions)
						.innerJoin(t.classes, owner(eq(t.classes.id, t.liveSessions.classId))!)
						.innerJoin(t.quizzes, eq(t.quizzes.id, t.liveSessions.quizId))
						.innerJoin(t.articles, eq(t.articles.id, t.quizzes.articleId))
						.where(eq(t.liveSessions.id, id))
				)[0];
	if (!row) throw new DomainError(NOT_FOUND(), 404);
	const questions = (await quizQuestions(handle, row.quiz)).map((q, i) => ({
		...q,
		number: i + 1,
		// A live session marks certainty only where it asked for it (see live/results.ts).
		certainty: row.askCertainty && q.certainty
	}));
	return {
		kind,
		id,
		base: `/teach/results/${kind}/${id}`,
		home: kind === 'assignment' ? `/teach/classes/${row.classId}/assignments/${id}` : `/teach/live/${id}/results`,
		classId: row.classId,
		className: row.className,
		quizId: row.quiz.id,
		quizTitle: row.quiz.title,
		articleId: row.articleId,
		articleSlug: row.articleSlug,
		startedAt: row.startedAt,
		questions
	};
}

/**
 * The attempts a scope counts, as a condition on `attempts`: an assignment's attempts, or
 * a live session's parts but for students the teacher removed (they count in no figure).
 */
export function countedAttempts(handle: DatabaseHandle, scope: Pick<ResultScope, 'kind' | 'id'>): SQL {
	const a = handle.tables.attempts;
	return scope.kind === 'assignment' ? eq(a.assignmentId, scope.id) : and(eq(a.liveSessionId, scope.id), isNull(a.removedAt))!;
}
