import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt } from '$lib/server/auth/guards';
import { assignmentState, attemptOver, questionOrder, reviewPolicyFor, startAttempt } from '$lib/server/quiz/assignments';
import { assignmentContext, studentAttempts } from '$lib/server/quiz/assignment-context';
import { responsesOf } from '$lib/server/quiz/question-views';
import { showTime } from '$lib/server/local-time';
import { viewerTimeZone } from '$lib/server/people/time-zones';
import { summariseScores } from '$lib/results/score-summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const zone = viewerTimeZone(event.locals.session);
	const ctx = await assignmentContext(event);
	const { assignment: a, questions } = ctx;
	const { attempts, current } = await studentAttempts(ctx);
	const rows = [];
	for (const x of attempts) {
		const responses = await responsesOf(appDb(), x.id);
		const over = attemptOver(a, x);
		// Marks say which answers were right, so they show only when feedback may.
		const shown = over && reviewPolicyFor(a, x, attempts, true).feedback;
		const scored = [...responses.values()];
		rows.push({
			number: x.number ?? 1,
			answered: responses.size,
			over,
			submitted: x.submittedAt ? showTime(x.submittedAt, zone) : null,
			summary: shown ? summariseScores(scored, questions) : null
		});
	}
	const state = assignmentState(a);
	return {
		id: a.id,
		title: ctx.quiz.title,
		description: ctx.quiz.description,
		articleTitle: ctx.article.title,
		slug: ctx.article.slug,
		className: ctx.student.className,
		state,
		opens: showTime(a.opensAt, zone),
		closes: showTime(a.closesAt, zone),
		maxAttempts: a.maxAttempts,
		feedback: a.feedback,
		// Whether the right answers wait for the last attempt or the close (said on the page).
		answersLater: a.maxAttempts > 1 && !a.answersEachAttempt,
		questions: questions.length,
		attempts: rows,
		current: current ? { number: current.number ?? 1, answered: rows.find((r) => r.number === current.number)?.answered ?? 0 } : null,
		canStart: state === 'open' && !current && attempts.length < a.maxAttempts
	};
};

export const actions: Actions = {
	/** Starts the next attempt, or continues the one in progress. */
	start: async (event) => {
		const ctx = await assignmentContext(event);
		const result = await attempt('start', {}, () => startAttempt(appDb(), ctx.student.id, ctx.assignment));
		if ('status' in result) return result;
		const answered = await responsesOf(appDb(), result.id);
		// Resume at the first question not yet answered.
		const order = questionOrder(ctx.assignment, result.id, ctx.questions);
		const next = order.findIndex((q) => !answered.has(q.id));
		redirect(303, `/me/assignments/${ctx.assignment.id}/${next === -1 ? 'submit' : next + 1}`);
	}
};
