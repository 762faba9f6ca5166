/**
 * A live session as one student sees it: which of this device's students is in the
 * session's class, the session's question for them with its passage, their saved answer,
 * and only what the state lets them see of the key (see $lib/live/pacing). Every page load
 * reads the state from the database, so a reload, a late join or another device lands on
 * the same screen with the same answers. Nothing here returns a key, feedback or the
 * class's answers before the teacher reveals them.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import type { SessionStudent } from '../auth/session';
import { DomainError } from '../domain-error';
import { articleBundle } from '../articles/reader-cache';
import { feedbackView, questionView, responsesOf, savedAnswerView } from '../quiz/question-views';
import { maxMarks } from '$lib/quiz/scoring';
import { summariseScores } from '$lib/results/score-summary';
import { liveQuestionIndexes } from '$lib/results/accuracy';
import { pacedScreen, refreshesItself, studentMayAnswer, studentMaySee, type PacedScreen } from '$lib/live/pacing';
import { screenKey } from '$lib/live/student-follow';
import { announceLive, joinedAttempt, liveSessionForStudents, removedError } from './sessions';
import { m } from '$lib/paraglide/messages';
import { stampOf } from '../articles/reader';
import { quizQuestions } from '../quiz/question-cache';

/** Read when thrown, so it is in the language of the request. */
const NO_SESSION = () => new DomainError(m.live_err_no_session(), 404);
const isId = (value: string) => /^[a-z2-7]{24}$/.test(value);

/** The session's class and this device's student in it; a 404 for anyone else, whether it exists or not. */
export async function studentOfSession({ db, tables: t }: DatabaseHandle, students: SessionStudent[], sessionId: string) {
	if (!isId(sessionId)) throw NO_SESSION();
	if (students.length === 0) throw NO_SESSION();
	// One query (a class opens its streams all at once): the session's class, and any
	// removal of this device's students from it.
	const rows = await db
		.select({ classId: t.liveSessions.classId, removedStudent: t.attempts.studentId })
		.from(t.liveSessions)
		.leftJoin(
			t.attempts,
			and(
				eq(t.attempts.liveSessionId, t.liveSessions.id),
				inArray(
					t.attempts.studentId,
					students.map((s) => s.id)
				),
				isNotNull(t.attempts.removedAt)
			)
		)
		.where(eq(t.liveSessions.id, sessionId));
	const student = rows[0] && students.find((s) => s.classId === rows[0].classId);
	if (!student) throw NO_SESSION();
	// A student the teacher removed gets no updates either (joining and answering refuse them too).
	if (rows.some((r) => r.removedStudent === student.id)) throw removedError();
	return student;
}

/**
 * Joins the student to the session (finding their part if they joined before) with the
 * session's questions and article. A first join is announced, so the projector's count moves.
 */
export async function studentLiveContext(handle: DatabaseHandle, students: SessionStudent[], sessionId: string, now = new Date()) {
	if (!isId(sessionId)) throw NO_SESSION();
	// One prepared query for the session, its quiz and its article (every answer comes here).
	const [row] = await liveSessionForStudents(handle).execute({ id: sessionId });
	const student = row && students.find((s) => s.classId === row.session.classId);
	if (!row || !student) throw NO_SESSION();
	const session = row.session;
	const attempt = await joinedAttempt(handle, session, student, now);
	if (attempt.startedAt.getTime() === now.getTime()) announceLive(handle, session.id);
	if (!row.quizId || !row.quizUpdatedAt) throw new DomainError(m.live_err_quiz_deleted(), 410);
	const questions = await quizQuestions(handle, { id: row.quizId, updatedAt: row.quizUpdatedAt });
	// The stamp came with the session (a left join: null columns when the article is gone).
	const stamp = row.stamp ? stampOf(row.stamp) : undefined;
	const bundle = row.slug ? await articleBundle(handle, row.slug, stamp) : null;
	if (!row.slug || !bundle) throw new DomainError(m.live_err_article_gone(), 410);
	return { student, session, attempt, questions, title: row.quizTitle ?? '', slug: row.slug, article: bundle.article };
}

export type StudentLiveContext = Awaited<ReturnType<typeof studentLiveContext>>;

/** The question at 1-based `raw` from the address (student pacing), or null when absent or not a number. */
export function wantedIndex(raw: string | null): number | null {
	if (raw === null || !/^\d{1,4}$/.test(raw)) return null;
	return Number(raw) - 1;
}

/**
 * Everything the student's page shows now. `wanted` is the question a student-paced
 * student asked for (0-based). The question carries its id as `key`, which the answer form
 * sends back as `question`.
 */
export async function studentLiveView(handle: DatabaseHandle, ctx: StudentLiveContext, wanted: number | null) {
	const { session, attempt, questions, article } = ctx;
	const part = { handedIn: attempt.submittedAt !== null };
	const screen: PacedScreen = pacedScreen(session.state, session.pacing, wanted);
	const responses = await responsesOf(handle, attempt.id);
	const base = {
		sessionId: session.id,
		title: ctx.title,
		slug: ctx.slug,
		studentName: ctx.student.displayName,
		className: ctx.student.className,
		pacing: session.pacing,
		version: session.version,
		// What the event stream's messages are compared with (see student-follow.ts).
		wanted,
		screenKey: screenKey(session.state, session.pacing, wanted),
		handedIn: part.handedIn,
		total: questions.length,
		answered: questions.map((q) => responses.has(q.id)),
		screen
	};
	if (screen.kind !== 'question') {
		// At the end, the results of the questions the student may see (revealed, or their own once handed in).
		// Accuracy counts the questions the session showed whose results the student may see (all, once revealed).
		const shown = screen.kind === 'ended' ? liveQuestionIndexes(session.state, session.pacing).filter((i) => i < questions.length && studentMaySee(session.state, session.pacing, i, part).feedback) : [];
		const seen = shown.flatMap((i) => responses.get(questions[i].id) ?? []);
		const summary = seen.length ? summariseScores(seen, shown.map((i) => ({ certainty: session.askCertainty && questions[i].certainty }))) : null;
		return { ...base, summary, question: null, mayAnswer: false, saved: null, feedback: null, refresh: refreshesItself(screen, false, false) };
	}
	const q = questions[screen.index];
	// The session's setting decides whether certainty is asked, whatever the question says.
	const asked = session.askCertainty && q.certainty ? q : { ...q, certainty: false };
	const view = questionView(asked, article, attempt.id, screen.index + 1, questions.length);
	const response = responses.get(q.id);
	const mayAnswer = studentMayAnswer(session.state, session.pacing, screen.index, part);
	const policy = studentMaySee(session.state, session.pacing, screen.index, part);
	return {
		...base,
		summary: null,
		question: { ...view, key: q.id, maxMarks: maxMarks(asked.certainty) },
		mayAnswer,
		saved: response ? savedAnswerView(q, response, article, attempt.id) : null,
		feedback: response && policy.feedback ? feedbackView(asked, response, article, policy) : null,
		refresh: refreshesItself(screen, mayAnswer, !!response)
	};
}

/**
 * Hands in a student-paced student's part: their answers become final (the database then
 * refuses changes) and their own results show. Handing in twice is harmless.
 */
export async function handInLive(handle: DatabaseHandle, ctx: StudentLiveContext, now = new Date()) {
	if (ctx.session.pacing !== 'student') throw new DomainError(m.live_err_teacher_decides(), 409);
	if (ctx.session.state.stage === 'ended') throw new DomainError(m.live_err_ended_kept(), 409);
	const { db, tables: t } = handle;
	await db.update(t.attempts).set({ submittedAt: now }).where(and(eq(t.attempts.id, ctx.attempt.id), isNull(t.attempts.submittedAt)));
	announceLive(handle, ctx.session.id);
}
