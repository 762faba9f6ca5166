/**
 * "To grade": written answers waiting for the teacher's mark, per assignment, for the
 * teacher's home (every class) and a class page (that class). One query per page, grouped
 * in the database, so the count costs the same however many answers there are.
 */
import { and, asc, count, countDistinct, eq, isNull, min } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';

export interface ToGrade {
	assignmentId: string;
	classId: string;
	className: string;
	quizTitle: string;
	/** Written answers without a grade. */
	answers: number;
	/** Students those answers belong to. */
	students: number;
	/** When the oldest of them was given: the list puts the longest-waiting first. */
	oldest: Date;
}

/**
 * The teacher's assignments with written answers still to grade, longest waiting first;
 * only one class's when `classId` is given. Counts match the grading page's queue: every
 * written answer without a grade, in an attempt handed in or not.
 */
export async function toGrade({ db, tables: t }: DatabaseHandle, teacherId: string, classId?: string): Promise<ToGrade[]> {
	const rows = await db
		.select({
			assignmentId: t.assignments.id,
			classId: t.classes.id,
			className: t.classes.name,
			quizTitle: t.quizzes.title,
			answers: count(t.responses.id),
			students: countDistinct(t.attempts.studentId),
			oldest: min(t.responses.answeredAt)
		})
		.from(t.classes)
		.innerJoin(t.assignments, eq(t.assignments.classId, t.classes.id))
		.innerJoin(t.quizzes, eq(t.quizzes.id, t.assignments.quizId))
		.innerJoin(t.attempts, eq(t.attempts.assignmentId, t.assignments.id))
		.innerJoin(t.responses, eq(t.responses.attemptId, t.attempts.id))
		.innerJoin(t.quizQuestions, eq(t.quizQuestions.id, t.responses.questionId))
		.where(
			and(
				eq(t.classes.teacherId, teacherId),
				classId === undefined ? undefined : eq(t.classes.id, classId),
				eq(t.quizQuestions.type, 'short-answer'),
				// Only a written answer waiting for its grade has no fraction; saying so lets both
				// engines read the partial index responses_waiting instead of every response.
				isNull(t.responses.fraction),
				isNull(t.responses.gradedAt)
			)
		)
		.groupBy(t.assignments.id, t.classes.id, t.classes.name, t.quizzes.title)
		.orderBy(asc(min(t.responses.answeredAt)), asc(t.assignments.id));
	return rows.map((r) => ({ ...r, oldest: r.oldest ?? new Date(0) }));
}
