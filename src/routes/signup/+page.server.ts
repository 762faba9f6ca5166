import { redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, field } from '$lib/server/auth/guards';
import { consume } from '$lib/server/auth/rate-limit';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { liveInvite, needsSetup, signupMode, signUpTeacher } from '$lib/server/people/teachers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	if (locals.session?.teacher) redirect(303, '/teach');
	if (await needsSetup(appDb())) redirect(303, '/setup');
	const invite = url.searchParams.get('invite');
	const mode = await signupMode(appDb());
	const inviteOk = invite ? !!(await liveInvite(appDb(), invite)) : false;
	return { mode, invite, inviteOk, canSignUp: mode === 'open' || inviteOk };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const echo = { name: field(form, 'name', 200), email: field(form, 'email', 300) };
		const invite = field(form, 'invite', 100) || null;
		const result = await attempt('signup', echo, async () => {
			await consume(appLimiters().signUpPerIp, event.getClientAddress());
			const { id } = await signUpTeacher(appDb(), { ...echo, password: String(form.get('password') ?? '') }, invite);
			const { token, expiresAt } = await createSession(appDb(), { teacherId: id });
			setSessionCookie(event.cookies, event.url, token, expiresAt);
		});
		if (result) return result;
		redirect(303, '/teach');
	}
};
