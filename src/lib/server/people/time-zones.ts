/**
 * Whose time zone a page uses, and remembering it: on the teacher's account (it follows
 * them to every device) or on a student device's session (nothing more about a student).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { canonicalTimeZone, schoolTimeZone } from '../local-time';
import type { ValidSession } from '../auth/session';
import { m } from '$lib/paraglide/messages';

/** The zone a viewer reads and types times in: their remembered one, else the school's. */
export function viewerTimeZone(session: Pick<ValidSession, 'timeZone'> | null): string {
	return session?.timeZone ?? schoolTimeZone();
}

/** A zone name from a form, canonical, or a 400 that says what is wrong. */
export function checkedTimeZone(name: string): string {
	const zone = canonicalTimeZone(name);
	if (!zone) throw new DomainError(m.rest_err_zone_unknown({ zone: name.slice(0, 64) }));
	return zone;
}

/**
 * Remembers `name` for the session's teacher or device and returns the canonical name.
 * `onlyIfUnset` is for what a browser detects on its own: it never overrides a zone
 * already remembered (a choice made in Settings stays), and the conditional write keeps
 * two tabs detecting at once from racing a choice.
 */
export async function rememberTimeZone(
	{ db, tables: t }: DatabaseHandle,
	session: Pick<ValidSession, 'id' | 'teacher'>,
	name: string,
	{ onlyIfUnset = false } = {}
): Promise<string> {
	const zone = checkedTimeZone(name);
	if (session.teacher) {
		const id = eq(t.teachers.id, session.teacher.id);
		await db.update(t.teachers).set({ timeZone: zone }).where(onlyIfUnset ? and(id, isNull(t.teachers.timeZone)) : id);
	} else {
		const id = eq(t.sessions.id, session.id);
		await db.update(t.sessions).set({ timeZone: zone }).where(onlyIfUnset ? and(id, isNull(t.sessions.timeZone)) : id);
	}
	return zone;
}
