/**
 * A live session's results, as the class's other results are shown: a table of students
 * by questions (the same table and CSV as an assignment's), and per question how many
 * answered, the share right and how many were very sure and wrong. Callers check the
 * teacher first (liveContext). Students the teacher removed keep their row, marked, but
 * count in none of the class's figures.
 */
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { roster } from '../people/classes';
import { resultsTable } from '$lib/quiz/results-table';
import { percentRight, tally } from '$lib/live/tally';
import { accuracyOfAnswers, liveQuestionIndexes } from '$lib/results/accuracy';
import { sessionAnswers, type LiveContext } from './teacher-views';

/**
 * The questions the session has shown, with their numbers in the quiz, as marked: certainty
 * counts only where the session asked for it. A session ended early is marked out of what
 * the class was asked, not the whole quiz; a student-paced one out of every question, all
 * open from the start (one rule for every view: liveQuestionIndexes).
 */
export function markedQuestions(ctx: Pick<LiveContext, 'session' | 'questions'>) {
	const shown = new Set(liveQuestionIndexes(ctx.session.state, ctx.session.pacing));
	return ctx.questions
		.map((q, i) => ({ ...q, number: i + 1, certainty: ctx.session.askCertainty && q.certainty }))
		.filter((q) => shown.has(q.number - 1));
}

/** Students by questions, and each question's figures, for the session in `ctx`. */
export async function liveResults(handle: DatabaseHandle, ctx: Pick<LiveContext, 'session' | 'questions'>) {
	const { db, tables: t } = handle;
	const { session } = ctx;
	const questions = markedQuestions(ctx);
	const [students, attempts] = await Promise.all([roster(handle, session.classId), db.select().from(t.attempts).where(eq(t.attempts.liveSessionId, session.id))]);
	const responses = attempts.length
		? await db
				.select({
					id: t.responses.id,
					attemptId: t.responses.attemptId,
					questionId: t.responses.questionId,
					fraction: t.responses.fraction,
					marks: t.responses.marks,
					certainty: t.responses.certainty,
					answeredAt: t.responses.answeredAt
				})
				.from(t.responses)
				.innerJoin(t.attempts, eq(t.attempts.id, t.responses.attemptId))
				.where(eq(t.attempts.liveSessionId, session.id))
		: [];
	const removed = new Set(attempts.filter((a) => a.removedAt).map((a) => a.studentId));
	const ended = session.endedAt !== null;
	const rows = resultsTable(
		questions,
		students,
		attempts.map((a) => ({ ...a, studentId: a.studentId ?? '', number: 1 })),
		responses,
		(a) => ended || a.submittedAt !== null
	).map((row) => (removed.has(row.studentId) ? { ...row, status: 'removed' as const } : row));
	const answers = await sessionAnswers(handle, session.id);
	const perQuestion = questions.map((q) => {
		const given = answers.filter((a) => a.questionId === q.id);
		const sums = tally(
			(q.options ?? []).map((o) => o.value),
			given
		);
		// Right of the answers given, counted and worded as accuracy is everywhere ($lib/results/accuracy).
		const accuracy = accuracyOfAnswers(given.length, given);
		return { number: q.number, prompt: q.prompt, answered: sums.answered, right: sums.right, accuracy, percentRight: percentRight(sums), confidentlyWrong: sums.confidentlyWrong, written: q.type === 'short-answer' };
	});
	return { questions, rows, perQuestion };
}
