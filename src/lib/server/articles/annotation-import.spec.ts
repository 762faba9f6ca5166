import { describe, expect, it, vi } from 'vitest';
import { CONTEXT_CHARS, describe as describeSpan, quoteCandidates, rankCandidates } from '$lib/anchoring/anchoring';
import { DomainError } from '../domain-error';
import { annotationFileText, importMessage, MAX_IMPORT_BYTES, placeImported } from './annotation-import';

// The real matcher, watched: what an imported file makes it search with.
vi.mock('$lib/anchoring/anchoring', async (original) => {
	const actual = await original<typeof import('$lib/anchoring/anchoring')>();
	return { ...actual, quoteCandidates: vi.fn(actual.quoteCandidates), rankCandidates: vi.fn(actual.rankCandidates) };
});

const TEXT = '“We will fix the bridge,” the mayor said.\nWhat next\nCritics doubt the mayor.';
const VERSION = {
	id: 'a/v1',
	text: TEXT,
	blocks: [
		{ kind: 'paragraph' as const, start: 0, end: 41 },
		{ kind: 'heading' as const, start: 42, end: 51 },
		{ kind: 'paragraph' as const, start: 52, end: TEXT.length }
	]
};
const at = (words: string, from = 0) => {
	const start = TEXT.indexOf(words, from);
	const { quote } = describeSpan(TEXT, start, start + words.length);
	return { start, end: start + words.length, exact: words, prefix: quote.prefix, suffix: quote.suffix };
};
const placedWords = (p: ReturnType<typeof placeImported>) => ('selectors' in p ? TEXT.slice(p.selectors.position.start, p.selectors.position.end) : 'orphan');

describe('placeImported', () => {
	it.each([
		['position and quote agree', at('the mayor'), 'the mayor'],
		['a wrong position: the quote with its context finds the second “the mayor”', { ...at('the mayor', 50), start: 3, end: 12 }, 'the mayor'],
		['no position: the quote alone', { ...at('Critics doubt'), start: null, end: null }, 'Critics doubt'],
		['a position with no quote is taken as given (trimmed by the selection rules)', { start: 0, end: 4, exact: null, prefix: '', suffix: '' }, '“We'],
		['changed words are never attached', { ...at('the mayor'), start: null, end: null, exact: 'the governor' }, 'orphan'],
		['words across a heading are refused, as in the editor', at('said.\nWhat next'), 'orphan'],
		['a position past the end with no quote', { start: 500, end: 510, exact: null, prefix: '', suffix: '' }, 'orphan']
	])('%s', (_, anchor, expected) => {
		expect(placedWords(placeImported(VERSION, anchor))).toBe(expected);
	});

	it('scores places with no more context than the kit keeps, however long the file’s prefix and suffix', () => {
		// Scoring costs more the longer the context (tens of seconds for a thousand characters),
		// so a file could stall the server; only the nearest 32 characters count.
		const words = at('the mayor', 50);
		vi.mocked(rankCandidates).mockClear();
		const placed = placeImported(VERSION, { ...words, start: null, end: null, prefix: 'q'.repeat(5000) + words.prefix, suffix: words.suffix + 'z'.repeat(5000) });
		const [, quote] = vi.mocked(rankCandidates).mock.calls[0];
		expect(quote.prefix.length).toBeLessThanOrEqual(CONTEXT_CHARS);
		expect(quote.suffix.length).toBeLessThanOrEqual(CONTEXT_CHARS);
		expect(placedWords(placed)).toBe('the mayor');
	});

	it('scores only the places holding the quoted words (whitespace aside), never every near match', () => {
		// The fuzzy matcher scores every near match of a short quote (about 0.7 s an annotation
		// on a 20,000-character text); only the quoted words are ever kept, so only they are scored.
		vi.mocked(quoteCandidates).mockClear();
		vi.mocked(rankCandidates).mockClear();
		expect(placedWords(placeImported(VERSION, { start: null, end: null, exact: 'the\n  mayor', prefix: '', suffix: '.' }))).toBe('the mayor');
		expect(placedWords(placeImported(VERSION, { start: null, end: null, exact: 'thf ', prefix: '', suffix: '' }))).toBe('orphan');
		expect(quoteCandidates).not.toHaveBeenCalled();
		const scored = vi.mocked(rankCandidates).mock.calls.flatMap(([, , , found]) => found);
		expect(scored.map((c) => TEXT.slice(c.start, c.end))).toEqual(['the mayor', 'the mayor']);
	});

	it('scores only a few of a common word’s places, those whose surroundings agree best, and still picks the right one', () => {
		const text = Array.from({ length: 40 }, (_, i) => `Point ${i} is the plan.`).join(' ');
		const version = { id: 'a/v1', text, blocks: [{ kind: 'paragraph' as const, start: 0, end: text.length }] };
		const target = text.indexOf('Point 27 is the plan') + 'Point 27 is '.length;
		vi.mocked(rankCandidates).mockClear();
		const placed = placeImported(version, { start: null, end: null, exact: 'the plan', prefix: 'Point 27 is ', suffix: '. Point 28' });
		expect('selectors' in placed && placed.selectors.position.start).toBe(target);
		expect(vi.mocked(rankCandidates).mock.calls[0][3].length).toBeLessThanOrEqual(3);
	});

	it('finds the right one of repeated words by their context', () => {
		const second = at('the mayor', 50);
		const placed = placeImported(VERSION, { ...second, start: null, end: null });
		expect('selectors' in placed && placed.selectors.position.start).toBe(second.start);
	});
});

describe('annotationFileText', () => {
	const file = (name: string, bytes: Uint8Array, size = bytes.length) => ({ name, size, bytes });
	const status = (f: () => unknown) => {
		try {
			f();
		} catch (e) {
			return e instanceof DomainError ? e.status : 500;
		}
		return 200;
	};
	it.each([
		['no file', null, 400],
		['a .txt file', file('notes.txt', new TextEncoder().encode('{}')), 415],
		['a file over the cap', file('big.jsonld', new Uint8Array(), MAX_IMPORT_BYTES + 1), 413],
		['binary', file('x.json', new Uint8Array([123, 0, 125])), 415],
		['not UTF-8', file('x.json', new Uint8Array([0xff, 0xfe, 0x41])), 415],
		['a .jsonld file', file('x.jsonld', new TextEncoder().encode('{}')), 200]
	])('%s → %i', (_, f, expected) => {
		expect(status(() => annotationFileText(f))).toBe(expected);
	});
});

describe('importMessage', () => {
	it('counts, then says why each skipped one was skipped (the first three)', () => {
		const skipped = [1, 2, 3, 4].map((n) => ({ at: `a${n}`, message: `Skipped: reason ${n}.` }));
		expect(importMessage({ placed: 41, orphaned: 2, skipped })).toBe(
			'Imported: 41 placed, 2 orphaned, 4 skipped: a1: reason 1; a2: reason 2; a3: reason 3 (and 1 more). The orphans wait in the editor (Mark claims and notes) with their words, to move or delete.'
		);
	});
});
