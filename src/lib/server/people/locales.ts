/**
 * Remembering the interface language on a device's session, so that a student who chose
 * Spanish keeps it on that device even when the language cookie is lost (a browser that
 * clears some cookies, a shared computer's clean-up). Nothing else about the student.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';

/**
 * Stores `locale` on the session. `onlyIfUnset` is for a choice made before signing in
 * (the cookie arrives with the new session): it never replaces one made while signed in.
 */
export async function rememberLocale({ db, tables: t }: DatabaseHandle, sessionId: string, locale: string, { onlyIfUnset = false } = {}) {
	const id = eq(t.sessions.id, sessionId);
	await db.update(t.sessions).set({ locale }).where(onlyIfUnset ? and(id, isNull(t.sessions.locale)) : id);
}
