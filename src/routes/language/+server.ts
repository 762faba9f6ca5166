import { error, redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { appDb } from '$lib/server/app-db';
import { setLocaleCookie } from '$lib/server/i18n';
import { rememberLocale } from '$lib/server/people/locales';
import { returnPath } from '$lib/i18n/return-path';
import type { RequestHandler } from './$types';

/**
 * The language switch in the site header: a plain form post, so it works without
 * JavaScript. It sets the language cookie, remembers the choice on a signed-in device's
 * session, and goes back to the page it was sent from, now in that language.
 */
export const POST: RequestHandler = async ({ request, cookies, url, locals }) => {
	const form = await request.formData().catch(() => null);
	const locale = form?.get('locale');
	if (typeof locale !== 'string' || !isLocale(locale)) error(400, m.language_unknown());
	setLocaleCookie(cookies, url, locale);
	if (locals.session) await rememberLocale(appDb(), locals.session.id, locale);
	redirect(303, returnPath(form?.get('to')));
};
