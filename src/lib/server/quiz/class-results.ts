/**
 * Every result a class has, for the class export: each assignment and each live session,
 * oldest first, with each student's marks in roster order. The tables are the ones the
 * teacher's results pages show (assignmentResults, liveResults), so the export and the
 * pages cannot disagree. Callers check that the class is the teacher's first.
 */
import { asc, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { maxMarks } from '$lib/quiz/scoring';
import { roundMarks, type ResultRow } from '$lib/quiz/results-table';
import type { ClassResultSet } from '$lib/classes/export';
import { assignmentResults } from './results';
import { liveResults } from '../live/results';
import { liveQuestionsOf } from '../live/sessions';

/** One student's line in a result set: their status, marks (null before they start) and each question's marks. */
function studentLine(row: ResultRow) {
	return {
		displayName: row.name,
		status: row.status,
		marks: row.counted ? roundMarks(row.marks) : null,
		answers: row.cells.map((c) => (!c ? null : c.awaitingGrade ? ('to grade' as const) : roundMarks(c.marks ?? 0)))
	};
}

/** The class's assignments and live sessions with their results, oldest first. */
export async function classResults(handle: DatabaseHandle, classId: string): Promise<ClassResultSet[]> {
	const { db, tables: t } = handle;
	const [assignments, sessions] = await Promise.all([
		db
			.select({ assignment: t.assignments, title: t.quizzes.title })
			.from(t.assignments)
			.innerJoin(t.quizzes, eq(t.quizzes.id, t.assignments.quizId))
			.where(eq(t.assignments.classId, classId))
			.orderBy(asc(t.assignments.opensAt)),
		db
			.select({ session: t.liveSessions, title: t.quizzes.title })
			.from(t.liveSessions)
			.innerJoin(t.quizzes, eq(t.quizzes.id, t.liveSessions.quizId))
			.where(eq(t.liveSessions.classId, classId))
			.orderBy(asc(t.liveSessions.createdAt))
	]);
	const sets: ClassResultSet[] = [];
	for (const { assignment, title } of assignments) {
		const { questions, rows } = await assignmentResults(handle, assignment);
		sets.push({
			kind: 'assignment',
			title,
			date: assignment.opensAt,
			outOf: questions.reduce((sum, q) => sum + maxMarks(q.certainty), 0),
			questions: questions.map((q, i) => ({ number: i + 1, prompt: q.prompt })),
			students: rows.map(studentLine)
		});
	}
	for (const { session, title } of sessions) {
		const questions = await liveQuestionsOf(handle, session);
		const results = await liveResults(handle, { session, questions });
		sets.push({
			kind: 'live',
			title,
			date: session.createdAt,
			// Marked out of the questions the class was shown (see markedQuestions).
			outOf: results.questions.reduce((sum, q) => sum + maxMarks(q.certainty), 0),
			questions: results.questions.map((q) => ({ number: q.number, prompt: q.prompt })),
			students: results.rows.map(studentLine)
		});
	}
	return sets.sort((a, b) => a.date.getTime() - b.date.getTime());
}
