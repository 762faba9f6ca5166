import { error, redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, clientAddress, field, readForm } from '$lib/server/auth/guards';
import { consume } from '$lib/server/auth/rate-limit';
import { startSession } from '$lib/server/auth/start-session';
import { createFirstTeacher, needsSetup, type SignupMode } from '$lib/server/people/teachers';
import { DomainError } from '$lib/server/domain-error';
import { forgetSetupTokens, maySetUp } from '$lib/server/setup-gate';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Once the first teacher exists, setup is closed for good. A visit goes to sign-in;
	// a form posted anyway gets the action's 403 and its message instead.
	const closed = !(await needsSetup(appDb()));
	if (closed && event.request.method === 'GET') redirect(303, '/signin');
	const token = event.url.searchParams.get('token') ?? '';
	const allowed = await maySetUp(appDb(), event.getClientAddress(), token);
	if (!allowed && event.request.method === 'GET') {
		error(403, m.auth_setup_local_only());
	}
	return { closed, token, allowed };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event);
		const echo = { name: field(form, 'name', 200), email: field(form, 'email', 300), mode: field(form, 'mode', 10) };
		const result = await attempt('setup', echo, async () => {
			await consume(appLimiters().setupPerIp, clientAddress(event));
			if (!(await needsSetup(appDb()))) throw new DomainError(m.auth_err_setup_done(), 403);
			if (!(await maySetUp(appDb(), event.getClientAddress(), field(form, 'token', 64)))) {
				throw new DomainError(m.auth_err_setup_here(), 403);
			}
			if (echo.mode !== 'open' && echo.mode !== 'invite') throw new DomainError(m.auth_err_choose_mode());
			const { id } = await createFirstTeacher(
				appDb(),
				{ name: echo.name, email: echo.email, password: String(form.get('password') ?? '') },
				echo.mode as SignupMode
			);
			await forgetSetupTokens(appDb());
			await startSession(event, { teacherId: id });
		});
		if (result) return result;
		redirect(303, '/teach');
	}
};
