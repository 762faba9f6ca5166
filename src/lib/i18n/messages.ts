/**
 * Paraglide's messages, for components. Import `m` from here, not from $lib/paraglide:
 * in the browser this first makes Paraglide follow the language the server chose and wrote
 * in <html lang> (the switch's cookie, the device's session, Accept-Language), instead of
 * guessing again. A guess could disagree with the page being hydrated, and Paraglide's
 * own guess writes a cookie, which would take an anonymous reader off the shared page
 * cache. Pages that import nothing from here (the article reader) load no Paraglide code.
 */
import { baseLocale, overwriteGetLocale, toLocale } from '$lib/paraglide/runtime';

// Not `browser` from $app/environment: plain TS modules that use messages (question rules,
// labels) are also loaded outside SvelteKit, by Playwright's end-to-end tests.
if (typeof document !== 'undefined') {
	const pageLocale = toLocale(document.documentElement.lang) ?? baseLocale;
	overwriteGetLocale(() => pageLocale);
}

export { m } from '$lib/paraglide/messages';
