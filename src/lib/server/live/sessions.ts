/**
 * Live sessions in the database: starting one for a class, the teacher's commands, students
 * joining and answering. The session's state machine (src/lib/live/session-state.ts) is
 * stored with a version, and every command is a compare-and-set on that version, so two
 * teacher screens (a phone and the projector) can never apply commands to a state they did
 * not see. Which questions are open is also kept per question (`live_questions`), where the
 * database refuses an answer to a locked question itself (migration 0007's triggers): an
 * answer racing a lock lands before it or is refused with a 409, never half-saved.
 *
 * Every change is announced on the session's topic, coalesced, for the projector and phones.
 */
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DatabaseHandle, Transaction } from '../db/database';
import { DomainError } from '../domain-error';
import { randomToken } from '../auth/tokens';
import { preparedFor } from '../db/prepared';
import { ownedClass } from '../people/classes';
import { ownedOrPackQuiz } from '../quiz/editor';
import { quizQuestions } from '../quiz/question-cache';
import { saveResponse, type AnswerInput } from '../quiz/responses';
import { announcer } from './announce';
import { answerRefusalMessage, commandRefusalMessage } from './refusal-messages';
import { m } from '$lib/paraglide/messages';
import { stampColumns } from '../articles/reader';
import { answerRefusal } from '$lib/live/pacing';
import { apply, currentPhase, newSession, RefusedCommand, type Command, type LiveSessionState } from '$lib/live/session-state';

type LiveSessionRow = DatabaseHandle['tables']['liveSessions']['$inferSelect'];
type AttemptRow = DatabaseHandle['tables']['attempts']['$inferSelect'];

export interface LiveSettings {
	/** The teacher moves the class on, or students go at their own pace inside the session. */
	pacing: 'teacher' | 'student';
	/** Ask students how sure they are (certainty-based marks). */
	askCertainty: boolean;
	/** What the projector may show of students: nothing (the default), initials, or full names. */
	names: 'none' | 'initials' | 'full';
}

/** The pub/sub topic of a live session. */
export const liveTopic = (sessionId: string) => `live:${sessionId}`;

/** Ids the kit makes are 24 lowercase base32 characters; anything else cannot be one. */
const isId = (value: string) => /^[a-z2-7]{24}$/.test(value);
// The messages are read when thrown, so each reads in the language of the request it answers.
const NO_SESSION = () => new DomainError(m.live_err_no_session(), 404);
const RUNNING = () => new DomainError(m.live_err_running(), 409);
const MOVED_ON = () => new DomainError(m.live_err_moved_on(), 409);
/** The refusal a student the teacher removed from the session meets, wherever they try to take part. */
export const removedError = () => new DomainError(m.live_err_removed(), 403);

/** Starts a live session of `quizId` (a pack quiz or the teacher's own, with questions) for the teacher's class. */
export async function startLiveSession(handle: DatabaseHandle, teacherId: string, classId: string, quizId: string, settings: LiveSettings, now = new Date()) {
	const cls = await ownedClass(handle, teacherId, classId);
	if (cls.archivedAt) throw new DomainError(m.live_err_archived(), 409);
	const quiz = await ownedOrPackQuiz(handle, teacherId, quizId);
	const questions = await quizQuestions(handle, quiz);
	if (questions.length === 0) throw new DomainError(m.live_err_no_questions(), 409);
	const { db, tables: t } = handle;
	const running = await db
		.select({ id: t.liveSessions.id })
		.from(t.liveSessions)
		.where(and(eq(t.liveSessions.classId, cls.id), isNull(t.liveSessions.endedAt)));
	if (running.length > 0) throw RUNNING();
	const id = randomToken();
	// The unique index on running sessions decides between two starts at the same moment.
	const made = await db
		.insert(t.liveSessions)
		.values({
			id,
			classId: cls.id,
			quizId: quiz.id,
			pacing: settings.pacing,
			askCertainty: settings.askCertainty,
			names: settings.names,
			state: newSession(questions.length),
			version: 0,
			createdAt: now
		})
		.onConflictDoNothing()
		.returning({ id: t.liveSessions.id });
	if (made.length === 0) throw RUNNING();
	return { id };
}

/** A live session of one of the teacher's classes; a 404 otherwise, whether it exists or not. */
export async function teacherLiveSession(handle: DatabaseHandle, teacherId: string, sessionId: string): Promise<LiveSessionRow> {
	if (!isId(sessionId)) throw NO_SESSION();
	const { db, tables: t } = handle;
	const [row] = await db
		.select({ session: t.liveSessions })
		.from(t.liveSessions)
		.innerJoin(t.classes, eq(t.classes.id, t.liveSessions.classId))
		.where(and(eq(t.liveSessions.id, sessionId), eq(t.classes.teacherId, teacherId)));
	if (!row) throw NO_SESSION();
	return row.session;
}

/** The session's questions in quiz order (shared and read-only). */
export async function liveQuestionsOf(handle: DatabaseHandle, session: LiveSessionRow) {
	const { db, tables: t } = handle;
	const [quiz] = await db.select().from(t.quizzes).where(eq(t.quizzes.id, session.quizId));
	if (!quiz) throw new DomainError(m.live_err_quiz_deleted(), 410);
	return quizQuestions(handle, quiz);
}

/**
 * Applies the teacher's command to the state they saw (`version`). The state, the version
 * and the per-question rows change in one transaction, and only if nobody changed the
 * session meanwhile; otherwise a 409 asks the teacher to look again.
 */
export async function commandLiveSession(handle: DatabaseHandle, teacherId: string, sessionId: string, version: number, command: Command, now = new Date()) {
	const session = await teacherLiveSession(handle, teacherId, sessionId);
	if (session.version !== version) throw MOVED_ON();
	let next: LiveSessionState;
	try {
		next = apply(session.state, command);
	} catch (error) {
		if (error instanceof RefusedCommand) throw new DomainError(commandRefusalMessage(error.reason), 409);
		throw error;
	}
	const questions = await liveQuestionsOf(handle, session);
	const { tables: t } = handle;
	await handle.db.transaction(async (tx) => {
		const moved = await tx
			.update(t.liveSessions)
			.set({ state: next, version: version + 1, endedAt: next.stage === 'ended' ? now : null })
			.where(and(eq(t.liveSessions.id, session.id), eq(t.liveSessions.version, version)))
			.returning({ id: t.liveSessions.id });
		if (moved.length === 0) throw MOVED_ON();
		await recordQuestionPhases(tx, handle, session.id, session.state, next, questions, now);
		if (next.stage === 'ended') {
			// Ending keeps every answer: each student's part is handed in as it stands.
			await tx
				.update(t.attempts)
				.set({ submittedAt: now })
				.where(and(eq(t.attempts.liveSessionId, session.id), isNull(t.attempts.submittedAt)));
		}
	});
	// The class waits for this one: it goes out at once, not at the end of an interval that
	// students' answers started (bench/live.js: question shown → every student has it).
	announceLive(handle, session.id, true);
	return next;
}

/** Mirrors the current question's phase into `live_questions`, where answers are checked. */
async function recordQuestionPhases(
	tx: Transaction,
	handle: DatabaseHandle,
	sessionId: string,
	before: LiveSessionState,
	after: LiveSessionState,
	questions: { id: string }[],
	now: Date
) {
	const t = handle.tables;
	if (after.stage !== 'question') {
		// Pausing or ending locks nothing by itself; ending hands every attempt in.
		return;
	}
	const question = questions[after.current];
	const phase = currentPhase(after)!;
	const where = and(eq(t.liveQuestions.sessionId, sessionId), eq(t.liveQuestions.questionId, question.id));
	if (before.phases[after.current] === undefined) {
		await tx.insert(t.liveQuestions).values({ sessionId, questionId: question.id, openedAt: now }).onConflictDoNothing();
	}
	if (phase === 'open') await tx.update(t.liveQuestions).set({ lockedAt: null }).where(where);
	if (phase === 'locked') await tx.update(t.liveQuestions).set({ lockedAt: now }).where(and(where, isNull(t.liveQuestions.lockedAt)));
	if (phase === 'revealed') {
		await tx.update(t.liveQuestions).set({ lockedAt: now }).where(and(where, isNull(t.liveQuestions.lockedAt)));
		await tx.update(t.liveQuestions).set({ revealedAt: now }).where(and(where, isNull(t.liveQuestions.revealedAt)));
	}
}

/** The running (not ended) live session of one of `classIds`, if any: what "Live now" shows a student. */
export async function runningLiveSessions({ db, tables: t }: DatabaseHandle, classIds: string[]) {
	if (classIds.length === 0) return [];
	const rows = await db
		.select({ id: t.liveSessions.id, classId: t.liveSessions.classId, quizTitle: t.quizzes.title })
		.from(t.liveSessions)
		.innerJoin(t.quizzes, eq(t.quizzes.id, t.liveSessions.quizId))
		.where(isNull(t.liveSessions.endedAt));
	return rows.filter((r) => classIds.includes(r.classId));
}

/** Whether one of `classIds` is running a live session of `quizId` (practice of that quiz pauses meanwhile). */
export async function quizLiveNow({ db, tables: t }: DatabaseHandle, classIds: string[], quizId: string): Promise<boolean> {
	if (classIds.length === 0) return false;
	const [row] = await db
		.select({ id: t.liveSessions.id })
		.from(t.liveSessions)
		.where(and(inArray(t.liveSessions.classId, classIds), eq(t.liveSessions.quizId, quizId), isNull(t.liveSessions.endedAt)))
		.limit(1);
	return !!row;
}

/**
 * The student's part in the session, made on first use: joining twice (a reload, another
 * device signed in as them, a late join) finds the same attempt, by a unique index.
 */
export async function joinLiveSession(handle: DatabaseHandle, student: { id: string; classId: string }, sessionId: string, now = new Date()): Promise<{ session: LiveSessionRow; attempt: AttemptRow }> {
	if (!isId(sessionId)) throw NO_SESSION();
	const { db, tables: t } = handle;
	const [session] = await db.select().from(t.liveSessions).where(eq(t.liveSessions.id, sessionId));
	if (!session || session.classId !== student.classId) throw NO_SESSION();
	return { session, attempt: await joinedAttempt(handle, session, student, now) };
}

/**
 * Every request a student makes in a session (the page, each answer) reads the session, its
 * quiz, the article's slug and its content stamp (so the cached reader model needs no query
 * of its own): one prepared query, not four built afresh each time.
 */
export const liveSessionForStudents = preparedFor((handle) => {
	const { db, tables: t } = handle;
	return db
		.select({
			session: t.liveSessions,
			quizId: t.quizzes.id,
			quizUpdatedAt: t.quizzes.updatedAt,
			quizTitle: t.quizzes.title,
			slug: t.articles.slug,
			stamp: stampColumns(handle)
		})
		.from(t.liveSessions)
		.leftJoin(t.quizzes, eq(t.quizzes.id, t.liveSessions.quizId))
		.leftJoin(t.articles, eq(t.articles.id, t.quizzes.articleId))
		.where(eq(t.liveSessions.id, sql.placeholder('id')))
		.prepare('live_session_for_students');
});

const liveAttempt = preparedFor(({ db, tables: t }) =>
	db
		.select()
		.from(t.attempts)
		.where(and(eq(t.attempts.liveSessionId, sql.placeholder('sessionId')), eq(t.attempts.studentId, sql.placeholder('studentId'))))
		.prepare('live_attempt')
);

/**
 * The student's part in `session` (already checked to be their class's), made on first use:
 * joining twice (a reload, another device, a late join) finds the same attempt, by a unique
 * index. Every answer comes through here, so it looks first and only a first join writes.
 */
export async function joinedAttempt(handle: DatabaseHandle, session: LiveSessionRow, student: { id: string }, now = new Date()): Promise<AttemptRow> {
	const find = () => liveAttempt(handle).execute({ sessionId: session.id, studentId: student.id });
	let [attempt] = await find();
	if (!attempt) {
		await handle.db
			.insert(handle.tables.attempts)
			.values({ id: randomToken(), quizId: session.quizId, liveSessionId: session.id, studentId: student.id, startedAt: now, submittedAt: session.endedAt })
			.onConflictDoNothing();
		[attempt] = await find();
	}
	// Removed by the teacher (roster.ts): no answering, and no coming back to this session.
	if (attempt.removedAt) throw removedError();
	return attempt;
}

/**
 * Saves the student's answer while answers to that question are open: the question on
 * screen, or under student pacing any question (see $lib/live/pacing). Answering again
 * replaces it (until the lock or hand-in); the database refuses answers after the lock.
 */
export async function answerLive(handle: DatabaseHandle, student: { id: string; classId: string }, sessionId: string, questionId: string, input: AnswerInput, textLength: number, now = new Date()) {
	const { session, attempt } = await joinLiveSession(handle, student, sessionId, now);
	const questions = await liveQuestionsOf(handle, session);
	return answerJoinedLive(handle, { session, attempt, questions }, questionId, input, textLength, now);
}

/**
 * `answerLive` for a student the request has already joined (the answer action reads the
 * session, the attempt and the questions to read the form): the same checks and write,
 * without reading them all again.
 */
export async function answerJoinedLive(
	handle: DatabaseHandle,
	{ session, attempt, questions }: { session: LiveSessionRow; attempt: AttemptRow; questions: Awaited<ReturnType<typeof liveQuestionsOf>> },
	questionId: string,
	input: AnswerInput,
	textLength: number,
	now = new Date()
) {
	const index = questions.findIndex((q) => q.id === questionId);
	if (index < 0) throw new DomainError(m.live_err_question_not_in(), 404);
	const refused = answerRefusal(session.state, session.pacing, index, { handedIn: attempt.submittedAt !== null });
	if (refused) throw new DomainError(answerRefusalMessage(refused), 409);
	const question = questions[index];
	if (session.pacing === 'student') {
		// Students go ahead of the projector: a question is open to them from the start. The
		// row is where the database checks the lock, so it is made on first use (a question
		// the teacher has shown, and perhaps locked, keeps its row as it is).
		await handle.db.insert(handle.tables.liveQuestions).values({ sessionId: session.id, questionId: question.id, openedAt: now }).onConflictDoNothing();
	}
	const asked = session.askCertainty && question.certainty ? question : { ...question, certainty: false };
	const result = await saveResponse(handle, attempt, asked, input, textLength, {}, now);
	announceLive(handle, session.id);
	return result;
}

/** How many students are in the session, and how many have answered the current question. */
export async function liveCounts({ db, tables: t }: DatabaseHandle, session: LiveSessionRow, currentQuestionId: string | null) {
	// Students the teacher removed count nowhere, though their answers are kept.
	const inSession = and(eq(t.attempts.liveSessionId, session.id), isNull(t.attempts.removedAt));
	const [{ joined }] = await db.select({ joined: count() }).from(t.attempts).where(inSession);
	if (!currentQuestionId) return { joined, answered: 0 };
	const [{ answered }] = await db
		.select({ answered: count() })
		.from(t.responses)
		.innerJoin(t.attempts, eq(t.attempts.id, t.responses.attemptId))
		.where(and(inSession, eq(t.responses.questionId, currentQuestionId)));
	return { joined, answered };
}

/**
 * What every screen of the session is told when it changes: the state, its version, and
 * counts. No names, no keys, no answers: those reach a screen only through its own page.
 */
export async function liveSnapshot(handle: DatabaseHandle, sessionId: string): Promise<string> {
	const { db, tables: t } = handle;
	const [session] = await db.select().from(t.liveSessions).where(eq(t.liveSessions.id, sessionId));
	if (!session) return JSON.stringify({ gone: true });
	const questions = await liveQuestionsOf(handle, session);
	const current = session.state.stage === 'question' ? questions[session.state.current]?.id ?? null : null;
	const counts = await liveCounts(handle, session, current);
	return JSON.stringify({ version: session.version, state: session.state, ...counts });
}

/** Publishes the session's snapshot, at most about seven times a second however many answers arrive. */
export const announceLive = announcer(liveTopic, liveSnapshot);
