/**
 * The article reader's own words (not the article's, nor its notes'), rendered by the
 * server in the request's language and sent with the page's data. The reader's
 * JavaScript must stay within 40 KB gzipped in both languages: as data these strings
 * cost it no script, where compiled messages would put both languages' strings and
 * Paraglide's runtime in it. The language changes only with a full page load (the switch
 * is a form post), so the data never goes stale in the browser. A `{name}` left in a
 * string is filled in the browser, where the value changes with the layers shown.
 */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { AttributionForm, Check, Role } from '$lib/articles/types';

import { CONTENT_LOCALE } from '$lib/articles/content-language';

/** The language the claims and notes are written in (a note may also have a version in the page's language). */
export { CONTENT_LOCALE };

/** The reader's words in the current request's language. */
export function readerText() {
	const forms: Record<AttributionForm, string> = {
		'direct-quote': m.form_direct_quote(),
		paraphrase: m.form_paraphrase(),
		vague: m.form_vague(),
		writer: m.form_writer(),
		headline: m.form_headline()
	};
	return {
		locale: getLocale(),
		contentLocale: CONTENT_LOCALE,
		title: m.reader_title({ title: '{title}' }),
		description: m.reader_description({ title: '{title}' }),
		kicker: m.reader_kicker(),
		about: m.reader_about(),
		by: m.reader_by({ author: '{author}' }),
		noAuthor: m.reader_no_author(),
		noDate: m.reader_no_date(),
		publishedOn: m.reader_published_on({ outlet: '{outlet}' }),
		noOutlet: m.reader_no_outlet(),
		namesNoOutlet: m.reader_names_no_outlet(),
		original: m.reader_original(),
		noOriginal: m.reader_no_original(),
		provenance: m.reader_provenance(),
		follows: m.reader_follows(),
		aboutHeadline: m.reader_about_headline(),
		thisArticle: m.reader_this_article(),
		ledger: m.reader_ledger(),
		practise: m.reader_practise(),
		everyClaim: m.reader_every_claim(),
		plainText: m.reader_plain_text(),
		annotations: m.reader_annotations(),
		layersLegend: m.reader_layers_legend(),
		layersOn: m.reader_layers_on({ layers: '{layers}' }),
		allOff: m.reader_all_off(),
		articleText: m.reader_article_text(),
		notesHeading: m.reader_notes_heading(),
		notesCount: m.reader_notes_count({ claims: '{claims}', notes: '{notes}' }),
		back: m.reader_back(),
		backForClaim: m.reader_back_for_claim({ number: '{number}' }),
		orphansHeading: m.reader_orphans_heading(),
		orphansIntro: m.reader_orphans_intro(),
		layers: { voices: m.reader_layer_voices(), sourcing: m.reader_layer_sourcing(), framing: m.reader_layer_framing() },
		layerHints: { voices: m.reader_layer_voices_hint(), sourcing: m.reader_layer_sourcing_hint(), framing: m.reader_layer_framing_hint() },
		showLayers: m.reader_show_layers(),
		apply: m.reader_apply(),
		legendTitle: m.reader_legend_title(),
		sourcingNote: m.reader_sourcing_note(),
		framingNote: m.reader_framing_note(),
		legendHow: m.reader_legend_how(),
		forms,
		checks: { matches: m.check_matches(), altered: m.check_altered(), stretched: m.check_stretched(), unverified: m.check_unverified() } as Record<Check, string>,
		roles: {
			'government-official': m.role_government_official(),
			'government-unnamed': m.role_government_unnamed(),
			'advocacy-group': m.role_advocacy_group(),
			'think-tank': m.role_think_tank(),
			writer: m.role_writer()
		} as Record<Role, string>,
		panelLabel: m.reader_panel_label({ number: '{number}' }),
		claim: m.reader_claim({ number: '{number}' }),
		speaker: m.reader_speaker(),
		relationship: m.reader_relationship(),
		attribution: m.reader_attribution(),
		check: m.reader_check(),
		aboutSpeaker: m.reader_about_speaker({ name: '{name}' }),
		standsToGain: m.reader_stands_to_gain(),
		sources: m.reader_sources(),
		unverified: m.reader_unverified(),
		includesUnverified: m.reader_includes_unverified(),
		onTheWords: m.reader_on_the_words(),
		whatSheSaid: m.reader_what_she_said({ language: '{language}' }),
		howOutlets: m.reader_how_outlets(),
		englishWord: m.reader_english_word(),
		usedBy: m.reader_used_by(),
		source: m.reader_source(),
		checkIt: m.reader_check_it(),
		backForNote: m.reader_back_for_note({ number: '{number}' }),
		// The notes and claims are written in English (content stays in its language): a page
		// in another language says so, once per note shown in English, and marks it lang="en".
		untranslated: getLocale() === CONTENT_LOCALE ? '' : m.reader_untranslated(),
		untranslatedClaim: getLocale() === CONTENT_LOCALE ? '' : m.reader_untranslated_claim()
	};
}

export type ReaderText = ReturnType<typeof readerText>;
