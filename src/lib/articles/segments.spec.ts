import { describe, expect, it } from 'vitest';
import { groupByClaim, marksByClaim, segmentBlocks } from './segments';

const text = 'Heading\nOne two three. Four five.';
const blocks = [
	{ kind: 'heading' as const, start: 0, end: 7 },
	{ kind: 'paragraph' as const, start: 8, end: text.length }
];
const claims = [
	{ key: 'h', start: 0, end: 7 },
	{ key: 'a', start: 8, end: 22 },
	{ key: 'b', start: 23, end: text.length }
];

describe('segmentBlocks', () => {
	it('cuts at claim boundaries and keeps every character', () => {
		const [heading, para] = segmentBlocks(text, blocks, claims, []);
		expect(heading.pieces).toEqual([{ text: 'Heading', claim: 'h', notes: [], endsNotes: [] }]);
		expect(para.pieces.map((p) => [p.text, p.claim])).toEqual([
			['One two three.', 'a'],
			[' ', null],
			['Four five.', 'b']
		]);
	});

	it('keeps each block’s place in the text, so the page can put back what separates blocks', () => {
		const views = segmentBlocks(text, blocks, claims, []);
		expect(views.map((b) => [b.start, b.end])).toEqual([
			[0, 7],
			[8, text.length]
		]);
	});

	it('marks a note inside a claim and one that crosses two claims', () => {
		const notes = [
			{ key: 'n1', start: 12, end: 15 }, // "two"
			{ key: 'n2', start: 18, end: 28 } // "ree. Four "
		];
		const [, para] = segmentBlocks(text, blocks, claims, notes);
		expect(para.pieces.map((p) => p.text).join('')).toBe(text.slice(8));
		const two = para.pieces.find((p) => p.text === 'two')!;
		expect(two).toMatchObject({ claim: 'a', notes: ['n1'], endsNotes: ['n1'] });
		const crossing = para.pieces.filter((p) => p.notes.includes('n2'));
		expect(crossing.map((p) => p.claim)).toEqual(['a', null, 'b']);
		expect(crossing.at(-1)?.endsNotes).toEqual(['n2']);
	});
});

describe('groupByClaim', () => {
	it('puts neighbouring pieces of one claim in one group', () => {
		const groups = groupByClaim([
			{ text: 'x', claim: 'a', notes: [], endsNotes: [] },
			{ text: 'y', claim: 'a', notes: ['n'], endsNotes: ['n'] },
			{ text: ' ', claim: null, notes: [], endsNotes: [] }
		]);
		expect(groups.map((g) => [g.claim, g.pieces.length])).toEqual([
			['a', 2],
			[null, 1]
		]);
	});

	it('tells which claim’s passage holds each note’s mark', () => {
		const notes = [
			{ key: 'n1', start: 12, end: 15 }, // ends inside a
			{ key: 'n2', start: 18, end: 28 }, // ends inside b
			{ key: 'n3', start: 9, end: 22 } // ends with a
		];
		const marks = marksByClaim(segmentBlocks(text, blocks, claims, notes));
		expect(Object.fromEntries(marks)).toEqual({ a: ['n1', 'n3'], b: ['n2'] });
	});
});
