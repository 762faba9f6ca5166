/** The fixed vocabularies the kit teaches with; shared by the pack schema, pages and exports. */

/** The five ways an article can credit a claim. */
export const ATTRIBUTION_FORMS = ['direct-quote', 'paraphrase', 'vague', 'writer', 'headline'] as const;
/** How a claim compares with the original source it reports. */
export const CHECKS = ['matches', 'altered', 'stretched', 'unverified'] as const;
/** Who a speaker is, in the terms students learn to ask about. */
export const ROLES = ['government-official', 'government-unnamed', 'advocacy-group', 'think-tank', 'writer'] as const;
/** The note layers a reader can switch on and off, besides the voices layer. */
export const LAYERS = ['sourcing', 'framing'] as const;
export const NOTE_KINDS = [
	'who-is-speaking',
	'source-check',
	'translation',
	'loaded-word',
	'headline-gap',
	'repeated-quote',
	'superlative',
	'missing-voice',
	'vague-source'
] as const;

export type AttributionForm = (typeof ATTRIBUTION_FORMS)[number];
export type Check = (typeof CHECKS)[number];
export type Role = (typeof ROLES)[number];
export type Layer = (typeof LAYERS)[number];
export type NoteKind = (typeof NOTE_KINDS)[number];

/** The kinds of quiz question, each tied to the article's own markup where it can be. */
export const QUESTION_TYPES = [
	'who-said-it',
	'whose-voice',
	'find-evidence',
	'headline-vs-body',
	'multiple-choice',
	'multiple-response',
	'short-answer'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The "who said it?" answer for a claim credited to nobody in particular. */
export const NO_ONE_NAMED = 'no-one-named';
/** Headline against body: does the heading claim more, less, or the same as its section? */
export const HEADLINE_COMPARISONS = ['more', 'less', 'same'] as const;
