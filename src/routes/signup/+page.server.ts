import { error, redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, clientAddress, field, readForm, WAITING_PAGE } from '$lib/server/auth/guards';
import { consume } from '$lib/server/auth/rate-limit';
import { startSession } from '$lib/server/auth/start-session';
import { liveInvite, needsSetup, signupMode, signUpTeacher } from '$lib/server/people/teachers';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	if (locals.session?.teacher) redirect(303, '/teach');
	if (await needsSetup(appDb())) redirect(303, '/setup');
	const invite = url.searchParams.get('invite');
	const mode = await signupMode(appDb());
	const inviteOk = invite ? !!(await liveInvite(appDb(), invite)) : false;
	if (invite && !inviteOk) error(410, m.auth_err_invite_gone());
	if (mode === 'invite' && !inviteOk) error(403, m.auth_err_invite_only_server());
	return { mode, invite, inviteOk, canSignUp: true };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event);
		const echo = { name: field(form, 'name', 200), email: field(form, 'email', 300) };
		const invite = field(form, 'invite', 100) || null;
		const result = await attempt('signup', echo, async () => {
			await consume(appLimiters().signUpPerIp, clientAddress(event));
			const { id, approved } = await signUpTeacher(appDb(), { ...echo, password: String(form.get('password') ?? '') }, invite);
			await startSession(event, { teacherId: id });
			return { approved };
		});
		if ('approved' in result) redirect(303, result.approved ? '/teach' : WAITING_PAGE);
		return result;
	}
};
