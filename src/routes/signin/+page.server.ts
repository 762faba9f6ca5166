import { redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, clientAddress, field, readForm, safeNext } from '$lib/server/auth/guards';
import { consume, ensureNotBlocked, resetLimit } from '$lib/server/auth/rate-limit';
import { startSession } from '$lib/server/auth/start-session';
import { authenticate, needsSetup, signupMode } from '$lib/server/people/teachers';
import { DomainError } from '$lib/server/domain-error';
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
		const limits = appLimiters();
		const ip = clientAddress(event);
		// Failures count per account and address (the brute-force brake), and per account
		// overall with a higher ceiling, so a stranger cannot cheaply lock a teacher out.
		const accountHere = `${email}|${ip}`;
		const result = await attempt('signin', { email }, async () => {
			await ensureNotBlocked(limits.signInFailuresPerAccountTotal, email);
			await consume(limits.signInPerIp, ip);
			// Counted before checking, so a burst of parallel guesses cannot all get through.
			await consume(limits.signInFailuresPerAccount, accountHere);
			const teacher = await authenticate(appDb(), email, String(form.get('password') ?? ''));
			if (!teacher) {
				await consume(limits.signInFailuresPerAccountTotal, email);
				throw new DomainError('That email and password do not match an account.', 400);
			}
			await resetLimit(limits.signInFailuresPerAccount, accountHere);
			await startSession(event, { teacherId: teacher.id });
		});
		if (result) return result;
		redirect(303, next);
	}
};
