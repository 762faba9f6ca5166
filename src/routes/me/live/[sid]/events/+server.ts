import { appDb } from '$lib/server/app-db';
import { orError, requireStudent } from '$lib/server/auth/guards';
import { eventStream } from '$lib/server/live/event-stream';
import { removedViewers } from '$lib/server/live/roster';
import { liveSnapshot, liveTopic } from '$lib/server/live/sessions';
import { studentOfSession } from '$lib/server/live/student-live';
import type { RequestHandler } from './$types';

/** A student's live updates: the session's state, version and counts (no names, no keys); a 404 outside its class. */
export const GET: RequestHandler = async (event) => {
	const students = requireStudent(event);
	const sid = event.params.sid;
	const student = await orError(() => studentOfSession(appDb(), students, sid));
	// Tagged with the student, so that removing them ends this stream (roster.ts), even
	// a removal that lands between the check above and the stream's subscription.
	return eventStream(appDb(), event.request, {
		topic: liveTopic(sid),
		snapshot: () => liveSnapshot(appDb(), sid),
		viewer: student.id,
		endedViewers: () => removedViewers(appDb(), sid)
	});
};
