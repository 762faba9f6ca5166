import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { eventStream } from '$lib/server/live/event-stream';
import { resultScope, type ResultKind } from '$lib/server/results/scope';
import { resultsVersion } from '$lib/server/results/question-queries';
import { resultsTopic } from '$lib/server/results/results-signal';
import type { RequestHandler } from './$types';

/** An open dashboard's "results changed" signals: first the version of the results, then a signal per change. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const handle = appDb();
	const scope = await orError(() => resultScope(handle, teacher.id, event.params.kind as ResultKind, event.params.rid));
	return eventStream(handle, event.request, { topic: resultsTopic(scope), snapshot: () => resultsVersion(handle, scope) });
};
