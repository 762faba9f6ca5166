import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { articleBundle } from '$lib/server/articles/reader-cache';
import { parseLayers } from '$lib/articles/layers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const bundle = await articleBundle(appDb(), params.slug);
	if (!bundle) error(404, 'There is no article at this address.');
	return { article: bundle.article, layers: parseLayers(url.searchParams), hasQuiz: !!bundle.quiz };
};
