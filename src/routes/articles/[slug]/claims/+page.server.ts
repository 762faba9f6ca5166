import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { readerArticle } from '$lib/server/articles/reader-cache';
import { balanceOfVoices, filterClaims, parseFilters } from '$lib/articles/claim-ledger';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const article = await readerArticle(appDb(), params.slug);
	if (!article) error(404, 'There is no article at this address.');
	const filters = parseFilters(url.searchParams, article.speakers);
	return {
		slug: article.slug,
		title: article.title,
		speakers: article.speakers,
		total: article.claims.length,
		claims: filterClaims(article.claims, filters),
		filters,
		balance: balanceOfVoices(article.claims, article.speakers)
	};
};
