import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { resultScope, type ResultKind } from '$lib/server/results/scope';
import { passagePage } from '$lib/server/results/claim-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const scope = await orError(() => resultScope(appDb(), teacher.id, event.params.kind as ResultKind, event.params.rid));
	const chosen = event.url.searchParams.get('claim');
	return { base: scope.base, ...(await orError(() => passagePage(appDb(), scope, chosen ? chosen.slice(0, 64) : null))) };
};
