import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { dashboardScope } from '$lib/server/results/dashboard';
import { studentResults } from '$lib/server/results/student-results';
import { csvResponse, csvText } from '$lib/results/csv';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** One student's attempt as CSV: per question what they chose, how sure, the result and marks; accuracy and score apart. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const handle = appDb();
	const param = event.url.searchParams.get('attempt');
	const { scope, results } = await orError(async () => {
		const scope = await dashboardScope(handle, teacher.id, event.params.kind, event.params.rid);
		// (After the scope, so another teacher learns nothing here but that it is not theirs.)
		if (param !== null && !/^\d{1,2}$/.test(param)) error(400, m.results_err_attempt_number());
		return { scope, results: await studentResults(handle, scope, event.params.stid, param === null ? null : Number(param)) };
	});
	const fields = ['student', 'attempt', 'question', 'prompt', 'answer', 'how sure', 'result', 'marks', 'shown to the student'];
	const data = results.questions.map((q) => [
		results.student.name,
		results.attemptNumber,
		`Q${q.number}`,
		q.prompt,
		q.answer ?? '',
		q.certainty ?? '',
		!q.answered ? 'not answered' : q.verdict ? q.verdict.words : 'to grade',
		q.marks,
		!q.seen ? 'nothing yet' : q.seen.rightAnswers ? 'result and right answers' : 'result only'
	]);
	const s = results.summary;
	const a = s.accuracy;
	data.push(['Accuracy', null, '', results.accuracy, '', '', `${a.right} of ${a.counted}`, null, a.awaiting ? `${a.awaiting} to grade` : '']);
	data.push(['Certainty-based score', null, '', results.score, '', '', '', s.score, `range ${s.min} to ${s.max}`]);
	return csvResponse(csvText(fields, data), `${scope.className} ${results.student.name} ${scope.quizTitle}.csv`);
};
