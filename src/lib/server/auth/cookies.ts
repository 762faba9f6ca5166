/** The session cookie: HttpOnly, SameSite=Lax, Secure whenever the kit is served over https. */
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';
import { DEVICE_COOKIE, DEVICE_LIFETIME_MS } from './device-cookie';

/** Sets the session cookie to `token` until `expiresAt`. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, expiresAt));
}

/** The same cookie as a `Set-Cookie` value, for a response made without SvelteKit's `resolve` (a cached page). */
export function sessionCookieHeader(cookies: Cookies, url: URL, token: string, expiresAt: Date): string {
	return cookies.serialize(SESSION_COOKIE, token, sessionCookieOptions(url, expiresAt));
}

function sessionCookieOptions(url: URL, expiresAt: Date) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:', expires: expiresAt };
}

/** Removes the session cookie. */
export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

/**
 * The device cookie (see device-cookie.ts): HttpOnly like the session's, but long-lived,
 * and kept when the teacher signs out, since it names the browser, not a session.
 */
export function setDeviceCookie(cookies: Cookies, url: URL, value: string) {
	cookies.set(DEVICE_COOKIE, value, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: new Date(Date.now() + DEVICE_LIFETIME_MS)
	});
}
