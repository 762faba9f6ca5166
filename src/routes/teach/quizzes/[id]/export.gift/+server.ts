import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { exportQuizFile } from '$lib/server/quiz/exchange';
import type { RequestHandler } from './$types';

/** The quiz as a GIFT file, for any teacher who may view it (the same rule as its page). */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const file = await orError(() => exportQuizFile(appDb(), teacher.id, event.params.id, 'gift'));
	return new Response(file.body, { headers: { 'Content-Type': file.type, 'Content-Disposition': `attachment; filename="${file.name}"`, 'Cache-Control': 'private, no-store' } });
};
