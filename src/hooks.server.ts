import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { appDb, startDatabase } from '$lib/server/app-db';
import { articleStamp } from '$lib/server/articles/reader';
import { isPublicArticle } from '$lib/server/articles/reader-access';
import { PageCache, pageCacheKey } from '$lib/server/page-cache';
import { KnownHosts, hostSettingsFromEnv } from '$lib/server/known-hosts';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { deleteSessionCookie, sessionCookieHeader, setSessionCookie } from '$lib/server/auth/cookies';
import { fillViewerTemplate, makeViewerTemplate } from '$lib/server/viewer-template';
import { ContentPackError } from '$lib/server/content/read-pack';
import { SettingError } from '$lib/server/config';
import { retryAfterHeader } from '$lib/server/retry-after';
import { hasControlCharacters } from '$lib/server/route-params';
import { anonymousLocale, i18n } from '$lib/server/i18n';
import { getLocale } from '$lib/paraglide/runtime';

export const init: ServerInit = async () => {
	try {
		await startDatabase();
	} catch (error) {
		if (error instanceof ContentPackError || error instanceof SettingError) {
			// A broken pack or a bad setting is an editing mistake: say where, and stop before serving anything.
			console.error(`\n${error.message}\n`);
			process.exit(1);
		}
		throw error;
	}
};

/**
 * Anything answered to a browser that sent a cookie, or that sets one, may be about that
 * person (a signed-in header, a class, an export): no cache anywhere may keep it, nor
 * the browser after the tab is gone (a shared classroom computer). Cookie-less visitors
 * to public pages are unaffected. The other security headers are set for every response
 * in scripts/security-headers.js.
 */
const privateResponses: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const personal = event.request.headers.has('cookie') || response.headers.has('set-cookie');
	// A route that already forbids storing keeps its own words (an event stream adds no-transform).
	if (personal && !/\bno-store\b/i.test(response.headers.get('cache-control') ?? '')) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

/** Article pages and exports that look the same to every visitor without cookies. */
const PUBLIC_ROUTES = new Set([
	'/articles/[slug]',
	'/articles/[slug]/claims',
	'/articles/[slug]/text.txt',
	'/articles/[slug]/annotations.jsonld'
]);
const pageCache = new PageCache((slug) => articleStamp(appDb(), slug));
const ownHosts = new KnownHosts(hostSettingsFromEnv);

/**
 * Serves public article pages from a cache of their rendered bytes. Anything that
 * could differ between visitors (other methods, any cookie) goes straight through, and
 * so does a request for a host the server does not know as its own.
 */
const publicPageCache: Handle = async ({ event, resolve }) => {
	const slug = event.params.slug;
	if (
		process.env.PAGE_CACHE === 'off' ||
		event.request.method !== 'GET' ||
		!slug ||
		!PUBLIC_ROUTES.has(event.route.id ?? '') ||
		event.request.headers.has('cookie') ||
		// A made-up Host is answered, but never stored (see known-hosts.ts).
		!ownHosts.has(event.url)
	) {
		return resolve(event);
	}
	const url = pageCacheKey(event.url, event.isDataRequest);
	if (!url) return resolve(event);
	// The same address is kept once per language (chosen here by Accept-Language alone).
	const key = `${anonymousLocale(event.request)} ${url}`;
	const hit = await pageCache.get(key, slug);
	if (hit) return new Response(hit.body, { status: hit.status, headers: hit.headers });

	const stamp = await pageCache.stamp(slug);
	const response = await resolve(event);
	if (response.status !== 200 || response.headers.has('set-cookie') || stamp === null) return response;
	const body = await response.arrayBuffer();
	const headers = [...response.headers];
	pageCache.set(key, { status: 200, headers, body, stamp });
	return new Response(body, { status: 200, headers });
};

/** Fills `locals.session` from the session cookie; it only reads and refreshes, never decides. */
const authenticate: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.session = null;
	event.locals.sessionEnded = false;
	if (token) {
		const session = await validateSessionToken(appDb(), token);
		if (session) {
			event.locals.session = session;
			setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		} else {
			event.locals.sessionEnded = true;
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

/** The public pages with the site header, the only part of them that names the viewer. */
const STUDENT_SHARED_ROUTES = new Set(['/articles/[slug]', '/articles/[slug]/claims']);
/** Headers a template must not keep: they were the template render's, not the student's. */
const TEMPLATE_DROPPED = new Set(['set-cookie', 'etag', 'content-length', 'content-encoding', 'content-security-policy']);

/**
 * A whole class opening the article at once, signed in: public article pages are
 * rendered once as a template for every signed-in student (as for an anonymous visitor,
 * but with a slot where the header names the student), and each request only fills in
 * its student's name. The template render sees no session at all, so nothing of the
 * student who happened to ask first can end up in it. Teachers (whose header carries
 * more) and anything not a plain GET of these pages are rendered as before.
 */
const studentPageCache: Handle = async ({ event, resolve }) => {
	const slug = event.params.slug;
	const session = event.locals.session;
	const token = event.cookies.get(SESSION_COOKIE);
	if (
		process.env.PAGE_CACHE === 'off' ||
		event.request.method !== 'GET' ||
		!slug ||
		!token ||
		!session ||
		session.teacher ||
		session.students.length === 0 ||
		!STUDENT_SHARED_ROUTES.has(event.route.id ?? '') ||
		!ownHosts.has(event.url)
	) {
		return resolve(event);
	}
	const key = pageCacheKey(event.url, event.isDataRequest);
	if (!key) return resolve(event);
	// Runs after i18n, so the language is the one this student's cookie or session chose.
	const studentKey = `student ${getLocale()} ${key}`;
	const answer = (page: { status: number; headers: [string, string][]; viewer?: ReturnType<typeof makeViewerTemplate> }) => {
		const filled = fillViewerTemplate(page.viewer!, session.students[0].displayName);
		const headers = new Headers(page.headers);
		if (filled.csp) headers.set('content-security-policy', filled.csp);
		headers.append('set-cookie', sessionCookieHeader(event.cookies, event.url, token, session.expiresAt));
		return new Response(filled.body, { status: page.status, headers });
	};
	const hit = await pageCache.get(studentKey, slug);
	if (hit?.viewer) return answer(hit);
	// Only a page everyone may read is shared. A teacher's article published to some classes
	// is rendered for this student, who may be one of those allowed (it is never cached here).
	if (!(await isPublicArticle(slug))) return resolve(event);

	const stamp = await pageCache.stamp(slug);
	event.locals.session = null;
	event.locals.viewerSlot = true;
	const response = await resolve(event);
	const html = await response.text();
	const headers = [...response.headers].filter(([name]) => !TEMPLATE_DROPPED.has(name.toLowerCase()));
	const page = { status: response.status, headers, viewer: makeViewerTemplate(html, response.headers.get('content-security-policy')) };
	// Anything but a plain page (an error, a redirect) is filled for this student and not kept.
	if (response.status === 200 && stamp !== null) {
		pageCache.set(studentKey, { ...page, body: new TextEncoder().encode(html).buffer as ArrayBuffer, stamp });
	}
	return answer(page);
};

/** An address whose parameters hold control characters names nothing the kit has: 404, before any query. */
const ordinaryParams: Handle = async ({ event, resolve }) => {
	if (hasControlCharacters(event.params)) return new Response('There is nothing at this address.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	return resolve(event);
};

export const handle = sequence(ordinaryParams, retryAfterHeader, privateResponses, publicPageCache, authenticate, i18n, studentPageCache);
