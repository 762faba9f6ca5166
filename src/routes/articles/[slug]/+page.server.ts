import { readableBundle } from '$lib/server/articles/reader-access';
import { parseLayers } from '$lib/articles/layers';
import { readerText } from '$lib/server/articles/reader-text';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params, url } = event;
	const bundle = await readableBundle(event, params.slug);
	return { article: bundle.article, layers: parseLayers(url.searchParams), hasQuiz: !!bundle.quiz, t: readerText() };
};
