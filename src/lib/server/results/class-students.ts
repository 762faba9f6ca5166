/**
 * The class's students by its assignments and live sessions (see $lib/results/class-grid).
 * Four queries whatever the class's size: the assignments and the live sessions with their
 * question counts, the roster, and one row per attempt with its answers summed in SQL.
 */
import { and, count, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { roster } from '../people/classes';
import { classGrid, sortColumns, type GridAttempt, type GridColumn } from '$lib/results/class-grid';
import { liveQuestionIndexes } from '$lib/results/accuracy';

/** How many rows meet `condition`, in SQL both engines run. */
const countWhen = (condition: SQL) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number);

/** The most columns the page shows: the latest ones; the CSV has them all. */
export const PAGE_COLUMNS = 20;

/** Every assignment and live session of the class as grid columns, oldest first. */
async function classColumns({ db, tables: t }: DatabaseHandle, classId: string) {
	const assignments = await db
		.select({ id: t.assignments.id, title: t.quizzes.title, at: t.assignments.opensAt, closesAt: t.assignments.closesAt, questions: count(t.quizQuestions.id) })
		.from(t.assignments)
		.innerJoin(t.quizzes, eq(t.quizzes.id, t.assignments.quizId))
		.leftJoin(t.quizQuestions, eq(t.quizQuestions.quizId, t.quizzes.id))
		.where(eq(t.assignments.classId, classId))
		.groupBy(t.assignments.id, t.quizzes.title, t.assignments.opensAt, t.assignments.closesAt);
	const sessions = await db
		.select({ id: t.liveSessions.id, title: t.quizzes.title, at: t.liveSessions.createdAt, endedAt: t.liveSessions.endedAt, state: t.liveSessions.state, pacing: t.liveSessions.pacing })
		.from(t.liveSessions)
		.innerJoin(t.quizzes, eq(t.quizzes.id, t.liveSessions.quizId))
		.where(eq(t.liveSessions.classId, classId));
	// A session's attempts count on the questions it showed, as on every other view of them.
	const live = sessions.map(({ state, pacing, ...l }) => ({ ...l, questions: liveQuestionIndexes(state, pacing).length }));
	return { assignments, live };
}

/**
 * One row per attempt of the class's students, with its answers summed (no per-response
 * rows); only the attempts at the given columns, so a bounded page reads a bounded part.
 */
async function classAttempts({ db, tables: t }: DatabaseHandle, classId: string, columns: GridColumn[]) {
	const assignmentIds = columns.filter((c) => c.kind === 'assignment').map((c) => c.id);
	const sessionIds = columns.filter((c) => c.kind === 'live').map((c) => c.id);
	if (columns.length === 0) return [];
	return db
		.select({
			studentId: t.attempts.studentId,
			assignmentId: t.attempts.assignmentId,
			liveSessionId: t.attempts.liveSessionId,
			submittedAt: t.attempts.submittedAt,
			removedAt: t.attempts.removedAt,
			number: t.attempts.number,
			right: countWhen(sql`${t.responses.fraction} = 1`),
			partly: countWhen(sql`${t.responses.fraction} > 0 and ${t.responses.fraction} < 1`),
			awaiting: countWhen(sql`${t.responses.id} is not null and ${t.responses.fraction} is null`),
			marks: sql<number>`coalesce(sum(${t.responses.marks}), 0)`.mapWith(Number)
		})
		.from(t.attempts)
		.innerJoin(t.students, eq(t.students.id, t.attempts.studentId))
		.leftJoin(t.responses, eq(t.responses.attemptId, t.attempts.id))
		.where(
			and(
				eq(t.students.classId, classId),
				isNotNull(t.attempts.studentId),
				or(
					assignmentIds.length ? inArray(t.attempts.assignmentId, assignmentIds) : undefined,
					sessionIds.length ? inArray(t.attempts.liveSessionId, sessionIds) : undefined
				)
			)
		)
		.groupBy(t.attempts.id, t.attempts.studentId, t.attempts.assignmentId, t.attempts.liveSessionId, t.attempts.number, t.attempts.submittedAt, t.attempts.removedAt);
}

/**
 * The grid for a class the caller has checked is the teacher's. `limit`: keep only the
 * latest columns (the page); without it every column (the CSV).
 */
export async function classStudents(handle: DatabaseHandle, classId: string, now = new Date(), limit?: number) {
	const [{ assignments, live }, students] = await Promise.all([classColumns(handle, classId), roster(handle, classId)]);
	const all: GridColumn[] = sortColumns([
		...assignments.map((a) => ({ kind: 'assignment' as const, id: a.id, title: a.title, at: a.at, questions: a.questions })),
		...live.map((l) => ({ kind: 'live' as const, id: l.id, title: l.title, at: l.at, questions: l.questions }))
	]);
	const columns = limit === undefined ? all : all.slice(-limit);
	const attempts = await classAttempts(handle, classId, columns);
	const closes = new Map(assignments.map((a) => [a.id, a.closesAt]));
	const ended = new Map(live.map((l) => [l.id, l.endedAt]));
	const rows: GridAttempt[] = attempts.flatMap((a): GridAttempt[] => {
		const base = { studentId: a.studentId!, number: a.number ?? 1, right: a.right, partly: a.partly, awaiting: a.awaiting, marks: a.marks, removed: a.removedAt !== null };
		if (a.assignmentId) return [{ ...base, kind: 'assignment' as const, columnId: a.assignmentId, over: a.submittedAt !== null || closes.get(a.assignmentId)! <= now }];
		if (a.liveSessionId) return [{ ...base, kind: 'live' as const, columnId: a.liveSessionId, over: a.submittedAt !== null || ended.get(a.liveSessionId) != null }];
		return [];
	});
	return { grid: classGrid(columns, students, rows), total: all.length };
}
