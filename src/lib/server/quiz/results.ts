/**
 * What a teacher sees of an assignment: its results table, and the written answers to
 * score against their rubric. Callers check ownership first (teacherAssignment).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { roster } from '../people/classes';
import { marks, type Certainty } from '$lib/quiz/scoring';
import { resultsTable } from '$lib/quiz/results-table';
import { attemptOver, type AssignmentRow } from './assignments';
import { signalResults } from '../results/results-signal';

/** The assignment's questions (authored order), roster, attempts and responses. */
async function assignmentData(handle: DatabaseHandle, a: AssignmentRow) {
	const { db, tables: t } = handle;
	const questions = await db.select().from(t.quizQuestions).where(eq(t.quizQuestions.quizId, a.quizId)).orderBy(asc(t.quizQuestions.sort));
	const students = await roster(handle, a.classId);
	const attempts = await db.select().from(t.attempts).where(eq(t.attempts.assignmentId, a.id));
	const ids = attempts.map((x) => x.id);
	const responses = ids.length ? await db.select().from(t.responses).where(inArray(t.responses.attemptId, ids)) : [];
	return { questions, students, attempts, responses };
}

/** The table of students by questions for an assignment. */
export async function assignmentResults(handle: DatabaseHandle, a: AssignmentRow, now = new Date()) {
	const data = await assignmentData(handle, a);
	const attempts = data.attempts.map((x) => ({ ...x, studentId: x.studentId ?? '', number: x.number ?? 1 }));
	const byId = new Map(data.attempts.map((x) => [x.id, x]));
	const rows = resultsTable(data.questions, data.students, attempts, data.responses, (x) => attemptOver(a, byId.get(x.id)!, now));
	return { questions: data.questions, rows };
}

/**
 * Every written answer given for the assignment, with its question's rubric and any
 * grade so far, ungraded first.
 */
export async function writtenAnswers(handle: DatabaseHandle, a: AssignmentRow) {
	const { questions, students, attempts, responses } = await assignmentData(handle, a);
	const written = new Map<string, { q: (typeof questions)[number]; number: number }>();
	questions.forEach((q, i) => q.type === 'short-answer' && written.set(q.id, { q, number: i + 1 }));
	const names = new Map(students.map((s) => [s.id, s.displayName]));
	const attemptById = new Map(attempts.map((x) => [x.id, x]));
	return responses
		.filter((r) => written.has(r.questionId) && r.answer.type === 'text')
		.map((r) => {
			const { q, number } = written.get(r.questionId)!;
			const attempt = attemptById.get(r.attemptId)!;
			return {
				responseId: r.id,
				/** Which version of the answer the teacher is reading: the grade form sends it back. */
				answeredAt: r.answeredAt.getTime(),
				student: names.get(attempt.studentId ?? '') ?? m.teach_removed_student(),
				attemptNumber: attempt.number ?? 1,
				questionNumber: number,
				prompt: q.prompt,
				rubric: q.rubric ?? [],
				text: r.answer.type === 'text' ? r.answer.text : '',
				certainty: r.certainty,
				rubricMet: r.rubricMet ?? [],
				points: (r.rubricMet ?? []).reduce((sum, i) => sum + (q.rubric?.[i]?.points ?? 0), 0),
				totalPoints: (q.rubric ?? []).reduce((sum, item) => sum + item.points, 0),
				comment: r.comment ?? '',
				graded: r.gradedAt !== null,
				marks: r.marks
			};
		})
		.sort((x, y) => Number(x.graded) - Number(y.graded) || x.questionNumber - y.questionNumber || x.student.localeCompare(y.student));
}

/**
 * Scores a written answer against its rubric: the ticked items' points over the rubric's
 * total, then certainty-based marks as for any answer. Refuses responses outside the assignment.
 */
export async function gradeWrittenAnswer(
	handle: DatabaseHandle,
	a: AssignmentRow,
	responseId: string,
	met: number[],
	comment: string,
	/** The answer's answeredAt (ms) as the teacher read it; a grade for an older version is refused. */
	seenAnsweredAt: number | null,
	now = new Date()
) {
	const { db, tables: t } = handle;
	const [row] = await db
		.select({ response: t.responses, question: t.quizQuestions })
		.from(t.responses)
		.innerJoin(t.attempts, eq(t.attempts.id, t.responses.attemptId))
		.innerJoin(t.quizQuestions, eq(t.quizQuestions.id, t.responses.questionId))
		.where(and(eq(t.responses.id, responseId.slice(0, 64)), eq(t.attempts.assignmentId, a.id)));
	if (!row) throw new DomainError(m.teach_err_no_answer(), 404);
	if (row.question.type !== 'short-answer') throw new DomainError(m.teach_err_written_only(), 400);
	const changed = m.teach_err_answer_changed();
	if (seenAnsweredAt !== null && seenAnsweredAt !== row.response.answeredAt.getTime()) throw new DomainError(changed, 409);
	const rubric = row.question.rubric ?? [];
	const ticked = [...new Set(met)].sort((x, y) => x - y);
	if (ticked.some((i) => !Number.isInteger(i) || i < 0 || i >= rubric.length)) throw new DomainError(m.teach_err_rubric_item(), 400);
	if (comment.length > 2000) throw new DomainError(m.teach_err_comment_long({ max: (2000).toLocaleString(getLocale()) }), 413);
	const total = rubric.reduce((sum, r) => sum + r.points, 0);
	const points = ticked.reduce((sum, i) => sum + rubric[i].points, 0);
	const fraction = total > 0 ? points / total : 0;
	// The grade is for the answer the teacher read: if the student changed it meanwhile (a
	// new answeredAt), nothing is written, and the new answer waits in the queue.
	const graded = await db
		.update(t.responses)
		.set({ rubricMet: ticked, comment: comment || null, gradedAt: now, fraction, marks: marks(fraction, row.response.certainty as Certainty | null) })
		.where(and(eq(t.responses.id, row.response.id), eq(t.responses.answeredAt, row.response.answeredAt)))
		.returning({ id: t.responses.id });
	if (graded.length === 0) throw new DomainError(changed, 409);
	signalResults(handle, { kind: 'assignment', id: a.id });
	return { points, total };
}
