/**
 * The shape of a content pack: the YAML files under `src/content/articles/<slug>/`.
 * Validation lives here so that a broken pack fails with a message naming the file,
 * the field and the reason, before anything reaches the database.
 */
import { z } from 'zod';
import { ATTRIBUTION_FORMS, CHECKS, LAYERS, NOTE_KINDS, QUESTION_TYPES, ROLES } from '$lib/articles/vocabulary';
import { CONTENT_LANGUAGES } from '$lib/articles/content-language';

const key = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens');
const text = z.string().trim().min(1, 'must not be empty');

/** A fact from the verified source list; the only outside facts a note may state. */
export const factSchema = z.strictObject({
	id: key,
	text,
	origin: text,
	unverified: z.boolean().default(false)
});

export const speakerSchema = z.strictObject({
	id: key,
	name: text,
	role: z.enum(ROLES),
	description: text,
	stake: text,
	facts: z.array(key).default([])
});

/** Where a claim or note sits: its exact words, and which occurrence if they repeat. */
const anchorFields = {
	quote: text,
	occurrence: z.number().int().min(1).optional()
};

export const claimSchema = z.strictObject({
	id: key,
	...anchorFields,
	speaker: key,
	form: z.enum(ATTRIBUTION_FORMS),
	relationship: text,
	check: z.enum(CHECKS),
	// May be empty, as the editor allows: not every check needs a note.
	checkNote: z.string().trim().default(''),
	facts: z.array(key).default([])
});

export const translationSchema = z.strictObject({
	language: text,
	original: text,
	renderings: z
		.array(z.strictObject({ word: text, usedBy: text, facts: z.array(key).min(1) }))
		.min(2)
});

/**
 * Versions in other languages, keyed by language tag (`localized: { es: { ... } }`); a
 * tag the kit does not offer is refused by name.
 */
const localized = <T extends z.ZodType>(version: T) => z.partialRecord(z.enum(CONTENT_LANGUAGES), version).optional();

/** A note's words in another language; "check it" steps exactly when the English has them (read-pack checks). */
export const noteVersionSchema = z.strictObject({
	title: text,
	body: z.array(text).min(1, 'needs at least one paragraph'),
	checkIt: text.optional()
});

export const noteSchema = z.strictObject({
	id: key,
	...anchorFields,
	layer: z.enum(LAYERS),
	kind: z.enum(NOTE_KINDS),
	title: text,
	body: z.array(text).min(1, 'needs at least one paragraph'),
	checkIt: text.optional(),
	translation: translationSchema.optional(),
	localized: localized(noteVersionSchema),
	facts: z.array(key).default([])
});

export const articleMetaSchema = z.strictObject({
	slug: key,
	title: text,
	/** Where the headline comes from, when that needs saying; null: not given (a teacher's article usually). */
	titleOrigin: text.nullable().default(null),
	/** The text's language (BCP 47, such as en or es-MX). */
	language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or es-MX').default('en'),
	// Every publication detail may honestly be null: the article does not give it. Never
	// guess one. (A teacher's article downloaded as a pack often has no outlet, address
	// or provenance; a pack that names the outlet it follows gets the provenance box.)
	publication: z.strictObject({
		site: text.nullable(),
		address: text.nullable().default(null),
		author: text.nullable(),
		date: z.iso.date('must be a date written YYYY-MM-DD').nullable(),
		/** The article's full original address, when known (the address above may be only its slug). */
		url: z.url({ protocol: /^https?$/, error: 'must be an http or https address' }).nullable().default(null),
		follows: text.nullable().default(null),
		facts: z.array(key).default([])
	}),
	structure: z.strictObject({
		headings: z.array(text).default([]),
		joinLinesAfter: z.array(text).default([])
	}),
	speakers: z.array(speakerSchema).min(1),
	// A teacher's article may have checked no outside facts yet; its notes then cite none.
	facts: z.array(factSchema).default([])
});

/** A passage of the article named by its exact words (and occurrence, if they repeat). */
const passageSchema = z.strictObject(anchorFields);

/** An answer option: what the student picks, whether it is right, and feedback that explains. */
const optionSchema = z.strictObject({
	value: key,
	label: text.optional(),
	correct: z.boolean().default(false),
	feedback: text,
	localized: localized(z.strictObject({ feedback: text }))
});

/** Fields every question has. `notes` and `claim` are what its feedback links back to. */
const questionFields = {
	id: key,
	type: z.enum(QUESTION_TYPES),
	prompt: text,
	claim: key.optional(),
	certainty: z.boolean().default(true),
	notes: z.array(key).default([]),
	facts: z.array(key).default([]),
	explanation: text,
	localized: localized(z.strictObject({ explanation: text }))
};

export const questionSchema = z.strictObject({
	...questionFields,
	options: z.array(optionSchema).optional(),
	evidence: z.array(passageSchema).optional(),
	tolerance: z.number().gt(0).max(1).optional(),
	rubric: z.array(z.strictObject({ points: z.number().int().min(0).max(10), description: text })).optional()
});

export const quizFileSchema = z.strictObject({
	quiz: z.strictObject({
		id: key,
		title: text,
		description: text,
		questions: z.array(questionSchema).min(1)
	})
});

export const claimsFileSchema = z.strictObject({ claims: z.array(claimSchema).min(1) });
export const notesFileSchema = z.strictObject({ notes: z.array(noteSchema) });

export type FactInput = z.output<typeof factSchema>;
export type SpeakerInput = z.output<typeof speakerSchema>;
export type ClaimInput = z.output<typeof claimSchema>;
export type NoteInput = z.output<typeof noteSchema>;
export type QuestionInput = z.output<typeof questionSchema>;
export type QuizInput = z.output<typeof quizFileSchema>['quiz'];
export type ArticleMetaInput = z.output<typeof articleMetaSchema>;
export type { AttributionForm, Check, Layer, NoteKind, QuestionType, Role } from '$lib/articles/vocabulary';
