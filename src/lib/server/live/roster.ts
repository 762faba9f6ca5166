/**
 * The teacher's hand on who takes part in a live session: who has joined and answered
 * (by name, for the teacher's own screen only), removing a student from the session, and
 * renaming a student whose typed name is not fit for the class.
 *
 * Removal is stored on the student's attempt for the session (`removed_at`), made if they
 * never joined, so a removed student cannot join later either. The attempt is handed in at
 * the same time, so an answer racing the removal is refused by the database itself
 * (migration 0006's trigger). Their answers so far are kept, but count nowhere live. Their
 * open event streams get a "removed" event and end.
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { randomToken } from '../auth/tokens';
import { renameStudent, roster } from '../people/classes';
import { announceLive, liveTopic, teacherLiveSession } from './sessions';
import { m } from '$lib/paraglide/messages';
import { endViewerMessage } from './event-stream';

type LiveSessionRow = DatabaseHandle['tables']['liveSessions']['$inferSelect'];

/** The last event a removed student's open streams get: a code, which their page puts in words. */
const removedEvent = () => ({ event: 'removed', data: JSON.stringify({ reason: 'removed' }) });

/**
 * The students removed from a live session, each with the event that ends their streams:
 * for a stream that opens as its student is being removed (event-stream.ts asks after subscribing).
 */
export async function removedViewers({ db, tables: t }: DatabaseHandle, sessionId: string) {
	const rows = await db
		.select({ studentId: t.attempts.studentId })
		.from(t.attempts)
		.where(and(eq(t.attempts.liveSessionId, sessionId), isNotNull(t.attempts.removedAt)));
	// Every live attempt has a student (only anonymous practice attempts have none).
	return new Map(rows.flatMap((r) => (r.studentId ? [[r.studentId, removedEvent()] as const] : [])));
}

/** A student of the class as the teacher's controls list them. */
export interface LiveRosterEntry {
	id: string;
	name: string;
	/** They have opened the session (an attempt exists). */
	joined: boolean;
	removed: boolean;
	/** They have answered the question on screen. */
	answered: boolean;
}

/** Everyone on the class's roster, with whether they joined, were removed and answered `questionId`. */
export async function liveRoster(handle: DatabaseHandle, session: LiveSessionRow, questionId: string | null): Promise<LiveRosterEntry[]> {
	const { db, tables: t } = handle;
	const [students, attempts, answers] = await Promise.all([
		roster(handle, session.classId),
		db.select({ studentId: t.attempts.studentId, removedAt: t.attempts.removedAt }).from(t.attempts).where(eq(t.attempts.liveSessionId, session.id)),
		questionId
			? db
					.select({ studentId: t.attempts.studentId })
					.from(t.responses)
					.innerJoin(t.attempts, eq(t.attempts.id, t.responses.attemptId))
					.where(and(eq(t.attempts.liveSessionId, session.id), eq(t.responses.questionId, questionId)))
			: Promise.resolve([])
	]);
	const byStudent = new Map(attempts.map((a) => [a.studentId, a]));
	const answered = new Set(answers.map((a) => a.studentId));
	return students.map((s) => ({
		id: s.id,
		name: s.displayName,
		joined: byStudent.has(s.id),
		removed: !!byStudent.get(s.id)?.removedAt,
		answered: answered.has(s.id)
	}));
}

/** The student of the session's class with `studentId`; a 404 for anyone else. */
async function sessionStudent({ db, tables: t }: DatabaseHandle, session: LiveSessionRow, studentId: string) {
	const [student] = studentId
		? await db
				.select({ id: t.students.id, name: t.students.displayName })
				.from(t.students)
				.where(and(eq(t.students.id, studentId.slice(0, 64)), eq(t.students.classId, session.classId)))
		: [];
	if (!student) throw new DomainError(m.live_err_not_student(), 404);
	return student;
}

/**
 * Removes a student from the teacher's live session: they can no longer answer or rejoin
 * it. Their answers so far stay stored. Removing someone already removed changes nothing.
 */
export async function removeFromLiveSession(handle: DatabaseHandle, teacherId: string, sessionId: string, studentId: string, now = new Date()) {
	const session = await teacherLiveSession(handle, teacherId, sessionId);
	const student = await sessionStudent(handle, session, studentId);
	const { tables: t } = handle;
	const theirs = and(eq(t.attempts.liveSessionId, session.id), eq(t.attempts.studentId, student.id));
	await handle.db.transaction(async (tx) => {
		// A student who never joined gets an attempt too, so that joining later finds them removed.
		await tx
			.insert(t.attempts)
			.values({ id: randomToken(), quizId: session.quizId, liveSessionId: session.id, studentId: student.id, startedAt: now, submittedAt: now, removedAt: now })
			.onConflictDoNothing();
		await tx.update(t.attempts).set({ submittedAt: now }).where(and(theirs, isNull(t.attempts.submittedAt)));
		await tx.update(t.attempts).set({ removedAt: now }).where(and(theirs, isNull(t.attempts.removedAt)));
	});
	announceLive(handle, session.id);
	// Their open pages (on any server) are told at once, and their streams end. The event
	// carries a code, not words: the page reads why again, in the student's own language.
	try {
		const { event, data } = removedEvent();
		await handle.pubsub.publish(liveTopic(session.id), endViewerMessage(student.id, event, data));
	} catch (error) {
		// The removal is stored; a page that missed this finds out on its next request.
		if (!handle.pubsub.closed) console.error('Telling a removed student\'s pages failed:', error);
	}
	return { name: student.name };
}

/** Renames a student of the session's class (an open-join name unfit for the projector), by the class's rules. */
export async function renameInLiveSession(handle: DatabaseHandle, teacherId: string, sessionId: string, studentId: string, name: string) {
	const session = await teacherLiveSession(handle, teacherId, sessionId);
	const student = await sessionStudent(handle, session, studentId);
	await renameStudent(handle, teacherId, session.classId, student.id, name);
	// The projector may show names (initials or full), so its screens re-read them.
	announceLive(handle, session.id);
	return { from: student.name };
}
