import { describe, expect, it } from 'vitest';
import { accuracy, accuracyOfAnswers, accuracyPercent, accuracyWords, awaitingAnswers, isRight, liveQuestionIndexes, scoreRange, toGradeWords } from './accuracy';

const right = { fraction: 1 };
const wrong = { fraction: 0 };
const half = { fraction: 0.5 };
const waiting = { fraction: null };

describe('accuracy', () => {
	it.each([
		// questions, answers, right, counted, percent
		['all answered', 3, [right, wrong, wrong], 1, 3, 33],
		['unanswered count as not right', 10, [right], 1, 10, 10],
		['a written answer waits outside both numbers', 3, [right, waiting], 1, 2, 50],
		['partly right is not right', 4, [right, half, wrong, right], 2, 4, 50],
		['nothing answered', 5, [], 0, 5, 0]
	] as const)('%s', (_, questions, answers, r, counted, percent) => {
		const a = accuracyOfAnswers(questions, answers);
		expect(a).toMatchObject({ right: r, counted, percent, questions });
	});

	it('has no figure while every question waits for a grade, or the quiz has none', () => {
		expect(accuracyOfAnswers(1, [waiting]).percent).toBeNull();
		expect(accuracyOfAnswers(0, []).percent).toBeNull();
		expect(accuracyWords(accuracyOfAnswers(1, [waiting]))).toBeNull();
		expect(accuracyPercent(accuracyOfAnswers(0, []))).toBe('–');
	});

	it('never goes over 100% when a quiz lost questions after the attempt', () => {
		expect(accuracy({ questions: 2, right: 3, partly: 0, awaiting: 0 })).toMatchObject({ right: 2, percent: 100 });
	});

	it('takes only a whole fraction as right', () => {
		expect(isRight(1)).toBe(true);
		expect(isRight(0.99)).toBe(false);
		expect(isRight(null)).toBe(false);
	});

	it('words the figure one way: the count, then the percentage', () => {
		expect(accuracyWords(accuracyOfAnswers(3, [right]))).toBe('1 of 3 right (33%)');
		expect(accuracyWords(accuracyOfAnswers(4, [right, half, wrong, right]))).toBe('2 of 4 right, 1 partly right (50%)');
		expect(accuracyPercent(accuracyOfAnswers(3, [right]))).toBe('33%');
	});

	it('says how many written answers wait', () => {
		expect(toGradeWords(accuracyOfAnswers(3, [right]))).toBeNull();
		expect(toGradeWords(accuracyOfAnswers(3, [waiting]))).toBe('1 written answer to grade, not counted yet');
		expect(toGradeWords(accuracyOfAnswers(3, [waiting, waiting]))).toBe('2 written answers to grade, not counted yet');
	});
});

describe('liveQuestionIndexes', () => {
	const state = { stage: 'question' as const, questionCount: 4, phases: { 2: 'revealed' as const, 0: 'locked' as const } };
	it('counts a teacher-paced session on the questions it showed, in order', () => {
		expect(liveQuestionIndexes(state, 'teacher')).toEqual([0, 2]);
	});
	it('counts a student-paced session on every question once it has started', () => {
		expect(liveQuestionIndexes(state, 'student')).toEqual([0, 1, 2, 3]);
		expect(liveQuestionIndexes({ ...state, stage: 'lobby', phases: {} }, 'student')).toEqual([]);
	});
});

describe('scoreRange', () => {
	const quiz = [{ certainty: true }, { certainty: true }, { certainty: false }, { certainty: false }];
	it('spans every question of the quiz, unanswered ones included (they score 0)', () => {
		expect(scoreRange(quiz, { sure: 0, plain: 0 })).toEqual({ lowest: -12, highest: 8 });
	});
	it('leaves out the written answers still to grade, as accuracy does', () => {
		const answers = [
			{ fraction: null, certainty: 2 },
			{ fraction: null, certainty: null },
			{ fraction: 1, certainty: 3 }
		];
		expect(awaitingAnswers(answers)).toEqual({ sure: 1, plain: 1 });
		expect(scoreRange(quiz, awaitingAnswers(answers))).toEqual({ lowest: -6, highest: 4 });
	});
});
