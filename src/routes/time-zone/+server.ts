import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, readForm } from '$lib/server/auth/guards';
import { rememberTimeZone } from '$lib/server/people/time-zones';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';

/**
 * Where a signed-in browser sends the zone it detected, once, when none is remembered for
 * its teacher or device. It never replaces a zone already remembered (a choice made in
 * Settings stays); changing it is what the Settings forms are for.
 */
export const POST: RequestHandler = async (event) => {
	const session = event.locals.session;
	if (!session) error(401, m.rest_err_sign_in_first());
	if (session.teacher && !session.teacher.approved) error(403, m.auth_err_waiting_approval());
	const name = field(await readForm(event), 'zone', 80);
	const result = await attempt('zone', {}, () => rememberTimeZone(appDb(), session, name, { onlyIfUnset: true }));
	if (typeof result !== 'string') error(result.status, result.data.message);
	return new Response(null, { status: 204 });
};
