import { error, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { assignmentState, attemptOver, questionOrder, reviewPolicyFor } from '$lib/server/quiz/assignments';
import { assignmentContext, attemptArticle, studentAttempts } from '$lib/server/quiz/assignment-context';
import { answerSummary, feedbackView, responsesOf } from '$lib/server/quiz/question-views';
import { showTime } from '$lib/server/local-time';
import { viewerTimeZone } from '$lib/server/people/time-zones';
import { maxMarks } from '$lib/quiz/scoring';
import { summariseScores } from '$lib/results/score-summary';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const zone = viewerTimeZone(event.locals.session);
	const ctx = await assignmentContext(event);
	const { attempts } = await studentAttempts(ctx);
	const x = attempts.find((a) => String(a.number ?? 1) === event.params.k);
	if (!x) error(404, m.rest_err_no_attempt_number());
	// An attempt in progress is answered, not reviewed.
	if (!attemptOver(ctx.assignment, x)) redirect(303, `/me/assignments/${ctx.assignment.id}`);
	const responses = await responsesOf(appDb(), x.id);
	const article = await attemptArticle(ctx, x);
	// The attempt is over, so every answered question has the same policy.
	const policy = reviewPolicyFor(ctx.assignment, x, attempts, true);
	const shown = policy.feedback;
	const order = questionOrder(ctx.assignment, x.id, ctx.questions);
	const items = order.map((q, i) => {
		const r = responses.get(q.id);
		return {
			number: i + 1,
			prompt: q.prompt,
			maxMarks: maxMarks(q.certainty),
			answered: !!r,
			// Before feedback may show, only the student's own answer, in words.
			answer: r && !shown ? answerSummary(q, r, article) : null,
			feedback: r ? feedbackView(q, r, article, policy) : null
		};
	});
	const all = [...responses.values()];
	return {
		id: ctx.assignment.id,
		title: ctx.quiz.title,
		slug: ctx.article.slug,
		number: x.number ?? 1,
		shown,
		rightAnswers: policy.rightAnswers,
		// Said beside the held-back answers, so the student knows what comes next.
		attemptsLeft: assignmentState(ctx.assignment) === 'open' ? Math.max(0, ctx.assignment.maxAttempts - attempts.length) : 0,
		closes: showTime(ctx.assignment.closesAt, zone),
		summary: shown ? summariseScores(all, ctx.questions) : null,
		items
	};
};
