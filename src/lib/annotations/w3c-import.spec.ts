import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_IMPORT_ANNOTATIONS, parseAnnotations } from './w3c-import';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
/** The text both fixtures annotate (the kit's selectors index it). */
const TEXT = '“We will fix the bridge,” the mayor said.\nCritics doubt it.';
const CTX = 'http://www.w3.org/ns/anno.jsonld';
const annotation = (over: Record<string, unknown> = {}) => ({
	'@context': CTX,
	id: 'urn:x:1',
	type: 'Annotation',
	target: { source: 'urn:doc', selector: { type: 'TextQuoteSelector', exact: 'the mayor' } },
	...over
});

describe('parseAnnotations, the kit’s own export', () => {
	const result = parseAnnotations(fixture('kit-collection.json'));

	it('reads every annotation as an anchor with position, quote, context, motivation and body', () => {
		expect(result).toMatchObject({ ok: true, problems: [] });
		expect(result.anchors).toHaveLength(2);
		const [claim, note] = result.anchors;
		expect(claim).toMatchObject({
			id: 'http://lab.example.school/articles/sample/annotations/c01',
			source: 'http://lab.example.school/articles/sample/text.txt',
			start: 0,
			end: 41,
			exact: '“We will fix the bridge,” the mayor said.',
			prefix: '',
			suffix: '\nCritics doubt it.',
			motivation: 'classifying'
		});
		expect(claim.bodies.map((b) => b.purpose)).toEqual(['classifying', 'identifying', 'describing']);
		expect(note).toMatchObject({ motivation: 'commenting', start: 26, end: 35, body: 'Who is the mayor?\n\nShe runs for re-election in May.' });
		for (const a of result.anchors) expect(TEXT.slice(a.start!, a.end!)).toBe(a.exact);
	});
});

describe('parseAnnotations, another tool’s export (Hypothesis-style)', () => {
	const result = parseAnnotations(fixture('hypothesis-collection.json'));

	it('follows inline pages, takes quote and position from a target list and ignores RangeSelector', () => {
		expect(result.ok).toBe(true);
		expect(result.anchors.map((a) => a.id)).toEqual(['https://annotations.example.org/a/Xy12Ab', 'https://annotations.example.org/a/Zz34Cd']);
		const [first, second] = result.anchors;
		expect(first).toMatchObject({ start: 1840, end: 1881, exact: '“We will fix the bridge,” the mayor said.', prefix: 'Council meeting, Tuesday\n', motivation: null });
		expect(second).toMatchObject({ start: null, end: null, exact: 'Critics doubt it.', motivation: 'highlighting', body: '' });
	});

	it('keeps the body text without tags, and its format', () => {
		const [first] = result.anchors;
		expect(first.body).toBe('Is this a **direct quote**? Check the council minutes.');
		expect(first.bodies).toContainEqual({ purpose: 'tagging', value: 'attribution', format: null, language: null });
		expect(first.bodies[0].format).toBe('text/markdown');
	});

	it('lists the page note it skipped, saying where and why', () => {
		expect(result.problems).toEqual([{ at: 'first.next.items[1].target', message: expect.stringMatching(/^Skipped: it has no TextQuoteSelector or TextPositionSelector/) }]);
	});
});

describe('parseAnnotations, other shapes', () => {
	it('reads one annotation, a page, and a plain list', () => {
		expect(parseAnnotations(annotation()).anchors).toHaveLength(1);
		expect(parseAnnotations({ '@context': CTX, type: 'AnnotationPage', items: [annotation()] }).anchors).toHaveLength(1);
		expect(parseAnnotations([annotation(), annotation({ id: 'urn:x:2' })]).anchors).toHaveLength(2);
	});

	it('reads bodyValue, @id, @type, a single selector object and a BOM', () => {
		const one = parseAnnotations(`\uFEFF${JSON.stringify({ '@context': [CTX, { extra: 'urn:x' }], '@id': 'urn:y', '@type': 'Annotation', bodyValue: 'Plain words.', target: annotation().target })}`);
		expect(one.anchors).toMatchObject([{ id: 'urn:y', body: 'Plain words.', exact: 'the mayor' }]);
	});

	it('reads an empty collection as empty, not as an error', () => {
		expect(parseAnnotations({ '@context': CTX, type: 'AnnotationCollection', total: 0 })).toMatchObject({ ok: false, anchors: [], problems: [{ message: 'The file holds no annotations.' }] });
	});
});

describe('parseAnnotations, malformed JSON-LD', () => {
	const whole: [string, unknown, string, RegExp][] = [
		['not JSON', '{"@context": ', '(file)', /not JSON/],
		['a number', 42, '(file)', /JSON object/],
		['no @context', { type: 'AnnotationCollection', first: { items: [] } }, '@context', /@context must include/],
		['an unknown type', { '@context': CTX, type: 'Note' }, 'type', /"Note"/],
		['a collection with its pages only linked', { '@context': CTX, type: 'AnnotationCollection', total: 3, first: 'https://x.example/page1' }, 'first', /only linked/],
		['a collection without a first page', { '@context': CTX, type: 'AnnotationCollection', total: 3 }, 'first', /no first page/],
		['a page without items', { '@context': CTX, type: 'AnnotationPage' }, 'items', /under "items"/],
		['too big a file', ' '.repeat(5_000_001), '(file)', /too big/]
	];
	it.each(whole)('refuses %s with where and why', (_, input, at, message) => {
		const result = parseAnnotations(input);
		expect(result.ok).toBe(false);
		expect(result.anchors).toEqual([]);
		expect(result.problems[0].at).toBe(at);
		expect(result.problems[0].message).toMatch(message);
	});

	const items: [string, unknown, string, RegExp][] = [
		['a string item', 'hello', 'items[0]', /JSON object/],
		['the wrong type', annotation({ type: 'Note' }), 'items[0].type', /"Annotation"/],
		['a numeric id', annotation({ id: 7 }), 'items[0].id', /id must be a string/],
		['no target', annotation({ target: undefined }), 'items[0].target', /no target/],
		['a quote selector without words', annotation({ target: { source: 'urn:d', selector: { type: 'TextQuoteSelector', exact: '' } } }), 'items[0].target.selector.exact', /exact words/],
		['a negative position', annotation({ target: { source: 'urn:d', selector: [{ type: 'TextPositionSelector', start: -1, end: 4 }] } }), 'items[0].target.selector[0]', /whole numbers/],
		['a position ending before it starts', annotation({ target: { source: 'urn:d', selector: [{ type: 'TextPositionSelector', start: 9, end: 4 }] } }), 'items[0].target.selector[0]', /after start/],
		['a prefix that is not text', annotation({ target: { source: 'urn:d', selector: { type: 'TextQuoteSelector', exact: 'a', prefix: 3 } } }), 'items[0].target.selector.prefix', /text/],
		['a duplicate id', annotation(), 'items[1]', /already has the id urn:x:1/]
	];
	it.each(items)('skips an annotation with %s, and reads the rest', (name, bad, at, message) => {
		const list = name === 'a duplicate id' ? [annotation(), bad] : [bad, annotation({ id: 'urn:ok' })];
		const result = parseAnnotations({ '@context': CTX, type: 'AnnotationPage', items: list });
		expect(result.ok).toBe(true);
		expect(result.anchors).toHaveLength(1);
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0].at).toBe(at);
		expect(result.problems[0].message).toMatch(/^Skipped: /);
		expect(result.problems[0].message).toMatch(message);
	});

	it('refuses a file with nothing usable, listing every problem', () => {
		const result = parseAnnotations([annotation({ target: undefined }), annotation({ id: 'urn:2', type: 'Note' })]);
		expect(result.ok).toBe(false);
		expect(result.problems.map((p) => p.at)).toEqual(['[0].target', '[1].type']);
	});

	it('refuses more annotations than it will import at once', () => {
		const many = Array.from({ length: MAX_IMPORT_ANNOTATIONS + 1 }, (_, i) => annotation({ id: `urn:${i}` }));
		expect(parseAnnotations(many)).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/at most 5,000/) }] });
	});

	it('stops at a cycle of inline pages', () => {
		const page: Record<string, unknown> = { type: 'AnnotationPage', items: [annotation()] };
		page.next = page;
		expect(parseAnnotations({ '@context': CTX, type: 'AnnotationCollection', first: page }).anchors).toHaveLength(1);
	});
});
