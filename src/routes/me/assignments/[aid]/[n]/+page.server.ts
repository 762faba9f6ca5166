import { error, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, readForm, requireStudent } from '$lib/server/auth/guards';
import { checkOwnAttempt, questionOrder, reviewPolicyFor, saveAssignmentAnswer } from '$lib/server/quiz/assignments';
import { assignmentContext, attemptArticle, requireCurrentAttempt, type AssignmentContext } from '$lib/server/quiz/assignment-context';
import { feedbackView, questionView, responsesOf, savedAnswerView } from '$lib/server/quiz/question-views';
import { readAnswer } from '$lib/server/quiz/answer-form';
import { DomainError } from '$lib/server/domain-error';
import { showTime } from '$lib/server/local-time';
import { viewerTimeZone } from '$lib/server/people/time-zones';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

/** The attempt's question at position `raw` (in the attempt's order), or a 404. */
function questionAt(ctx: AssignmentContext, attemptId: string, raw: string) {
	const order = questionOrder(ctx.assignment, attemptId, ctx.questions);
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > order.length) error(404, m.rest_err_no_question_number());
	return { order, n, q: order[n - 1] };
}

export const load: PageServerLoad = async (event) => {
	const zone = viewerTimeZone(event.locals.session);
	const ctx = await assignmentContext(event);
	const { current, attempts } = await requireCurrentAttempt(event, ctx);
	const page = { id: ctx.assignment.id, title: ctx.quiz.title, slug: ctx.article.slug, closes: showTime(ctx.assignment.closesAt, zone) };
	if (!current) return { ...page, view: null };
	const { order, n, q } = questionAt(ctx, current.id, event.params.n);
	const article = await attemptArticle(ctx, current);
	const responses = await responsesOf(appDb(), current.id);
	const response = responses.get(q.id);
	return {
		...page,
		// Said on the next screen, so a keyboard or screen reader user hears the save worked.
		savedNumber: Number(event.url.searchParams.get('saved')) || null,
		view: {
			attemptId: current.id,
			question: questionView(q, article, current.id, n, order.length),
			// Feedback only once it may be shown (after each question, in that mode), and the
			// right answers only once this student cannot use them in another attempt.
			feedback: response ? feedbackView(q, response, article, reviewPolicyFor(ctx.assignment, current, attempts, true)) : null,
			saved: response ? savedAnswerView(q, response, article, current.id) : null,
			eachQuestion: ctx.assignment.feedback === 'each-question',
			answered: order.map((x) => responses.has(x.id))
		}
	};
};

export const actions: Actions = {
	answer: async (event) => {
		requireStudent(event);
		const form = await readForm(event);
		// The attempt the form names is read with the assignment, in one query.
		const ctx = await assignmentContext(event, field(form, 'attempt', 64));
		const result = await attempt('answer', {}, async () => {
			// The form names its attempt: it must be this student's, and still in progress.
			const named = checkOwnAttempt(ctx.namedAttempt, ctx.student.id, ctx.assignment.id);
			const { n, q } = questionAt(ctx, named.id, event.params.n);
			if (form.get('question') !== q.key) throw new DomainError(m.rest_err_question_changed(), 409);
			const input = readAnswer(form, q, ctx.article, named.id);
			await saveAssignmentAnswer(appDb(), ctx.assignment, named, q, input, ctx.article.text.length);
			return { n, total: ctx.questions.length };
		});
		if (!('n' in result)) return result;
		const base = `/me/assignments/${ctx.assignment.id}`;
		if (ctx.assignment.feedback === 'each-question') redirect(303, `${base}/${result.n}#feedback`);
		redirect(303, result.n < result.total ? `${base}/${result.n + 1}?saved=${result.n}` : `${base}/submit?saved=${result.n}`);
	}
};
