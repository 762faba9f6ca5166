import { json } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { readableStamp, NO_ARTICLE } from '$lib/server/articles/reader-access';
import { articleBundle } from '$lib/server/articles/reader-cache';
import { ANNO_MEDIA_TYPE, toAnnotation } from '$lib/articles/web-annotation';
import { etagOf, ifNoneMatchHits } from '$lib/server/etag';
import type { RequestHandler } from './$types';

/**
 * One annotation by its id (the address the collection gives it), as a JSON-LD document
 * of its own. A client asking for something that is not there gets a 404 it can read as
 * JSON, not an HTML page.
 */
export const GET: RequestHandler = async (event) => {
	const { params, url, request } = event;
	// Only for whoever may read the article (a teacher's draft is a 404 to everyone else).
	const stamp = await readableStamp(event, params.slug);
	const article = stamp === null ? null : (await articleBundle(appDb(), params.slug, stamp))?.article;
	if (!article) return json({ error: NO_ARTICLE() }, { status: 404 });
	// The same base as the collection's, so an annotation's id is the address it is served at.
	const base = `${url.origin}/articles/${article.slug}`;
	const annotation = toAnnotation(article, base, params.id);
	if (!annotation) return json({ error: `This article has no annotation "${params.id}".` }, { status: 404 });

	const body = JSON.stringify(annotation, null, 2);
	const etag = etagOf(body);
	// Revalidate each time: the annotation changes whenever its article's content does.
	const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
	if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
	return new Response(body, { headers: { ...headers, 'Content-Type': ANNO_MEDIA_TYPE } });
};
