import { appDb } from '$lib/server/app-db';
import { attempt, field, orError, readForm, requireTeacher } from '$lib/server/auth/guards';
import { teacherAssignment } from '$lib/server/quiz/assignments';
import { gradeWrittenAnswer, writtenAnswers } from '$lib/server/quiz/results';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const { cls, assignment, quiz } = await orError(() => teacherAssignment(appDb(), teacher.id, event.params.id, event.params.aid));
	return {
		cls: { id: cls.id, name: cls.name },
		assignmentId: assignment.id,
		quizTitle: quiz.title,
		answers: await writtenAnswers(appDb(), assignment)
	};
};

export const actions: Actions = {
	/** Scores one written answer: the rubric items it meets, and a comment for the student. */
	default: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const responseId = field(form, 'response', 64);
		const met = form
			.getAll('met')
			.slice(0, 50)
			.map((v) => (typeof v === 'string' && /^\d{1,2}$/.test(v) ? Number(v) : -1));
		const comment = field(form, 'comment', 5000);
		const seen = field(form, 'answered', 20);
		return attempt(`grade-${responseId}`, { comment }, async () => {
			const { assignment } = await teacherAssignment(appDb(), teacher.id, event.params.id, event.params.aid);
			const { points, total } = await gradeWrittenAnswer(appDb(), assignment, responseId, met, comment, /^\d{1,15}$/.test(seen) ? Number(seen) : null);
			return { form: `grade-${responseId}`, ok: true, message: m.teach_ok_scored({ points, total }) };
		});
	}
};
