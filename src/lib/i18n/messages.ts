/**
 * Paraglide's messages, for components. Import `m` from here, not from $lib/paraglide:
 * in the browser this first makes Paraglide follow the language the server chose and wrote
 * in <html lang> (the switch's cookie, the device's session, Accept-Language), instead of
 * guessing again. A guess could disagree with the page being hydrated, and Paraglide's
 * own guess writes a cookie, which would take an anonymous reader off the shared page
 * cache. Pages that import nothing from here (the article reader) load no Paraglide code.
 */
import { browser } from '$app/environment';
import { baseLocale, overwriteGetLocale, toLocale } from '$lib/paraglide/runtime';

if (browser) {
	const pageLocale = toLocale(document.documentElement.lang) ?? baseLocale;
	overwriteGetLocale(() => pageLocale);
}

export { m } from '$lib/paraglide/messages';
