import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { teacherAssignment } from '$lib/server/quiz/assignments';
import { assignmentResults } from '$lib/server/quiz/results';
import { exportFileName } from '$lib/classes/export';
import { resultsCsv } from '$lib/quiz/results-table';
import type { RequestHandler } from './$types';

/** The assignment's results table as CSV: one row per student, one column per question. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const { cls, assignment, quiz } = await orError(() => teacherAssignment(appDb(), teacher.id, event.params.id, event.params.aid));
	const { questions, rows } = await assignmentResults(appDb(), assignment);
	const name = exportFileName(`${cls.name} ${quiz.title}`, 'csv').replace('-export.csv', '-results.csv');
	return new Response(resultsCsv(questions, rows), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${name}"`
		}
	});
};
