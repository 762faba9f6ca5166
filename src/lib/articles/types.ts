/**
 * What the reader, the ledger and the exports are given: an article with its claims
 * and notes already anchored to the current text. Plain data, safe to send to pages.
 */
import type { AttributionForm, Check, Layer, NoteKind, Role } from './vocabulary';

export type { AttributionForm, Check, Layer, NoteKind, Role };

export interface FactView {
	key: string;
	text: string;
	origin: string;
	unverified: boolean;
}

export interface SpeakerView {
	key: string;
	name: string;
	role: Role;
	description: string;
	stake: string;
	facts: FactView[];
}

export interface ClaimView {
	key: string;
	number: number;
	quote: string;
	start: number;
	end: number;
	speaker: string;
	form: AttributionForm;
	relationship: string;
	check: Check;
	checkNote: string;
	facts: FactView[];
	/** Notes whose span overlaps this claim, in reading order. */
	noteKeys: string[];
	/** Notes whose mark (S1, F2 …) sits in this claim's passage, in reading order. */
	marks: string[];
}

export interface TranslationView {
	language: string;
	original: string;
	renderings: { word: string; usedBy: string; facts: FactView[] }[];
}

export interface NoteView {
	key: string;
	number: number;
	layer: Layer;
	kind: NoteKind;
	title: string;
	body: string[];
	checkIt: string | null;
	/**
	 * The language of title, body and "check it" (en unless a version was chosen for the
	 * page, see content-language.ts); the page marks English with it and says so.
	 */
	lang: string;
	/** Shown in English on a page in another language (set with `lang`), so the page says it is not translated. */
	untranslated?: boolean;
	/** The note in other languages, by tag. Only the server has them: pages get the one version chosen. */
	localized?: Record<string, { title: string; body: string[]; checkIt: string | null }> | null;
	translation: TranslationView | null;
	facts: FactView[];
	quote: string;
	start: number;
	end: number;
	/** The claim the note's span starts in: where "back to the text" leads. */
	homeClaim: string;
}

/** A run of text inside one block, covered by the same claim and the same notes. */
export interface Piece {
	text: string;
	claim: string | null;
	notes: string[];
	/** Notes whose span ends with this piece: where their number marks go. */
	endsNotes: string[];
}

export interface BlockView {
	kind: 'heading' | 'paragraph';
	/** Where the block starts and ends in the text; what lies between blocks is line breaks. */
	start: number;
	end: number;
	pieces: Piece[];
}

export interface Orphan {
	/** 'claim' or 'note'; the reader's page load puts the word in the page's language (issue 12 §1). */
	kind: string;
	key: string;
	quote: string;
	reason: string;
}

export interface Publication {
	site: string | null;
	address: string | null;
	follows: string;
	facts: FactView[];
}

/** Who wrote it and where it appeared; each null when the article does not say ("not given"). */
export interface Byline {
	outlet: string | null;
	author: string | null;
	/** YYYY-MM-DD */
	date: string | null;
	originalUrl: string | null;
	/** BCP 47 tag, such as en. */
	language: string;
}

export interface ReaderArticle {
	id: string;
	/** 'pack' for the kit's shipped articles, 'teacher' for a teacher's own. */
	source: 'pack' | 'teacher';
	slug: string;
	title: string;
	/** Where the headline comes from, when that needs saying (packs); may be empty. */
	titleOrigin: string;
	/** A pack article's provenance; null for a teacher's article. */
	publication: Publication | null;
	byline: Byline;
	/** The version of the text shown (see reader.ts): the published one, or the one an attempt was given on. */
	versionId: string;
	versionNumber: number;
	text: string;
	blocks: BlockView[];
	speakers: SpeakerView[];
	claims: ClaimView[];
	notes: NoteView[];
	orphans: Orphan[];
}

export const FORM_LABELS: Record<AttributionForm, string> = {
	'direct-quote': 'Direct quote',
	paraphrase: 'Paraphrase',
	vague: 'Vague source',
	writer: "Writer's own voice",
	headline: 'Headline'
};

export const CHECK_LABELS: Record<Check, string> = {
	matches: 'Matches the original',
	altered: 'Altered from the original',
	stretched: 'Stretched beyond the original',
	unverified: 'Unverified'
};

export const ROLE_LABELS: Record<Role, string> = {
	'government-official': 'Government official',
	'government-unnamed': 'Government, unnamed',
	'advocacy-group': 'Advocacy group',
	'think-tank': 'Think tank',
	writer: 'The writer'
};

export const LAYER_LABELS: Record<Layer | 'voices', string> = {
	voices: 'Voices',
	sourcing: 'Sourcing notes',
	framing: 'Framing notes'
};
