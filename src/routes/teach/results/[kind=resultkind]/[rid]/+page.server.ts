import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { dashboardScope } from '$lib/server/results/dashboard';
import { resultsOverview } from '$lib/server/results/question-results';
import type { PageServerLoad } from './$types';

/** The overview: every question as a row with its figures, statistics and a small chart. */
export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const handle = appDb();
	return orError(async () => {
		const scope = await dashboardScope(handle, teacher.id, event.params.kind, event.params.rid);
		const rows = await resultsOverview(handle, scope);
		return { rows, base: scope.base, quizTitle: scope.quizTitle };
	});
};
