import { readableBundle } from '$lib/server/articles/reader-access';
import { balanceOfVoices, filterClaims, parseFilters } from '$lib/articles/claim-ledger';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params, url } = event;
	const { article } = await readableBundle(event, params.slug);
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
