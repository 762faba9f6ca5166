import { redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, clientAddress, field, readForm, safeNext } from '$lib/server/auth/guards';
import { setDeviceCookie } from '$lib/server/auth/cookies';
import { DEVICE_COOKIE } from '$lib/server/auth/device-cookie';
import { startSession } from '$lib/server/auth/start-session';
import { signInTeacher } from '$lib/server/auth/teacher-sign-in';
import { needsSetup, signupMode } from '$lib/server/people/teachers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'), url.origin);
	if (locals.session?.teacher) redirect(303, next);
	return { setupNeeded: await needsSetup(appDb()), openSignup: (await signupMode(appDb())) === 'open', next };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event);
		const email = field(form, 'email', 300).toLowerCase();
		const next = safeNext(field(form, 'next', 500), event.url.origin);
		const result = await attempt('signin', { email }, async () => {
			const password = String(form.get('password') ?? '');
			const device = event.cookies.get(DEVICE_COOKIE);
			const teacher = await signInTeacher(appDb(), appLimiters(), { email, password, address: clientAddress(event), device });
			await startSession(event, { teacherId: teacher.id });
			setDeviceCookie(event.cookies, event.url, teacher.device);
		});
		if (result) return result;
		redirect(303, next);
	}
};
