/**
 * Assignments: a quiz set for a class with its rules (when it opens and closes, how many
 * attempts, when feedback shows, shuffling), and the attempts students make at it. Every
 * rule is checked here, on the server, whatever the page showed.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { preparedFor } from '../db/prepared';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { randomToken } from '../auth/tokens';
import { ownedClass } from '../people/classes';
import type { SessionStudent } from '../auth/session';
import { stableShuffle } from '$lib/quiz/shuffle';
import { attemptSeed } from './shuffle-seed';
import { stampColumns, stampOf } from '../articles/reader';
import { quizQuestions } from './question-cache';
import { saveResponse, submitAttempt, type AnswerInput } from './responses';
import { ownedOrPackQuiz } from './editor';

import { FEEDBACK_MODES, reviewPolicy, type FeedbackMode, type ReviewPolicy } from '$lib/quiz/review-policy';

export { FEEDBACK_MODES, type FeedbackMode };
export const MAX_ATTEMPTS_LIMIT = 10;

type Tables = DatabaseHandle['tables'];
export type AssignmentRow = Tables['assignments']['$inferSelect'];
export type AttemptRow = Tables['attempts']['$inferSelect'];
export type QuestionRow = Tables['quizQuestions']['$inferSelect'];

/** The rules a teacher sets. */
export interface AssignmentSettings {
	opensAt: Date;
	closesAt: Date;
	maxAttempts: number;
	feedback: FeedbackMode;
	shuffle: boolean;
	/** Show the right answers after every attempt, not only after the last one (or the close); null when neither was chosen. */
	answersEachAttempt: boolean | null;
}

/** Refuses rules that cannot work, with a message for the teacher. */
export function checkSettings(s: AssignmentSettings): AssignmentSettings & { answersEachAttempt: boolean } {
	if (Number.isNaN(s.opensAt.getTime())) throw new DomainError(m.teach_err_opens_missing(), 400);
	if (Number.isNaN(s.closesAt.getTime())) throw new DomainError(m.teach_err_closes_missing(), 400);
	if (s.closesAt <= s.opensAt) throw new DomainError(m.teach_err_closes_before(), 400);
	if (!Number.isInteger(s.maxAttempts) || s.maxAttempts < 1 || s.maxAttempts > MAX_ATTEMPTS_LIMIT) {
		throw new DomainError(m.teach_err_attempts_range({ max: MAX_ATTEMPTS_LIMIT }), 400);
	}
	if (!FEEDBACK_MODES.includes(s.feedback)) throw new DomainError(m.teach_err_feedback_choose(), 400);
	// A form that sent something else than the two choices: refuse rather than guess.
	if (typeof s.answersEachAttempt !== 'boolean') throw new DomainError(m.teach_err_answers_choose(), 400);
	// Only the rules: never let a caller's other fields through to the row.
	return {
		opensAt: s.opensAt,
		closesAt: s.closesAt,
		maxAttempts: s.maxAttempts,
		feedback: s.feedback,
		shuffle: !!s.shuffle,
		answersEachAttempt: s.answersEachAttempt
	};
}

/** Whether an assignment has opened, is open, or has closed at `now`. */
export function assignmentState(a: Pick<AssignmentRow, 'opensAt' | 'closesAt'>, now = new Date()): 'upcoming' | 'open' | 'closed' {
	if (now < a.opensAt) return 'upcoming';
	return now < a.closesAt ? 'open' : 'closed';
}

/** An attempt is over once submitted, or once its assignment has closed (what was saved counts). */
export function attemptOver(a: AssignmentRow, attempt: AttemptRow, now = new Date()): boolean {
	return !!attempt.submittedAt || now >= a.closesAt;
}

/**
 * What the student may see of a question of `attempt` now (see review-policy): whether it
 * was right with its marks and their own feedback, and whether the right answers too.
 * `attempts` are all of this student's attempts at the assignment.
 */
export function reviewPolicyFor(a: AssignmentRow, attempt: AttemptRow, attempts: AttemptRow[], answered: boolean, now = new Date()): ReviewPolicy {
	return reviewPolicy({
		mode: a.feedback,
		answersEachAttempt: a.answersEachAttempt,
		closed: now >= a.closesAt,
		attemptOver: attemptOver(a, attempt, now),
		answered,
		attemptsLeft: Math.max(0, a.maxAttempts - attempts.length),
		anotherUnderWay: attempts.some((x) => x.id !== attempt.id && !attemptOver(a, x, now))
	});
}

/** A quiz the teacher may assign (a content pack's, or one of their own) that has questions. */
async function usableQuiz(handle: DatabaseHandle, teacherId: string, quizId: string) {
	const quiz = await ownedOrPackQuiz(handle, teacherId, quizId);
	const { db, tables: t } = handle;
	const [{ n }] = await db.select({ n: count() }).from(t.quizQuestions).where(eq(t.quizQuestions.quizId, quiz.id));
	if (n === 0) throw new DomainError(m.teach_err_quiz_empty(), 409);
	return quiz;
}

/** Sets a quiz for one of the teacher's classes. */
export async function createAssignment(
	handle: DatabaseHandle,
	teacherId: string,
	classId: string,
	quizId: string,
	settings: AssignmentSettings,
	now = new Date()
) {
	const cls = await ownedClass(handle, teacherId, classId);
	await usableQuiz(handle, teacherId, quizId);
	// A time in the past is the likelier slip than one before the opening, so say that first.
	if (settings.closesAt <= now) throw new DomainError(m.teach_err_closes_past(), 400);
	const checked = checkSettings(settings);
	const id = randomToken();
	await handle.db.insert(handle.tables.assignments).values({ id, classId: cls.id, quizId, ...checked });
	return id;
}

/** The teacher's assignment with its class and quiz, or a 404 for anyone else's. */
export async function teacherAssignment(handle: DatabaseHandle, teacherId: string, classId: string, assignmentId: string) {
	const cls = await ownedClass(handle, teacherId, classId);
	const { db, tables: t } = handle;
	const [row] = await db
		.select({ assignment: t.assignments, quiz: t.quizzes, articleSlug: t.articles.slug })
		.from(t.assignments)
		.innerJoin(t.quizzes, eq(t.quizzes.id, t.assignments.quizId))
		.innerJoin(t.articles, eq(t.articles.id, t.quizzes.articleId))
		.where(and(eq(t.assignments.id, assignmentId), eq(t.assignments.classId, cls.id)));
	if (!row) throw new DomainError(m.teach_err_no_assignment(), 404);
	return { cls, ...row };
}

/** Changes an assignment's rules. Attempts already made stay; a lower limit stops new ones. */
export async function updateAssignment(
	handle: DatabaseHandle,
	teacherId: string,
	classId: string,
	assignmentId: string,
	settings: AssignmentSettings,
	now = new Date()
) {
	const { assignment } = await teacherAssignment(handle, teacherId, classId, assignmentId);
	const checked = checkSettings(settings);
	const { db, tables: t } = handle;
	const [{ started }] = await db.select({ started: count() }).from(t.attempts).where(eq(t.attempts.assignmentId, assignment.id));
	if (started > 0) {
		// Attempts already made fix the question order and the opening: changing them would
		// move questions under a student mid-attempt, or shut them out of work they began.
		if (checked.shuffle !== assignment.shuffle) throw new DomainError(m.teach_err_shuffle_started(), 409);
		if (checked.opensAt > now && checked.opensAt.getTime() !== assignment.opensAt.getTime()) {
			throw new DomainError(m.teach_err_opens_started(), 409);
		}
	}
	await db.transaction(async (tx) => {
		// Attempts still open when the assignment closes are handed in as of the closing
		// time: when it is closed now, and when a closed one is reopened (its students may
		// have seen the answers since). Handing in is what stops late answers at the
		// database (migration 0006), and doing it with the settings in one transaction means
		// an answer either lands before the close or is refused.
		const closingNow = checked.closesAt <= now && assignment.closesAt > now;
		const reopening = now >= assignment.closesAt && checked.closesAt > now;
		if (closingNow || reopening) {
			await tx
				.update(t.attempts)
				.set({ submittedAt: closingNow ? checked.closesAt : assignment.closesAt })
				.where(and(eq(t.attempts.assignmentId, assignment.id), isNull(t.attempts.submittedAt)));
		}
		await tx.update(t.assignments).set(checked).where(eq(t.assignments.id, assignment.id));
	});
}

/** Deletes an assignment with every attempt and answer made for it. */
export async function deleteAssignment(handle: DatabaseHandle, teacherId: string, classId: string, assignmentId: string) {
	const { assignment } = await teacherAssignment(handle, teacherId, classId, assignmentId);
	await handle.db.delete(handle.tables.assignments).where(eq(handle.tables.assignments.id, assignment.id));
}

/** A class's assignments, newest first, with their quiz and how many students have started. */
export async function classAssignments({ db, tables: t }: DatabaseHandle, classId: string) {
	const rows = await db
		.select({ assignment: t.assignments, quizTitle: t.quizzes.title })
		.from(t.assignments)
		.innerJoin(t.quizzes, eq(t.quizzes.id, t.assignments.quizId))
		.where(eq(t.assignments.classId, classId))
		.orderBy(desc(t.assignments.createdAt));
	const started = await db
		.selectDistinct({ assignmentId: t.attempts.assignmentId, studentId: t.attempts.studentId })
		.from(t.attempts)
		.innerJoin(t.assignments, eq(t.assignments.id, t.attempts.assignmentId))
		.where(eq(t.assignments.classId, classId));
	return rows.map((r) => ({ ...r, students: started.filter((s) => s.assignmentId === r.assignment.id).length }));
}

/** Every assignment in the classes this device is signed in to, soonest closing first. */
export async function studentAssignments({ db, tables: t }: DatabaseHandle, students: SessionStudent[]) {
	const result = [];
	for (const student of students) {
		const rows = await db
			.select({ assignment: t.assignments, quizTitle: t.quizzes.title })
			.from(t.assignments)
			.innerJoin(t.quizzes, eq(t.quizzes.id, t.assignments.quizId))
			.where(eq(t.assignments.classId, student.classId))
			.orderBy(asc(t.assignments.closesAt));
		const tries = await db.select().from(t.attempts).where(eq(t.attempts.studentId, student.id));
		for (const row of rows) result.push({ ...row, student, attempts: tries.filter((a) => a.assignmentId === row.assignment.id) });
	}
	return result;
}

/** An assignment with its quiz, its article's slug and stamp, and an attempt by id (or null): every student page asks. */
const assignmentWithAttempt = preparedFor((handle) => {
	const { db, tables: t } = handle;
	return db
		.select({ assignment: t.assignments, quiz: t.quizzes, articleSlug: t.articles.slug, stamp: stampColumns(handle), attempt: t.attempts })
		.from(t.assignments)
		.innerJoin(t.quizzes, eq(t.quizzes.id, t.assignments.quizId))
		.innerJoin(t.articles, eq(t.articles.id, t.quizzes.articleId))
		.leftJoin(t.attempts, eq(t.attempts.id, sql.placeholder('attemptId')))
		.where(eq(t.assignments.id, sql.placeholder('assignmentId')))
		.prepare('assignment_with_attempt');
});

/**
 * The assignment, its quiz's questions in authored order, its article's slug and stamp, and
 * which of the device's students it is for; 404 otherwise. An answer or submit form names
 * its attempt: with `attemptId`, that attempt row comes back too (or null), read in the
 * same query, for `checkOwnAttempt` to judge. (With none, the join matches nothing.)
 */
export async function studentAssignment(handle: DatabaseHandle, students: SessionStudent[], assignmentId: string, attemptId = '') {
	const [row] = await assignmentWithAttempt(handle).execute({ assignmentId, attemptId: attemptId.slice(0, 64) });
	const student = row && students.find((s) => s.classId === row.assignment.classId);
	if (!row || !student) throw new DomainError(m.rest_err_no_assignment(), 404);
	// The quiz row was read first, so the questions are never older than its updatedAt.
	const questions = await quizQuestions(handle, row.quiz);
	const { stamp, attempt, ...rest } = row;
	return { ...rest, articleStamp: stampOf(stamp), namedAttempt: attempt, student, questions };
}

/** A student's attempts at an assignment, first to last. */
export async function attemptsAt({ db, tables: t }: DatabaseHandle, studentId: string, assignmentId: string) {
	return db
		.select()
		.from(t.attempts)
		.where(and(eq(t.attempts.studentId, studentId), eq(t.attempts.assignmentId, assignmentId)))
		.orderBy(asc(t.attempts.number));
}

/**
 * Starts the student's next attempt, or returns the one they have not finished (so a
 * second device or a double click resumes it). Refused before opening, after closing and
 * beyond the limit. The unique (assignment, student, number) index means two starts at
 * once make one attempt, never one too many.
 */
export async function startAttempt(handle: DatabaseHandle, studentId: string, a: AssignmentRow, now = new Date()): Promise<AttemptRow> {
	const state = assignmentState(a, now);
	if (state === 'upcoming') throw new DomainError(m.rest_err_not_open(), 409);
	if (state === 'closed') throw new DomainError(m.rest_err_closed_no_start(), 409);
	const existing = await attemptsAt(handle, studentId, a.id);
	const open = existing.find((x) => !x.submittedAt);
	if (open) return open;
	if (existing.length >= a.maxAttempts) {
		throw new DomainError(`You have used all ${a.maxAttempts} attempt${a.maxAttempts === 1 ? '' : 's'} at this assignment.`, 409);
	}
	const { db, tables: t } = handle;
	const [made] = await db
		.insert(t.attempts)
		.values({ id: randomToken(), quizId: a.quizId, assignmentId: a.id, studentId, number: existing.length + 1, startedAt: now })
		.onConflictDoNothing()
		.returning();
	if (made) return made;
	// Another request started this attempt a moment ago: use it.
	const again = await attemptsAt(handle, studentId, a.id);
	const current = again.find((x) => !x.submittedAt);
	if (!current) throw new DomainError(m.rest_err_finished_elsewhere(), 409);
	return current;
}

/** The attempt a form names, if it is this student's attempt at this assignment; a 403 for anyone else's. */
export async function ownAttempt({ db, tables: t }: DatabaseHandle, studentId: string, assignmentId: string, attemptId: string) {
	const [row] = await db.select().from(t.attempts).where(eq(t.attempts.id, attemptId.slice(0, 64)));
	return checkOwnAttempt(row ?? null, studentId, assignmentId);
}

/** `row` (an attempt a form named, already read), if it is this student's attempt at this assignment; as `ownAttempt`. */
export function checkOwnAttempt(row: AttemptRow | null, studentId: string, assignmentId: string): AttemptRow {
	if (!row) throw new DomainError(m.rest_err_no_attempt(), 404);
	if (row.studentId !== studentId || row.assignmentId !== assignmentId) throw new DomainError(m.rest_err_not_your_attempt(), 403);
	return row;
}

/** The order this attempt sees the questions in: shuffled per attempt when the assignment says so. */
export function questionOrder<Q extends { key: string }>(a: AssignmentRow, attemptId: string, questions: Q[]): Q[] {
	return a.shuffle ? stableShuffle(questions, attemptSeed(attemptId, 'questions')) : questions;
}

/**
 * Saves an answer within the rules: only to the student's unfinished attempt while the
 * assignment is open. With feedback after each question, the first answer is final.
 */
export async function saveAssignmentAnswer(
	handle: DatabaseHandle,
	a: AssignmentRow,
	attempt: AttemptRow,
	question: QuestionRow,
	input: AnswerInput,
	textLength: number,
	now = new Date()
) {
	if (now >= a.closesAt) throw new DomainError(m.rest_err_closed_saved_count(), 409);
	if (attempt.submittedAt) throw new DomainError(m.rest_err_submitted(), 409);
	return saveResponse(handle, attempt, question, input, textLength, { lockOnceAnswered: a.feedback === 'each-question' }, now);
}

/** Hands in the attempt. After closing there is nothing to hand in: what was saved counts. */
export async function submitAssignmentAttempt(handle: DatabaseHandle, a: AssignmentRow, attempt: AttemptRow, now = new Date()) {
	if (attempt.submittedAt) return;
	if (now >= a.closesAt) throw new DomainError(m.rest_err_closed_handed_in(), 409);
	await submitAttempt(handle, attempt.id, now);
}


/**
 * Whether any of these classes has this quiz open as an assignment now. Practising the
 * same quiz (with feedback after each question) would hand its students the answers.
 */
export async function quizAssignedNow({ db, tables: t }: DatabaseHandle, classIds: string[], quizId: string, now = new Date()) {
	if (classIds.length === 0) return false;
	const [row] = await db
		.select({ id: t.assignments.id })
		.from(t.assignments)
		.where(and(inArray(t.assignments.classId, classIds), eq(t.assignments.quizId, quizId), lte(t.assignments.opensAt, now), gt(t.assignments.closesAt, now)))
		.limit(1);
	return !!row;
}
