/**
 * Exports an article's claims and notes as a W3C Web Annotation AnnotationCollection,
 * so other tools (Hypothesis among them) can read the kit's markup.
 * Selectors index the plain text served at …/text.txt.
 */
import { describe } from '$lib/anchoring/anchoring';
import type { ReaderArticle } from './types';

const MOTIVATION = { sourcing: 'commenting', framing: 'assessing' } as const;

/** The collection for `article`; `base` is the article's absolute address. */
export function toAnnotationCollection(article: ReaderArticle, base: string) {
	const source = `${base}/text.txt`;
	const target = (start: number, end: number) => {
		const { quote, position } = describe(article.text, start, end);
		return { source, selector: [quote, position] };
	};
	const speakerName = new Map(article.speakers.map((s) => [s.key, s.name]));

	const claims = article.claims.map((claim) => ({
		id: `${base}/annotations/${claim.key}`,
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
		id: `${base}/annotations/${note.key}`,
		type: 'Annotation',
		motivation: MOTIVATION[note.layer],
		body: [
			{ type: 'TextualBody', purpose: MOTIVATION[note.layer], format: 'text/plain', value: [note.title, ...note.body].join('\n\n') },
			...note.facts.map((f) => ({
				type: 'TextualBody',
				purpose: 'describing',
				value: `${f.unverified ? 'Unverified: ' : ''}${f.text} (Source: ${f.origin})`
			}))
		],
		target: target(note.start, note.end)
	}));

	const items = [...claims, ...notes];
	return {
		'@context': 'http://www.w3.org/ns/anno.jsonld',
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
