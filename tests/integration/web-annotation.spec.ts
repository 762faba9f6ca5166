import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { readPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { loadReaderArticle } from '../../src/lib/server/articles/reader';
import type { ReaderArticle } from '../../src/lib/articles/types';
import { toAnnotation, toAnnotationCollection } from '../../src/lib/articles/web-annotation';
import { parseAnnotations } from '../../src/lib/annotations/w3c-import';
import { copyContent, SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { annotationProblems, collectionProblems } from '../fixtures/w3c-annotation-model';

// The checks themselves must be able to fail, or a passing export proves nothing.
const GOOD = {
	'@context': 'http://www.w3.org/ns/anno.jsonld',
	id: 'http://example.test/anno/1',
	type: 'Annotation',
	motivation: 'commenting',
	body: { type: 'TextualBody', value: 'A note', purpose: 'commenting' },
	target: {
		source: 'http://example.test/text.txt',
		selector: [
			{ type: 'TextQuoteSelector', exact: 'words', prefix: 'the ', suffix: ' here' },
			{ type: 'TextPositionSelector', start: 4, end: 9 }
		]
	}
};

describe('the W3C annotation checks', () => {
	it('pass a well-formed annotation', () => {
		expect(annotationProblems(GOOD)).toEqual([]);
	});

	it.each<[string, unknown, RegExp]>([
		['no @context', { ...GOOD, '@context': undefined }, /@context/],
		['a relative id', { ...GOOD, id: '/anno/1' }, /id must be one IRI/],
		['the wrong type', { ...GOOD, type: 'Note' }, /type must include/],
		['no target', { ...GOOD, target: undefined }, /at least one target/],
		['a target without source', { ...GOOD, target: { selector: [] } }, /source/],
		['a quote selector without exact', { ...GOOD, target: { ...GOOD.target, selector: [{ type: 'TextQuoteSelector' }] } }, /exact/],
		['a negative position', { ...GOOD, target: { ...GOOD.target, selector: [{ type: 'TextPositionSelector', start: -1, end: 2 }] } }, /non-negative/],
		['a body without value', { ...GOOD, body: { type: 'TextualBody' } }, /string value/],
		['an unknown motivation', { ...GOOD, motivation: 'shouting' }, /motivation/]
	])('catch %s', (_, annotation, problem) => {
		expect(annotationProblems(annotation).join('\n')).toMatch(problem);
	});

	it('check a collection’s own fields', () => {
		const collection = { '@context': GOOD['@context'], id: 'http://example.test/c', type: 'AnnotationCollection', total: 1, first: { type: 'AnnotationPage', items: [GOOD] } };
		expect(collectionProblems(collection)).toEqual([]);
		expect(collectionProblems({ ...collection, first: undefined }).join()).toMatch(/first/);
	});
});

describe(`the W3C export of the shipped article on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let article: ReaderArticle;
	const base = 'http://example.test:3000/articles/' + SLUG;

	beforeAll(async () => {
		handle = await freshDatabase();
		await syncPack(handle, await readPack((await copyContent()).packDir));
		article = (await loadReaderArticle(handle, SLUG))!;
	});
	afterAll(async () => handle.close());

	it('is a valid collection whose every annotation passes the model on its own', () => {
		const collection = toAnnotationCollection(article, base);
		expect(collectionProblems(collection)).toEqual([]);
		expect(collection.first.items).toHaveLength(article.claims.length + article.notes.length);
		for (const item of collection.first.items) expect(annotationProblems(item), item.id).toEqual([]);
	});

	it('gives each annotation an id that is its own address, and finds it by its key', () => {
		const items = toAnnotationCollection(article, base).first.items;
		expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
		for (const claim of article.claims) {
			const one = toAnnotation(article, base, claim.key);
			expect(one?.id).toBe(`${base}/annotations/${claim.key}`);
			expect(items).toContainEqual(one);
		}
		expect(toAnnotation(article, base, 'no-such-key')).toBeUndefined();
	});

	it('reads back through the importer as the same words, positions and motivations', () => {
		const collection = JSON.stringify(toAnnotationCollection(article, base));
		const result = parseAnnotations(collection);
		expect(result).toMatchObject({ ok: true, problems: [] });
		const spans = [...article.claims, ...article.notes];
		expect(result.anchors.map((a) => [a.id, a.start, a.end, a.exact])).toEqual(spans.map((s) => [`${base}/annotations/${s.key}`, s.start, s.end, s.quote]));
		for (const a of result.anchors) expect(article.text.slice(a.start!, a.end!)).toBe(a.exact);
	});
});
