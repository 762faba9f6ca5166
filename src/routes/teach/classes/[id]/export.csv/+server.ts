import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { exportClass } from '$lib/server/people/classes';
import { exportFileName, studentsCsv } from '$lib/classes/export';
import type { RequestHandler } from './$types';

/** The class's students as CSV, one row each. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const data = await orError(() => exportClass(appDb(), teacher.id, event.params.id));
	return new Response(studentsCsv(data), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${exportFileName(data.class.name, 'csv')}"`
		}
	});
};
