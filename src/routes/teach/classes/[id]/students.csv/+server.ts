import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { ownedClass } from '$lib/server/people/classes';
import { exportFileName } from '$lib/classes/export';
import { classStudents } from '$lib/server/results/class-students';
import { classGridCsv } from '$lib/results/class-grid';
import type { RequestHandler } from './$types';

/** Students by assignments as CSV: every column, not only the page's latest. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const cls = await orError(() => ownedClass(appDb(), teacher.id, event.params.id));
	const { grid } = await classStudents(appDb(), cls.id);
	const name = exportFileName(cls.name, 'csv').replace('-export.csv', '-students-by-assignments.csv');
	return new Response(classGridCsv(grid), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${name}"`
		}
	});
};
