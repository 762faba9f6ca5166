import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { currentAttempt, practiceQuiz } from '$lib/server/quiz/practice-context';
import { responsesOf } from '$lib/server/quiz/practice';
import { startPracticeAttempt } from '$lib/server/quiz/responses';
import { setPracticeCookie } from '$lib/server/quiz/practice-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { article, quiz, questions } = await practiceQuiz(event.params.slug);
	const attempt = await currentAttempt(event, quiz.id);
	const answered = attempt ? (await responsesOf(appDb(), attempt.id)).size : 0;
	const types = [...new Set(questions.map((q) => q.type))];
	return {
		slug: article.slug,
		articleTitle: article.title,
		quiz: { title: quiz.title, description: quiz.description, questions: questions.length, types },
		progress: attempt ? { answered, finished: !!attempt.submittedAt } : null
	};
};

export const actions: Actions = {
	/** A new practice attempt (also "start again"). */
	start: async (event) => {
		const { quiz } = await practiceQuiz(event.params.slug);
		const { token } = await startPracticeAttempt(appDb(), quiz.id);
		setPracticeCookie(event.cookies, event.url, token);
		redirect(303, `/articles/${event.params.slug}/practice/1`);
	}
};
