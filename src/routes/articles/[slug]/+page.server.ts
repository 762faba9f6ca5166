import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { loadReaderArticle } from '$lib/server/articles/reader';
import { parseLayers } from '$lib/articles/layers';
import { articleQuiz } from '$lib/server/quiz/practice';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const article = await loadReaderArticle(appDb(), params.slug);
	if (!article) error(404, 'There is no article at this address.');
	return { article, layers: parseLayers(url.searchParams), hasQuiz: !!(await articleQuiz(appDb(), article.slug)) };
};
