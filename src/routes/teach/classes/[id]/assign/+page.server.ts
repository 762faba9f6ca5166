import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, orError, readForm, requireTeacher } from '$lib/server/auth/guards';
import { ownedClass } from '$lib/server/people/classes';
import { DomainError } from '$lib/server/domain-error';
import { createAssignment } from '$lib/server/quiz/assignments';
import { assignableQuizzes } from '$lib/server/quiz/editor';
import { defaultEcho, readSettings } from '$lib/server/quiz/assignment-form';
import { viewerTimeZone } from '$lib/server/people/time-zones';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const cls = await orError(() => ownedClass(appDb(), teacher.id, event.params.id));
	const zone = viewerTimeZone(event.locals.session);
	return {
		cls: { id: cls.id, name: cls.name },
		quizzes: await assignableQuizzes(appDb(), teacher.id),
		chosen: event.url.searchParams.get('quiz') ?? '',
		defaults: defaultEcho(zone),
		zone
	};
};

export const actions: Actions = {
	default: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const quizId = field(form, 'quiz', 200);
		const { settings, echo, problem } = readSettings(form, viewerTimeZone(event.locals.session));
		const result = await attempt('assign', { values: echo, quiz: quizId }, async () => {
			if (problem) throw new DomainError(problem, 400);
			if (!quizId) throw new DomainError(m.teach_err_choose_quiz(), 400);
			return createAssignment(appDb(), teacher.id, event.params.id, quizId, settings);
		});
		if (typeof result !== 'string') return result;
		redirect(303, `/teach/classes/${event.params.id}/assignments/${result}?created`);
	}
};
