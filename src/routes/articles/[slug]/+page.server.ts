import { ownerDraftBundle, readableBundle } from '$lib/server/articles/reader-access';
import { parseLayers } from '$lib/articles/layers';
import { readerText } from '$lib/server/articles/reader-text';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params, url } = event;
	const published = await readableBundle(event, params.slug);
	// The owner may preview the text they are editing; everyone else reads the published one.
	const draft = url.searchParams.has('draft') ? await ownerDraftBundle(event, params.slug) : null;
	const bundle = draft ?? published;
	return {
		article: bundle.article,
		layers: parseLayers(url.searchParams),
		hasQuiz: !!bundle.quiz,
		draftOf: draft ? published.article.versionNumber : null,
		t: readerText()
	};
};
