/**
 * Signing a device in as a student after a successful join. The device gets a new
 * session holding the students it already had plus this one (a second class), so a
 * session token copied before someone else joined on a shared computer cannot act for
 * them. A device may hold one student per class.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { startSession } from '../auth/start-session';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';

/** Refuses to join while a teacher is signed in: the student session would replace theirs. */
export function ensureNotTeacher(event: RequestEvent) {
	if (event.locals.session?.teacher) {
		throw new DomainError(m.err_signed_in_teacher(), 403);
	}
}

/** Refuses a second student in the same class on one device (one seat per class per device). */
export function ensureNoSeatInClass(event: RequestEvent, classId: string, studentId?: string) {
	const seat = event.locals.session?.students.find((s) => s.classId === classId);
	if (seat && seat.id !== studentId) {
		throw new DomainError(m.err_seat_taken({ name: seat.displayName }), 409);
	}
}

/** Signs the device in as `studentId`, keeping the other classes it was already in. */
export async function signInStudent(event: RequestEvent, studentId: string) {
	const current = event.locals.session;
	const kept = current && !current.teacher ? current.students.map((s) => s.id).filter((id) => id !== studentId) : [];
	await startSession(event, { studentIds: [...kept, studentId] });
}
