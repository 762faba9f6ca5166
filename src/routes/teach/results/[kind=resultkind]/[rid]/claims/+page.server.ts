import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { resultScope, type ResultKind } from '$lib/server/results/scope';
import { claimsPage } from '$lib/server/results/claim-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const scope = await orError(() => resultScope(appDb(), teacher.id, event.params.kind as ResultKind, event.params.rid));
	return { base: scope.base, ...(await orError(() => claimsPage(appDb(), scope))) };
};
