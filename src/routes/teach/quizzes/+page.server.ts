import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, readForm, requireTeacher } from '$lib/server/auth/guards';
import { listArticles } from '$lib/server/articles/reader';
import { copyQuiz, createQuiz, listQuizzes } from '$lib/server/quiz/editor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const [quizzes, articles] = await Promise.all([listQuizzes(appDb(), teacher.id), listArticles(appDb())]);
	return { quizzes, articles: articles.map((a) => ({ slug: a.slug, title: a.title })) };
};

export const actions: Actions = {
	create: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const echo = { title: field(form, 'title', 200), article: field(form, 'article', 200) };
		const result = await attempt('create', echo, () => createQuiz(appDb(), teacher.id, { articleSlug: echo.article, title: echo.title }));
		if (result && 'id' in result) redirect(303, `/teach/quizzes/${encodeURIComponent(result.id)}`);
		return result;
	},
	copy: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const quizId = field(form, 'quiz', 200);
		const result = await attempt(`copy-${quizId}`, {}, () => copyQuiz(appDb(), teacher.id, quizId));
		if (result && 'id' in result) redirect(303, `/teach/quizzes/${encodeURIComponent(result.id)}?copied`);
		return result;
	}
};
