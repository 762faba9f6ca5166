import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { resultScope, type ResultKind } from '$lib/server/results/scope';
import { showTime } from '$lib/server/local-time';
import { viewerTimeZone } from '$lib/server/people/time-zones';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const scope = await orError(() => resultScope(appDb(), teacher.id, event.params.kind as ResultKind, event.params.rid));
	return {
		scope: {
			kind: scope.kind,
			id: scope.id,
			base: scope.base,
			home: scope.home,
			classId: scope.classId,
			className: scope.className,
			quizTitle: scope.quizTitle,
			articleSlug: scope.articleSlug,
			started: showTime(scope.startedAt, viewerTimeZone(event.locals.session))
		}
	};
};
