/**
 * Sessions, after Lucia's design (lucia-auth/lucia, code/auth_session.ts), written
 * for this kit: a token is `id.secret`; the database keeps the id and a SHA-256 hash
 * of the secret; validation compares hashes in constant time; a session ends after
 * a period without use and slides forward while in use.
 *
 * A session belongs either to a teacher, or to a student device, which may speak for
 * several students (one per class joined on that device).
 */
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { preparedFor } from '../db/prepared';
import { hashesEqual, hashSecret, randomToken } from './tokens';
import { sessionState, STUDENT_SESSIONS, TEACHER_SESSIONS, type SessionPolicy } from './session-policy';

export const SESSION_COOKIE = 'lab_session';

export interface SessionTeacher {
	id: string;
	name: string;
	email: string;
	isAdmin: boolean;
	/** False while an open sign-up waits for the admin's approval; such a teacher may only see the waiting page. */
	approved: boolean;
}

export interface SessionStudent {
	id: string;
	displayName: string;
	classId: string;
	className: string;
}

export interface ValidSession {
	id: string;
	teacher: SessionTeacher | null;
	students: SessionStudent[];
	/** When the session will end if left unused. */
	expiresAt: Date;
	/** The remembered time zone (the teacher's account's, or this student device's); null: not known yet. */
	timeZone: string | null;
	/** The interface language chosen on this device ('en' or 'es'); null: none chosen. */
	locale: string | null;
}

/** The policy for a session: teachers' and student devices' differ. */
export function policyFor(isTeacher: boolean): SessionPolicy {
	return isTeacher ? TEACHER_SESSIONS : STUDENT_SESSIONS;
}

/** Starts a session and returns its token, the only time the secret exists in the clear. */
export async function createSession(
	{ db, tables: t }: DatabaseHandle,
	owner: { teacherId: string } | { studentIds: string[] },
	now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const id = randomToken();
	const secret = randomToken();
	const teacherId = 'teacherId' in owner ? owner.teacherId : null;
	await db.transaction(async (tx) => {
		await tx.insert(t.sessions).values({ id, secretHash: hashSecret(secret), teacherId, createdAt: now, lastVerifiedAt: now });
		if ('studentIds' in owner && owner.studentIds.length > 0) {
			await tx.insert(t.sessionStudents).values(owner.studentIds.map((studentId) => ({ sessionId: id, studentId })));
		}
	});
	return { token: `${id}.${secret}`, expiresAt: new Date(now.getTime() + policyFor(!!teacherId).inactivityTimeoutMs) };
}

/** Adds a student to an existing device session (a second class joined on the same device). */
export async function addStudentToSession({ db, tables: t }: DatabaseHandle, sessionId: string, studentId: string) {
	await db.insert(t.sessionStudents).values({ sessionId, studentId }).onConflictDoNothing();
}

/**
 * The session and whoever it speaks for (its teacher, or its students with their classes)
 * in one query, since every signed-in request asks: a row per student, or one row.
 */
const sessionWithOwners = preparedFor(({ db, tables: t }) =>
	db
		.select({
			session: t.sessions,
			teacherId: t.teachers.id,
			teacherName: t.teachers.name,
			teacherEmail: t.teachers.email,
			teacherIsAdmin: t.teachers.isAdmin,
			teacherApprovedAt: t.teachers.approvedAt,
			teacherTimeZone: t.teachers.timeZone,
			studentId: t.students.id,
			displayName: t.students.displayName,
			classId: t.classes.id,
			className: t.classes.name
		})
		.from(t.sessions)
		.leftJoin(t.teachers, eq(t.teachers.id, t.sessions.teacherId))
		.leftJoin(t.sessionStudents, eq(t.sessionStudents.sessionId, t.sessions.id))
		.leftJoin(t.students, eq(t.students.id, t.sessionStudents.studentId))
		.leftJoin(t.classes, eq(t.classes.id, t.students.classId))
		.where(eq(t.sessions.id, sql.placeholder('id')))
		.orderBy(t.classes.name)
		.prepare('session_with_owners')
);

/** The session a token stands for, or null; slides its expiry when due, deletes it when over. */
export async function validateSessionToken(handle: DatabaseHandle, token: string, now = new Date()): Promise<ValidSession | null> {
	const { db, tables: t } = handle;
	const [id, secret, ...rest] = token.split('.');
	// Both halves are 24 lowercase base32 characters; anything else is not a token of ours.
	if (rest.length > 0 || !/^[a-z2-7]{24}$/.test(id ?? '') || !/^[a-z2-7]{24}$/.test(secret ?? '')) return null;

	const rows = await sessionWithOwners(handle).execute({ id });
	// The secret is checked before anything the query read is used.
	const row = rows[0]?.session;
	if (!row || !hashesEqual(hashSecret(secret), row.secretHash)) return null;

	const policy = policyFor(!!row.teacherId);
	const state = sessionState(row.lastVerifiedAt, now, policy);
	if (state === 'expired') {
		await db.delete(t.sessions).where(eq(t.sessions.id, id));
		return null;
	}
	let lastVerifiedAt = row.lastVerifiedAt;
	if (state === 'refresh') {
		lastVerifiedAt = now;
		await db.update(t.sessions).set({ lastVerifiedAt }).where(eq(t.sessions.id, id));
	}
	const expiresAt = new Date(lastVerifiedAt.getTime() + policy.inactivityTimeoutMs);

	if (row.teacherId) {
		const [r] = rows;
		if (r.teacherId === null || r.teacherName === null || r.teacherEmail === null || r.teacherIsAdmin === null) return null;
		const teacher = { id: r.teacherId, name: r.teacherName, email: r.teacherEmail, isAdmin: r.teacherIsAdmin, approved: r.teacherApprovedAt !== null };
		return { id, teacher, students: [], expiresAt, timeZone: r.teacherTimeZone, locale: row.locale };
	}

	const students: SessionStudent[] = [];
	for (const r of rows) {
		if (r.studentId === null || r.displayName === null || r.classId === null || r.className === null) continue;
		students.push({ id: r.studentId, displayName: r.displayName, classId: r.classId, className: r.className });
	}
	if (students.length === 0) {
		// Every student it spoke for was removed: the session has nothing left to do.
		await db.delete(t.sessions).where(eq(t.sessions.id, id));
		return null;
	}
	return { id, teacher: null, students, expiresAt, timeZone: row.timeZone, locale: row.locale };
}

/** Ends one session (sign out on this device). */
export async function invalidateSession({ db, tables: t }: DatabaseHandle, sessionId: string) {
	await db.delete(t.sessions).where(eq(t.sessions.id, sessionId));
}

/** Ends every session of a teacher (sign out on all devices). */
export async function invalidateTeacherSessions({ db, tables: t }: DatabaseHandle, teacherId: string) {
	await db.delete(t.sessions).where(eq(t.sessions.teacherId, teacherId));
}
