import { readableBundle } from '$lib/server/articles/reader-access';
import type { RequestHandler } from './$types';

/** The plain text that every TextPositionSelector indexes. */
export const GET: RequestHandler = async (event) => {
	const { params } = event;
	const { article } = await readableBundle(event, params.slug);
	return new Response(article.text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
