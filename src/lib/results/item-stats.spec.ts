import { describe, expect, it } from 'vitest';
import { accuracyWords } from './accuracy';
import { accuracyAndScore, correlation, discrimination, facility, MIN_ANSWERS, scoreText, signed, type AttemptScores } from './item-stats';
import { marks, type Certainty } from '$lib/quiz/scoring';

/** Attempts as rows of fractions for q1, q2, q3 (undefined: not answered; null: awaiting the teacher). */
function attempts(rows: (number | null | undefined)[][]): AttemptScores[] {
	return rows.map((row) => new Map(row.flatMap((f, i) => (f === undefined ? [] : [[`q${i + 1}`, f] as [string, number | null]]))));
}

// Worked by hand (see each expectation).
const FIVE = attempts([
	[1, 1, 1], // A: rest of the quiz for q1 = 2
	[1, 1, 0], // B: 1
	[0, 1, 0], // C: 1
	[0, 0, 0], // D: 0
	[1, 0, 1] //  E: 1
]);

describe('facility', () => {
	it('is the mean fraction over the graded answers', () => {
		expect(facility('q1', FIVE)).toEqual({ value: 0.6 }); // 3 of 5
		expect(facility('q2', FIVE)).toEqual({ value: 0.6 });
	});

	it('counts partial marks and leaves out answers waiting for the teacher', () => {
		const rows = attempts([[0.5], [1], [0], [0.5], [1], [null]]);
		expect(facility('q1', rows)).toEqual({ value: 0.6 }); // (0.5 + 1 + 0 + 0.5 + 1) / 5
	});

	it(`says "not enough answers" below ${MIN_ANSWERS}`, () => {
		const stat = facility('q1', FIVE.slice(0, MIN_ANSWERS - 1));
		expect(stat.value).toBeNull();
		expect(stat).toMatchObject({ reason: expect.stringMatching(/Not enough answers \(4 of at least 5\)/) });
	});
});

describe('discrimination', () => {
	it('is the correlation of the question with the rest of the quiz', () => {
		// x = 1,1,0,0,1 (mean 0.6), rest y = 2,1,1,0,1 (mean 1):
		// Σdxdy = 0.4·1 + (−0.6)(−1) = 1; Σdx² = 1.2; Σdy² = 2; r = 1/√2.4 ≈ 0.6455.
		const stat = discrimination('q1', FIVE);
		expect(stat.value).toBeCloseTo(1 / Math.sqrt(2.4), 10);
	});

	it('is negative when the weaker students get the question right', () => {
		// Two questions: q2 is right exactly where q1 is wrong, so r = −1.
		const rows = attempts([
			[1, 0],
			[1, 0],
			[0, 1],
			[0, 1],
			[1, 0]
		]);
		expect(discrimination('q2', rows).value).toBeCloseTo(-1, 10);
	});

	it('counts an unanswered other question as 0 and leaves out attempts without a graded answer', () => {
		// q1 answered by five (the sixth waits for the teacher); rest = q2 where answered, else 0.
		const rows = attempts([[1, 1], [1, undefined], [0, 0], [0, undefined], [1, 1], [null, 1]]);
		// x = 1,1,0,0,1; y = 1,0,0,0,1: Σdxdy = 0.4·0.6 + 0.4·(−0.4) + (−0.6)(−0.4)·2 + 0.4·0.6 = 0.8;
		// Σdx² = 1.2; Σdy² = 1.2; r = 0.8 / 1.2 = 2/3.
		expect(discrimination('q1', rows).value).toBeCloseTo(2 / 3, 10);
	});

	it('has no value when everyone scored the same on the question', () => {
		const rows = attempts([[1, 0], [1, 1], [1, 0], [1, 1], [1, 0]]);
		expect(discrimination('q1', rows)).toMatchObject({ value: null, reason: expect.stringMatching(/All scored the same/) });
	});

	it(`says "not enough answers" below ${MIN_ANSWERS}`, () => {
		expect(discrimination('q1', FIVE.slice(0, 4))).toMatchObject({ value: null, reason: expect.stringMatching(/Not enough answers/) });
	});

	it('correlation refuses lists of different lengths', () => {
		expect(correlation([1, 2], [1])).toBeNull();
		expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 10);
	});
});

describe('accuracy and the certainty-based score', () => {
	const cbm = Array.from({ length: 10 }, () => ({ certainty: true }));
	const answer = (right: boolean, c: Certainty) => ({ fraction: right ? 1 : 0, marks: marks(right ? 1 : 0, c), certainty: c });

	it('keeps "7 of 10 right (70%)" apart from the score and its range', () => {
		// 5 very sure right (15) + 2 fairly sure right (4) + 1 very sure wrong (−6) + 2 fairly sure wrong (−4) = 9.
		const answers = [...Array(5).fill(answer(true, 3)), ...Array(2).fill(answer(true, 2)), answer(false, 3), ...Array(2).fill(answer(false, 2))];
		const a = accuracyAndScore(cbm, answers);
		expect(accuracyWords(a.accuracy)).toBe('7 of 10 right (70%)');
		expect(scoreText(a)).toBe('Certainty-based score: 9 (range −60 to 30)');
	});

	it('never reads as a negative fraction of a positive maximum', () => {
		const answers = Array(10).fill(answer(false, 3)).slice(0, 7);
		const a = accuracyAndScore(cbm, answers);
		expect(accuracyWords(a.accuracy)).toBe('0 of 10 right (0%)');
		expect(scoreText(a)).toBe('Certainty-based score: −42 (range −60 to 30)');
		expect(scoreText(a)).not.toMatch(/of 30/);
	});

	it('counts partly right, unanswered and waiting answers apart, and mixes questions with and without certainty', () => {
		const questions = [{ certainty: true }, { certainty: false }, { certainty: false }, { certainty: true }];
		const answers = [answer(true, 1), { fraction: 0.5, marks: 0.5, certainty: null }, { fraction: null, marks: null, certainty: null }];
		const a = accuracyAndScore(questions, answers);
		// The written answer waiting is out of the count until graded, and out of the score's range
		// (0 to 1 without certainty): 1 right of 3 counted; the range −12 to 7.
		expect(a).toMatchObject({ accuracy: { right: 1, partly: 1, awaiting: 1, questions: 4, counted: 3, percent: 33 }, score: 1.5, min: -12, max: 7 });
		expect(accuracyWords(a.accuracy)).toBe('1 of 3 right, 1 partly right (33%)');
	});

	it('writes a true minus sign', () => {
		expect(signed(-2.5)).toBe('−2.5');
		expect(signed(0)).toBe('0');
	});
});
