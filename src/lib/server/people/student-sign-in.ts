/**
 * Signing a device in as a student after a successful join: a new device session, or
 * the student added to the session this device already has (a second class).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { appDb } from '../app-db';
import { setSessionCookie } from '../auth/cookies';
import { addStudentToSession, createSession } from '../auth/session';
import { DomainError } from '../domain-error';

/** Refuses to join while a teacher is signed in: the student session would replace theirs. */
export function ensureNotTeacher(event: RequestEvent) {
	if (event.locals.session?.teacher) {
		throw new DomainError('You are signed in as a teacher. Sign out first, or use another browser to join as a student.', 403);
	}
}

export async function signInStudent(event: RequestEvent, studentId: string) {
	const current = event.locals.session;
	if (current && !current.teacher) {
		await addStudentToSession(appDb(), current.id, studentId);
		return;
	}
	const { token, expiresAt } = await createSession(appDb(), { studentIds: [studentId] });
	setSessionCookie(event.cookies, event.url, token, expiresAt);
}
