import { describe, expect, it } from 'vitest';
import { accuracyWords, awaitingWords, scoreWords, signed, summariseScores, type AnswerFigures } from './score-summary';
import { marks } from '$lib/quiz/scoring';

const sure = (fraction: number, certainty: 1 | 2 | 3): AnswerFigures => ({ fraction, marks: marks(fraction, certainty), certainty });
const plain = (fraction: number): AnswerFigures => ({ fraction, marks: fraction, certainty: null });
const waiting: AnswerFigures = { fraction: null, marks: null, certainty: 2 };
/** `n` questions, asking how sure or not. */
const asking = (n: number, certainty = true) => Array.from({ length: n }, () => ({ certainty }));

describe('summariseScores', () => {
	it('keeps accuracy and the certainty-based score apart for confident wrong answers', () => {
		// 10 very sure wrong, 3 very sure right, 2 fairly sure right: 13 - 60 + 4... by hand:
		// marks = 10×(−6) + 3×3 + 2×2 = −47; accuracy 5 of 15 = 33%; range −90 to +45.
		const s = summariseScores([...Array(10).fill(sure(0, 3)), ...Array(3).fill(sure(1, 3)), ...Array(2).fill(sure(1, 2))], asking(15));
		expect(s).toMatchObject({ answered: 15, marked: 15, accuracy: { right: 5, partly: 0, percent: 33 }, withCertainty: 15 });
		expect(s.score).toEqual({ marks: -47, lowest: -90, highest: 45 });
		expect(accuracyWords(s)).toBe('5 of 15 right (33%)');
		expect(scoreWords(s)).toBe('−47 marks, on a scale from −90 to +45');
	});

	it('never words a negative score as a part of a positive maximum', () => {
		const cases: AnswerFigures[][] = [[sure(0, 3)], [sure(0, 2), plain(1)], [sure(0.5, 3), sure(0, 1)], [sure(0, 3), sure(0, 3), sure(1, 1)]];
		for (const answers of cases) {
			const words = scoreWords(summariseScores(answers, answers.map((a) => ({ certainty: a.certainty !== null }))))!;
			expect(words).not.toMatch(/[−-]\d+(\.\d+)? of \d/);
		}
	});

	it('names partly right answers without counting them as right (the score counts their part)', () => {
		const s = summariseScores([plain(1), plain(0.5), plain(0), plain(1)], asking(4, false));
		expect(s.accuracy.percent).toBe(50);
		expect(accuracyWords(s)).toBe('2 of 4 right, 1 partly right (50%)');
		expect(scoreWords(s)).toBe('2.5 of 4 marks');
	});

	it('leaves written answers waiting out of both figures and says so', () => {
		const s = summariseScores([sure(1, 3), waiting], asking(2));
		expect(s).toMatchObject({ answered: 2, marked: 1, awaiting: 1, accuracy: { right: 1, counted: 1, percent: 100 } });
		expect(s.score).toEqual({ marks: 3, lowest: -6, highest: 3 });
		expect(awaitingWords(s, 'teacher')).toBe('1 written answer still to be marked by your teacher, not counted yet');
		expect(awaitingWords(s, 'nobody')).toBe('1 written answer not marked in practice, so not counted');
	});

	it('says nothing when nothing is marked yet', () => {
		const s = summariseScores([waiting], asking(1));
		expect(s.accuracy.percent).toBeNull();
		expect(accuracyWords(s)).toBeNull();
		expect(scoreWords(s)).toBeNull();
		expect(awaitingWords(summariseScores([], asking(3)), 'teacher')).toBeNull();
	});

	it('counts the questions left unanswered as not right, and in the score’s range, as every view does', () => {
		const s = summariseScores([sure(1, 3)], [...asking(3), ...asking(1, false)]);
		expect(accuracyWords(s)).toBe('1 of 4 right (25%)');
		expect(scoreWords(s)).toBe('3 marks, on a scale from −18 to +10');
	});

	it.each([
		[-39, false, '−39'],
		[2.345, true, '+2.35'],
		[0, true, '0'],
		[1, false, '1']
	])('signs %s (plus: %s) as %s', (n, plus, words) => {
		expect(signed(n, plus)).toBe(words);
	});
});
