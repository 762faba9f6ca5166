import { error, fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, readForm } from '$lib/server/auth/guards';
import { feedbackView, questionView, responsesOf } from '$lib/server/quiz/question-views';
import { practicePolicy } from '$lib/quiz/review-policy';
import { readAnswer } from '$lib/server/quiz/answer-form';
import { practiceQuizWithAttempt } from '$lib/server/quiz/practice-context';
import { saveResponse } from '$lib/server/quiz/responses';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

/** The question number from the address, or a 404. */
function questionNumber(raw: string, total: number): number {
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > total) error(404, m.rest_err_no_question_number());
	return n;
}

export const load: PageServerLoad = async (event) => {
	const { article, questions, attempt: current } = await practiceQuizWithAttempt(event);
	const n = questionNumber(event.params.n, questions.length);
	const q = questions[n - 1];
	const response = (await responsesOf(appDb(), current.id)).get(q.id);
	return {
		slug: article.slug,
		question: questionView(q, article, current.id, n, questions.length),
		// Feedback and the key only once this question has been answered.
		feedback: response ? feedbackView(q, response, article, practicePolicy(true), true) : null,
		finished: !!current.submittedAt
	};
};

export const actions: Actions = {
	answer: async (event) => {
		const { article, questions, attempt: current } = await practiceQuizWithAttempt(event);
		const n = questionNumber(event.params.n, questions.length);
		const q = questions[n - 1];
		const form = await readForm(event);
		// The form must answer the question it was showing (the quiz may have changed since).
		if (form.get('question') !== q.key) {
			return fail(409, { form: 'answer', ok: false as const, message: 'This question has changed since the page loaded. Please answer it again.' });
		}
		const result = await attempt('answer', {}, async () => {
			const input = readAnswer(form, q, article, current.id);
			await saveResponse(appDb(), current, q, input, article.text.length, { lockOnceAnswered: true });
		});
		if (result) return result;
		redirect(303, `/articles/${event.params.slug}/practice/${n}#feedback`);
	}
};
