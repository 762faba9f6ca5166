import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { requireTeacherAccount } from '$lib/server/auth/guards';
import { invalidateSession, invalidateTeacherSessions } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return { signedIn: !!locals.session, isTeacher: !!locals.session?.teacher };
};

// Neither way out removes the device cookie (lab_device). It names the browser, not a
// session, and grants nothing without the password: it only keeps this browser clear
// of the throttles strangers can trip for the account. "Everywhere" is for a session
// that may be in someone else's hands; that person still needs the password.
export const actions: Actions = {
	/** Sign out on this device (teacher or student device). */
	here: async ({ locals, cookies, url }) => {
		if (locals.session) await invalidateSession(appDb(), locals.session.id);
		deleteSessionCookie(cookies, url);
		redirect(303, '/');
	},
	/** Sign a teacher out on every device (one still waiting for approval too). */
	everywhere: async (event) => {
		const teacher = requireTeacherAccount(event);
		await invalidateTeacherSessions(appDb(), teacher.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/signin');
	}
};
