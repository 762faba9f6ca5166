import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { readerArticle } from '$lib/server/articles/reader-cache';
import { ANNO_MEDIA_TYPE, toAnnotationCollection } from '$lib/articles/web-annotation';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const article = await readerArticle(appDb(), params.slug);
	if (!article) error(404, 'There is no article at this address.');
	const base = `${url.origin}/articles/${article.slug}`;
	return new Response(JSON.stringify(toAnnotationCollection(article, base), null, 2), {
		headers: { 'Content-Type': ANNO_MEDIA_TYPE }
	});
};
