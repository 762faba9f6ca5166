import { redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, clientAddress } from '$lib/server/auth/guards';
import { consume } from '$lib/server/auth/rate-limit';
import { currentAttempt, pausedMessage, practicePaused, practiceQuiz } from '$lib/server/quiz/practice-context';
import { DomainError } from '$lib/server/domain-error';
import { responsesOf } from '$lib/server/quiz/question-views';
import { startPracticeAttempt } from '$lib/server/quiz/responses';
import { setPracticeCookie } from '$lib/server/quiz/practice-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { article, quiz, questions } = await practiceQuiz(event);
	const attempt = await currentAttempt(event, quiz.id);
	const answered = attempt ? (await responsesOf(appDb(), attempt.id)).size : 0;
	const types = [...new Set(questions.map((q) => q.type))];
	return {
		slug: article.slug,
		articleTitle: article.title,
		quiz: { title: quiz.title, description: quiz.description, questions: questions.length, types },
		progress: attempt ? { answered, finished: !!attempt.submittedAt } : null,
		paused: (await practicePaused(event, quiz.id)) ? pausedMessage() : null
	};
};

export const actions: Actions = {
	/** A new practice attempt (also "start again"). */
	start: async (event) => {
		const { quiz } = await practiceQuiz(event);
		const result = await attempt('start', {}, async () => {
			if (await practicePaused(event, quiz.id)) throw new DomainError(pausedMessage(), 403);
			// Each start stores an attempt: limited per address so a script cannot fill the database.
			await consume(appLimiters().practiceStartsPerIp, clientAddress(event));
			const { token } = await startPracticeAttempt(appDb(), quiz.id);
			setPracticeCookie(event.cookies, event.url, event.params.slug, token);
		});
		if (result) return result;
		redirect(303, `/articles/${event.params.slug}/practice/1`);
	}
};
