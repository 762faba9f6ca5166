import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { dashboardQuestion, dashboardScope } from '$lib/server/results/dashboard';
import { questionResults } from '$lib/server/results/question-results';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** One question: how many chose each option (chart and table), its figures, and who chose what. */
export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const handle = appDb();
	return orError(async () => {
		const scope = await dashboardScope(handle, teacher.id, event.params.kind, event.params.rid);
		const q = dashboardQuestion(scope, event.params.qid);
		const question = await questionResults(handle, scope, q.id);
		if (!question) error(404, m.results_err_no_question());
		return { question, base: scope.base, quizTitle: scope.quizTitle };
	});
};
