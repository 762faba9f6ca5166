import { redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, field } from '$lib/server/auth/guards';
import { consume, ensureNotBlocked, resetLimit } from '$lib/server/auth/rate-limit';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { authenticate, needsSetup } from '$lib/server/people/teachers';
import { DomainError } from '$lib/server/domain-error';
import type { Actions, PageServerLoad } from './$types';

/** Only same-site paths, so a crafted link cannot send a teacher elsewhere after sign-in. */
function safeNext(value: string | null): string {
	return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/teach';
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.session?.teacher) redirect(303, safeNext(url.searchParams.get('next')));
	return { setupNeeded: await needsSetup(appDb()), next: safeNext(url.searchParams.get('next')) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = field(form, 'email', 300).toLowerCase();
		const next = safeNext(field(form, 'next', 500));
		const limits = appLimiters();
		const result = await attempt('signin', { email }, async () => {
			await ensureNotBlocked(limits.signInFailuresPerAccount, email);
			await consume(limits.signInPerIp, event.getClientAddress());
			const teacher = await authenticate(appDb(), email, String(form.get('password') ?? ''));
			if (!teacher) {
				await consume(limits.signInFailuresPerAccount, email);
				throw new DomainError('That email and password do not match an account.', 400);
			}
			await resetLimit(limits.signInFailuresPerAccount, email);
			const { token, expiresAt } = await createSession(appDb(), { teacherId: teacher.id });
			setSessionCookie(event.cookies, event.url, token, expiresAt);
		});
		if (result) return result;
		redirect(303, next);
	}
};
