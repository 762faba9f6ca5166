import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, orError, readForm, requireTeacher } from '$lib/server/auth/guards';
import { assignmentState, deleteAssignment, teacherAssignment, updateAssignment } from '$lib/server/quiz/assignments';
import { readSettings, settingsEcho } from '$lib/server/quiz/assignment-form';
import { assignmentResults } from '$lib/server/quiz/results';
import { showTime } from '$lib/server/local-time';
import { viewerTimeZone } from '$lib/server/people/time-zones';
import { DomainError } from '$lib/server/domain-error';
import { maxMarks } from '$lib/quiz/scoring';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const { cls, assignment: a, quiz } = await orError(() => teacherAssignment(appDb(), teacher.id, event.params.id, event.params.aid));
	const { questions, rows } = await assignmentResults(appDb(), a);
	const zone = viewerTimeZone(event.locals.session);
	return {
		cls: { id: cls.id, name: cls.name },
		assignment: {
			id: a.id,
			state: assignmentState(a),
			opens: showTime(a.opensAt, zone),
			closes: showTime(a.closesAt, zone),
			maxAttempts: a.maxAttempts,
			feedback: a.feedback,
			shuffle: a.shuffle,
			answersEachAttempt: a.answersEachAttempt
		},
		quiz: { id: quiz.id, title: quiz.title },
		questions: questions.map((q, i) => ({ number: i + 1, prompt: q.prompt, type: q.type, max: maxMarks(q.certainty) })),
		rows,
		toGrade: rows.reduce((sum, r) => sum + r.awaiting, 0),
		values: settingsEcho(a, zone),
		zone,
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	update: async (event) => {
		const teacher = requireTeacher(event);
		const { settings, echo, problem } = readSettings(await readForm(event), viewerTimeZone(event.locals.session));
		return attempt('update', { values: echo }, async () => {
			if (problem) throw new DomainError(problem, 400);
			await updateAssignment(appDb(), teacher.id, event.params.id, event.params.aid, settings);
			return { form: 'update', ok: true, message: m.teach_ok_settings_saved() };
		});
	},
	closeNow: async (event) => {
		const teacher = requireTeacher(event);
		return attempt('closeNow', {}, async () => {
			const { assignment: a } = await teacherAssignment(appDb(), teacher.id, event.params.id, event.params.aid);
			const now = new Date();
			if (now >= a.closesAt) throw new DomainError(m.teach_err_already_closed(), 409);
			const opensAt = a.opensAt < now ? a.opensAt : new Date(now.getTime() - 1000);
			await updateAssignment(appDb(), teacher.id, event.params.id, event.params.aid, { opensAt, closesAt: now, maxAttempts: a.maxAttempts, feedback: a.feedback, shuffle: a.shuffle, answersEachAttempt: a.answersEachAttempt });
			return { form: 'closeNow', ok: true, message: m.teach_ok_closed() };
		});
	},
	delete: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const result = await attempt('delete', {}, async () => {
			if (field(form, 'confirm') !== 'yes') throw new DomainError(m.teach_err_tick_confirm(), 400);
			await deleteAssignment(appDb(), teacher.id, event.params.id, event.params.aid);
		});
		if (result) return result;
		redirect(303, `/teach/classes/${event.params.id}?assignment-deleted#assignments`);
	}
};
