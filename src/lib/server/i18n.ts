/**
 * The interface language of each request (issue 12 §1), with Paraglide JS. Addresses carry
 * no locale, so every existing link keeps working. The order: the language switch's cookie,
 * then the language remembered on the device's session (a student who chose Spanish keeps
 * it on that device if the cookie is lost), then the browser's Accept-Language, then
 * English. The strategy list is in vite.config.ts; the session part is the custom strategy
 * below.
 */
import type { Cookies, Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { cookieName, defineCustomServerStrategy, extractLocaleFromRequest, toLocale, type Locale } from '$lib/paraglide/runtime';
import { appDb } from './app-db';
import { rememberLocale } from './people/locales';

/** The language each signed-in request's session remembers, filled by `i18n` before Paraglide asks. */
const sessionLocales = new WeakMap<Request, Locale>();

/** The language the switch's cookie names, if it names one we have. */
function cookieLocale(request: Request): Locale | undefined {
	const match = new RegExp(`(?:^|;\\s*)${cookieName}=([^;]*)`).exec(request.headers.get('cookie') ?? '');
	return toLocale(match?.[1]);
}

// Paraglide asks custom strategies before the built-in ones, so this one steps aside when
// the cookie names a language: the switch's latest choice wins, as the order above says.
defineCustomServerStrategy('custom-session', {
	getLocale: (request) => (request && !cookieLocale(request) ? sessionLocales.get(request) : undefined)
});

/** The language of a request made without cookies (the public page cache keys on it). */
export function anonymousLocale(request: Request): Locale {
	return extractLocaleFromRequest(request);
}

/**
 * Runs the rest of the request in its language (Paraglide's middleware), and writes it in
 * `<html lang>` (app.html has `%paraglide.lang%`). A language chosen before signing in
 * (on the join page) is remembered on the new session, once.
 */
export const i18n: Handle = async ({ event, resolve }) => {
	const session = event.locals.session;
	if (session) {
		const remembered = toLocale(session.locale);
		const chosen = cookieLocale(event.request);
		if (remembered) sessionLocales.set(event.request, remembered);
		else if (chosen) await rememberLocale(appDb(), session.id, chosen, { onlyIfUnset: true });
	}
	const response = await paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
	});
	// The same address answers in either language, by these two request headers.
	if (response.headers.get('content-type')?.startsWith('text/html')) response.headers.append('Vary', 'Accept-Language, Cookie');
	return response;
};

/** Sets the language cookie for a year. HttpOnly: the browser reads the language from `<html lang>` instead. */
export function setLocaleCookie(cookies: Cookies, url: URL, locale: Locale) {
	cookies.set(cookieName, locale, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 365 * 24 * 60 * 60 });
}
