/**
 * The per-question and per-student dashboards' scope: the lead's resultScope (which checks
 * the teacher) plus what these pages need besides: the article as students read it (for
 * option labels and selected words), and the assignment's rules or the live session's state
 * (for what each student was shown). Every load and CSV endpoint starts here.
 */
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { readerArticle } from '../articles/reader-cache';
import { resultScope, type ResultKind, type ResultScope } from './scope';
import type { StudentScope } from './student-results';

export type Dashboard = ResultScope & StudentScope;

/** The teacher's assignment or live session `id` as a dashboard; a 404 for anyone else's. */
export async function dashboardScope(handle: DatabaseHandle, teacherId: string, kind: string, id: string): Promise<Dashboard> {
	const scope = await resultScope(handle, teacherId, kind as ResultKind, id);
	const { db, tables: t } = handle;
	const [article, assignment, session] = await Promise.all([
		readerArticle(handle, scope.articleSlug),
		scope.kind === 'assignment' ? db.select().from(t.assignments).where(eq(t.assignments.id, scope.id)).then((r) => r[0] ?? null) : null,
		scope.kind === 'live' ? db.select().from(t.liveSessions).where(eq(t.liveSessions.id, scope.id)).then((r) => r[0] ?? null) : null
	]);
	if (!article) throw new DomainError(m.results_err_article_unavailable(), 404);
	return { ...scope, article, assignment, session };
}

/** A question of the dashboard by its number in the quiz (as the pages link it), or by its id. */
export function dashboardQuestion(scope: Pick<ResultScope, 'questions'>, param: string) {
	const q = /^\d{1,3}$/.test(param) ? scope.questions.find((x) => x.number === Number(param)) : scope.questions.find((x) => x.id === param);
	if (!q) throw new DomainError(m.results_err_no_question(), 404);
	return q;
}
