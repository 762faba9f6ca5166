import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { dashboardQuestion, dashboardScope } from '$lib/server/results/dashboard';
import { questionResults } from '$lib/server/results/question-results';
import { csvResponse, csvText } from '$lib/results/csv';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** One question as CSV: each student's answer (what they chose, how sure, the marks), under the options they chose. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const handle = appDb();
	const { scope, question } = await orError(async () => {
		const scope = await dashboardScope(handle, teacher.id, event.params.kind, event.params.rid);
		return { scope, question: await questionResults(handle, scope, dashboardQuestion(scope, event.params.qid).id) };
	});
	if (!question) error(404, m.results_err_no_question());
	const fields = ['question', 'option', 'right answer', 'chose it', 'student', 'attempt', 'answer', 'result', 'how sure', 'marks'];
	const data = question.groups.flatMap((g) => {
		const head = [`Q${question.number}`, g.label, g.correct ? 'yes' : '', g.count];
		if (g.students.length === 0) return [[...head, '', null, '', '', '', null]];
		return g.students.map((s) => [
			...head,
			s.name,
			s.attemptNumber,
			s.answer,
			s.fraction === null ? 'to grade' : s.fraction === 1 ? 'right' : s.fraction === 0 ? 'not right' : 'partly right',
			s.certainty ?? '',
			s.marks
		]);
	});
	return csvResponse(csvText(fields, data), `${scope.className} ${scope.quizTitle} Q${question.number}.csv`);
};
