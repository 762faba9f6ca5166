import { ownerDraftBundle, readableBundle } from '$lib/server/articles/reader-access';
import { parseLayers } from '$lib/articles/layers';
import { articleInLanguage } from '$lib/articles/content-language';
import { readerText } from '$lib/server/articles/reader-text';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { reanchorReason } from '$lib/server/articles/reanchor-reasons';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params, url } = event;
	const published = await readableBundle(event, params.slug);
	// The owner may preview the text they are editing; everyone else reads the published one.
	const draft = url.searchParams.has('draft') ? await ownerDraftBundle(event, params.slug) : null;
	const bundle = draft ?? published;
	const day = bundle.article.byline.date;
	const inLanguage = articleInLanguage(bundle.article, getLocale());
	return {
		// Each note in the page's language when it has a version there (chosen here, so the
		// page's script does not grow; the page caches key on the language).
		// The orphans' kind and reason in the page's language, chosen here and not where the
		// reader's cache keeps them, so a cached reason is never in another request's language.
		article: {
			...inLanguage,
			orphans: inLanguage.orphans.map((o) => ({ ...o, kind: o.kind === 'claim' ? m.rest_kind_claim() : m.rest_kind_note(), reason: reanchorReason(o.reason) }))
		},
		layers: parseLayers(url.searchParams),
		hasQuiz: !!bundle.quiz,
		// Written here, not in the page, so the words cost the reader's script nothing.
		draftNotice: draft ? m.reader_draft_preview({ version: draft.article.versionNumber, published: published.article.versionNumber }) : null,
		// The byline's date as people write it in the page's language (here, so the page's script needs no formatter).
		dateText: day ? new Date(`${day}T00:00:00Z`).toLocaleDateString(getLocale() === 'es' ? 'es-MX' : 'en', { dateStyle: 'long', timeZone: 'UTC' }) : null,
		t: readerText()
	};
};
