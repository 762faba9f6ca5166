import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { liveContext } from '$lib/server/live/teacher-views';
import { liveResults } from '$lib/server/live/results';
import { exportFileName } from '$lib/classes/export';
import { resultsCsv } from '$lib/quiz/results-table';
import type { RequestHandler } from './$types';

/** The live session's results as CSV: one row per student, one column per question, as for assignments. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const ctx = await orError(() => liveContext(appDb(), teacher.id, event.params.sid));
	const { questions, rows } = await liveResults(appDb(), ctx);
	const name = exportFileName(`${ctx.className} ${ctx.quizTitle} live`, 'csv').replace('-export.csv', '-results.csv');
	return new Response(resultsCsv(questions, rows), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${name}"`
		}
	});
};
