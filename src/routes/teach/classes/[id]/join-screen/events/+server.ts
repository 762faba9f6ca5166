import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { eventStream } from '$lib/server/live/event-stream';
import { ownedClass } from '$lib/server/people/classes';
import { joinScreenState, joinScreenTopic } from '$lib/server/people/join-screen';
import type { RequestHandler } from './$types';

/** The join screen's live updates: the class's code, name, state and how many have joined. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const cls = await orError(() => ownedClass(appDb(), teacher.id, event.params.id));
	return eventStream(appDb(), event.request, { topic: joinScreenTopic(cls.id), snapshot: () => joinScreenState(appDb(), cls.id) });
};
