import { describe, expect, it } from 'vitest';
import { CBM, marks, maxMarks, score, spanOverlap, type Answer, type Question } from './scoring';

const choice = (value: string): Answer => ({ type: 'choice', value });

describe('single-choice types', () => {
	it.each(['who-said-it', 'whose-voice', 'headline-vs-body', 'multiple-choice'] as const)('%s is right or wrong', (type) => {
		const q: Question = { type, key: 'b' };
		expect(score(q, choice('b'))).toEqual({ status: 'scored', fraction: 1 });
		expect(score(q, choice('a'))).toEqual({ status: 'scored', fraction: 0 });
	});

	it('refuses an answer of the wrong shape', () => {
		expect(() => score({ type: 'whose-voice', key: 'vague' }, { type: 'text', text: 'vague' })).toThrow(TypeError);
	});
});

describe('multiple response', () => {
	const q: Question = { type: 'multiple-response', key: ['a', 'c'], options: ['a', 'b', 'c', 'd'] };
	it.each([
		[['a', 'c'], 1],
		[['a'], 0.5],
		[['a', 'b'], 0],
		[['a', 'c', 'd'], 0.5],
		[['b', 'd'], 0],
		[[], 0]
	])('%j scores %d', (values, fraction) => {
		expect(score(q, { type: 'choices', values })).toEqual({ status: 'scored', fraction });
	});
});

describe('find the evidence', () => {
	const q: Question = { type: 'find-evidence', key: [{ start: 100, end: 140 }, { start: 300, end: 320 }], tolerance: 0.5 };
	it.each([
		['the key span exactly', { start: 100, end: 140 }, 1],
		['most of it', { start: 105, end: 140 }, 1],
		['a little extra around it', { start: 95, end: 150 }, 1],
		['the second key span', { start: 298, end: 322 }, 1],
		['too little of it', { start: 130, end: 140 }, 0],
		['the whole paragraph', { start: 0, end: 400 }, 0],
		['somewhere else', { start: 200, end: 240 }, 0]
	])('%s', (_, span, fraction) => {
		expect(score(q, { type: 'span', span })).toEqual({ status: 'scored', fraction });
	});

	it('measures overlap as shared over covered characters', () => {
		expect(spanOverlap({ start: 0, end: 10 }, { start: 5, end: 15 })).toBeCloseTo(5 / 15);
		expect(spanOverlap({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0);
	});
});

describe('short written answers', () => {
	it('wait for the teacher', () => {
		expect(score({ type: 'short-answer', maxScore: 4 }, { type: 'text', text: 'Because…' })).toEqual({ status: 'awaiting-teacher' });
	});
});

describe('certainty-based marking', () => {
	it.each([
		[1, 1, 1],
		[1, 2, 2],
		[1, 3, 3],
		[0, 1, 0],
		[0, 2, -2],
		[0, 3, -6],
		[0.5, 3, -1.5]
	] as const)('fraction %d at certainty %d gives %d', (fraction, certainty, expected) => {
		expect(marks(fraction, certainty)).toBe(expected);
	});

	it('makes a confident wrong answer cost more than an unsure one', () => {
		expect(marks(0, 3)).toBeLessThan(marks(0, 2));
		expect(marks(0, 2)).toBeLessThan(marks(0, 1));
	});

	it('never rewards guessing with high certainty when unsure', () => {
		// At 50% chance of being right, certainty 1 expects 0.5 marks, certainty 3 expects -1.5.
		const expected = (c: 1 | 2 | 3) => 0.5 * CBM[c].right + 0.5 * CBM[c].wrong;
		expect(expected(1)).toBeGreaterThan(expected(3));
	});

	it('without certainty, marks are the fraction', () => {
		expect(marks(0.5, null)).toBe(0.5);
		expect(maxMarks(false)).toBe(1);
		expect(maxMarks(true)).toBe(3);
	});
});
