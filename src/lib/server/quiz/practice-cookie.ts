/**
 * The practice attempt's cookie: HttpOnly, SameSite=Lax, Secure over https, 30 days, and
 * scoped to one article's practice pages, so each quiz keeps its own attempt and the
 * article pages stay cookie-free (and cacheable).
 */
import type { Cookies } from '@sveltejs/kit';

export const PRACTICE_COOKIE = 'lab_practice';

export function setPracticeCookie(cookies: Cookies, url: URL, slug: string, token: string) {
	cookies.set(PRACTICE_COOKIE, token, {
		path: `/articles/${slug}/practice`,
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 30 * 24 * 60 * 60
	});
}
