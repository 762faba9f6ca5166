import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { liveContext } from '$lib/server/live/teacher-views';
import { liveResults } from '$lib/server/live/results';
import { showTime } from '$lib/server/local-time';
import { maxMarks } from '$lib/quiz/scoring';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const ctx = await orError(() => liveContext(appDb(), teacher.id, event.params.sid));
	const { questions, rows, perQuestion } = await liveResults(appDb(), ctx);
	return {
		session: { id: ctx.session.id, started: showTime(ctx.session.createdAt), ended: ctx.session.endedAt ? showTime(ctx.session.endedAt) : null, askCertainty: ctx.session.askCertainty },
		classId: ctx.session.classId,
		className: ctx.className,
		quizTitle: ctx.quizTitle,
		questions: questions.map((q, i) => ({ number: i + 1, prompt: q.prompt, max: maxMarks(q.certainty) })),
		rows,
		perQuestion
	};
};
