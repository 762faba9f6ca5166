import { redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, field } from '$lib/server/auth/guards';
import { consume } from '$lib/server/auth/rate-limit';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { createFirstTeacher, needsSetup, type SignupMode } from '$lib/server/people/teachers';
import { DomainError } from '$lib/server/domain-error';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ request }) => {
	// Once the first teacher exists, setup is closed for good. A visit goes to sign-in;
	// a form posted anyway gets the action's 403 and its message instead.
	const closed = !(await needsSetup(appDb()));
	if (closed && request.method === 'GET') redirect(303, '/signin');
	return { closed };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const echo = { name: field(form, 'name', 200), email: field(form, 'email', 300), mode: field(form, 'mode', 10) };
		const result = await attempt('setup', echo, async () => {
			await consume(appLimiters().setupPerIp, event.getClientAddress());
			if (!(await needsSetup(appDb()))) throw new DomainError('Setup is already done. Sign in instead.', 403);
			if (echo.mode !== 'open' && echo.mode !== 'invite') throw new DomainError('Choose who may create teacher accounts.');
			const { id } = await createFirstTeacher(
				appDb(),
				{ name: echo.name, email: echo.email, password: String(form.get('password') ?? '') },
				echo.mode as SignupMode
			);
			const { token, expiresAt } = await createSession(appDb(), { teacherId: id });
			setSessionCookie(event.cookies, event.url, token, expiresAt);
		});
		if (result) return result;
		redirect(303, '/teach');
	}
};
