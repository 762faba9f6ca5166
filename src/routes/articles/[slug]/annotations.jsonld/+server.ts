import { readableBundle } from '$lib/server/articles/reader-access';
import { ANNO_MEDIA_TYPE, toAnnotationCollection } from '$lib/articles/web-annotation';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { params, url } = event;
	const { article } = await readableBundle(event, params.slug);
	const base = `${url.origin}/articles/${article.slug}`;
	return new Response(JSON.stringify(toAnnotationCollection(article, base), null, 2), {
		headers: { 'Content-Type': ANNO_MEDIA_TYPE }
	});
};
