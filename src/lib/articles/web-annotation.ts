/**
 * Exports an article's claims and notes as a W3C Web Annotation AnnotationCollection,
 * so other tools (Hypothesis among them) can read the kit's markup.
 * Selectors index the plain text served at …/text.txt.
 */
import { describe } from '$lib/anchoring/anchoring';
import type { ReaderArticle } from './types';
import { CONTENT_LOCALE } from './content-language';

const MOTIVATION = { sourcing: 'commenting', framing: 'assessing' } as const;

/** The JSON-LD context of the W3C Web Annotation vocabulary. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The media type (with the anno profile) the collection and each annotation are served as. */
export const ANNO_MEDIA_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"; charset=utf-8`;

/** Where the annotation `key` of the article at `base` lives: its id, which dereferences. */
export function annotationId(base: string, key: string): string {
	return `${base}/annotations/${encodeURIComponent(key)}`;
}

/** The annotations of `article`, claims then notes, each a complete JSON-LD document. */
export function toAnnotations(article: ReaderArticle, base: string) {
	const source = `${base}/text.txt`;
	const target = (start: number, end: number) => {
		const { quote, position } = describe(article.text, start, end);
		return { source, selector: [quote, position] };
	};
	const speakerName = new Map(article.speakers.map((s) => [s.key, s.name]));

	const claims = article.claims.map((claim) => ({
		// Each annotation carries its own context: a client that takes one out of the
		// collection (or fetches it by its id) must still be able to read it as JSON-LD.
		'@context': ANNO_CONTEXT,
		id: annotationId(base, claim.key),
		type: 'Annotation',
		motivation: 'classifying',
		body: [
			{ type: 'TextualBody', purpose: 'classifying', value: claim.form },
			{ type: 'TextualBody', purpose: 'identifying', value: speakerName.get(claim.speaker) ?? claim.speaker },
			{ type: 'TextualBody', purpose: 'describing', value: `Check against the original: ${claim.check}. ${claim.checkNote}` }
		],
		target: target(claim.start, claim.end)
	}));

	const notes = article.notes.map((note) => ({
		'@context': ANNO_CONTEXT,
		id: annotationId(base, note.key),
		type: 'Annotation',
		motivation: MOTIVATION[note.layer],
		body: [
			{ type: 'TextualBody', purpose: MOTIVATION[note.layer], format: 'text/plain', language: CONTENT_LOCALE, value: [note.title, ...note.body].join('\n\n') },
			// The note's versions in other languages: the same body in each, marked with its language.
			...Object.entries(note.localized ?? {}).map(([language, version]) => ({
				type: 'TextualBody',
				purpose: MOTIVATION[note.layer],
				format: 'text/plain',
				language,
				value: [version.title, ...version.body].join('\n\n')
			})),
			...note.facts.map((f) => ({
				type: 'TextualBody',
				purpose: 'describing',
				value: `${f.unverified ? 'Unverified: ' : ''}${f.text} (Source: ${f.origin})`
			}))
		],
		target: target(note.start, note.end)
	}));

	return [...claims, ...notes];
}

/** The one annotation of `article` whose key is `key`, or undefined. */
export function toAnnotation(article: ReaderArticle, base: string, key: string) {
	const id = annotationId(base, key);
	return toAnnotations(article, base).find((a) => a.id === id);
}

/** The collection for `article`; `base` is the article's absolute address. */
export function toAnnotationCollection(article: ReaderArticle, base: string) {
	const items = toAnnotations(article, base);
	return {
		'@context': ANNO_CONTEXT,
		id: `${base}/annotations.jsonld`,
		type: 'AnnotationCollection',
		label: `Claims and notes: ${article.title}`,
		total: items.length,
		first: {
			id: `${base}/annotations.jsonld#page1`,
			type: 'AnnotationPage',
			startIndex: 0,
			items
		}
	};
}
