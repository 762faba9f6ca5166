import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { exportClass } from '$lib/server/people/classes';
import { exportFileName } from '$lib/classes/export';
import type { RequestHandler } from './$types';

/** Everything stored about the class, as JSON. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const data = await orError(() => exportClass(appDb(), teacher.id, event.params.id));
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${exportFileName(data.class.name, 'json')}"`
		}
	});
};
