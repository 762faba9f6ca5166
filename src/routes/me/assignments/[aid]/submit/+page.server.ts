import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, readForm } from '$lib/server/auth/guards';
import { ownAttempt, questionOrder, reviewPolicyFor, submitAssignmentAttempt } from '$lib/server/quiz/assignments';
import { assignmentContext, requireCurrentAttempt } from '$lib/server/quiz/assignment-context';
import { responsesOf } from '$lib/server/quiz/question-views';
import { showTime } from '$lib/server/local-time';
import { viewerTimeZone } from '$lib/server/people/time-zones';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const zone = viewerTimeZone(event.locals.session);
	const ctx = await assignmentContext(event);
	const { current, attempts } = await requireCurrentAttempt(event, ctx);
	if (!current) return { id: ctx.assignment.id, title: ctx.quiz.title, view: null };
	const responses = await responsesOf(appDb(), current.id);
	const order = questionOrder(ctx.assignment, current.id, ctx.questions);
	return {
		id: ctx.assignment.id,
		title: ctx.quiz.title,
		savedNumber: Number(event.url.searchParams.get('saved')) || null,
		view: {
			attemptId: current.id,
			number: current.number ?? 1,
			closes: showTime(ctx.assignment.closesAt, zone),
			feedback: ctx.assignment.feedback,
			// What the review will show once this attempt is handed in, so the page can say so.
			rightAnswersAfter: reviewPolicyFor(ctx.assignment, { ...current, submittedAt: new Date() }, attempts, true).rightAnswers,
			questions: order.map((q, i) => ({ number: i + 1, prompt: q.prompt, answered: responses.has(q.id) }))
		}
	};
};

export const actions: Actions = {
	/** Hands the attempt in: answers can no longer change, and the review opens as the feedback setting allows. */
	submit: async (event) => {
		const ctx = await assignmentContext(event);
		const form = await readForm(event);
		const result = await attempt('submit', {}, async () => {
			const named = await ownAttempt(appDb(), ctx.student.id, ctx.assignment.id, field(form, 'attempt', 64));
			await submitAssignmentAttempt(appDb(), ctx.assignment, named);
			return named.number ?? 1;
		});
		if (typeof result !== 'number') return result;
		redirect(303, `/me/assignments/${ctx.assignment.id}/review/${result}`);
	}
};
