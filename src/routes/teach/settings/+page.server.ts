import { appDb, appLimiters } from '$lib/server/app-db';
import { codeFlood } from '$lib/server/auth/code-guessing';
import { attempt, field, readForm, requireAdmin } from '$lib/server/auth/guards';
import { createInvite, openInviteCount, setSignupMode, signupMode } from '$lib/server/people/teachers';
import { DomainError } from '$lib/server/domain-error';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return { mode: await signupMode(appDb()), openInvites: await openInviteCount(appDb()), codeFlood: await codeFlood(appLimiters()) };
};

export const actions: Actions = {
	mode: async (event) => {
		requireAdmin(event);
		const mode = field(await readForm(event), 'mode', 10);
		return attempt('mode', {}, async () => {
			if (mode !== 'open' && mode !== 'invite') throw new DomainError('Choose one of the two options.');
			await setSignupMode(appDb(), mode);
			return { form: 'mode', ok: true, message: 'Saved.' };
		});
	},
	invite: async (event) => {
		const admin = requireAdmin(event);
		const token = await createInvite(appDb(), admin.id);
		return { form: 'invite', ok: true, message: 'Invite link created.', link: `${event.url.origin}/signup?invite=${token}` };
	}
};
