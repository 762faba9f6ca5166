/** The practice attempt's cookie: HttpOnly, SameSite=Lax, Secure over https, 30 days. */
import type { Cookies } from '@sveltejs/kit';

export const PRACTICE_COOKIE = 'lab_practice';

export function setPracticeCookie(cookies: Cookies, url: URL, token: string) {
	cookies.set(PRACTICE_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 30 * 24 * 60 * 60
	});
}
