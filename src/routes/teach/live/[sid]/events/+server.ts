import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { eventStream } from '$lib/server/live/event-stream';
import { liveSnapshot, liveTopic, teacherLiveSession } from '$lib/server/live/sessions';
import type { RequestHandler } from './$types';

/** The teacher's screens' live updates (controls and projector): the session's state and counts. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const session = await orError(() => teacherLiveSession(appDb(), teacher.id, event.params.sid));
	return eventStream(appDb(), event.request, { topic: liveTopic(session.id), snapshot: () => liveSnapshot(appDb(), session.id) });
};
