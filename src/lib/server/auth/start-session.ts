/**
 * Signing a browser in: a new session every time (never reusing the one it had, so a
 * token copied earlier is worth nothing afterwards), and the old one ended.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { appDb } from '../app-db';
import { setSessionCookie } from './cookies';
import { createSession, invalidateSession } from './session';

/** Replaces the browser's session with a new one for `owner`. */
export async function startSession(event: RequestEvent, owner: { teacherId: string } | { studentIds: string[] }) {
	if (event.locals.session) await invalidateSession(appDb(), event.locals.session.id);
	const { token, expiresAt } = await createSession(appDb(), owner);
	setSessionCookie(event.cookies, event.url, token, expiresAt);
}
