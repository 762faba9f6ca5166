import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { readerArticle } from '$lib/server/articles/reader-cache';
import type { RequestHandler } from './$types';

/** The plain text that every TextPositionSelector indexes. */
export const GET: RequestHandler = async ({ params }) => {
	const article = await readerArticle(appDb(), params.slug);
	if (!article) error(404, 'There is no article at this address.');
	return new Response(article.text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
