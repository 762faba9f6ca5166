import { describe, expect, it } from 'vitest';
import { resultsCsv, resultsTable, type ResultAttempt, type ResultQuestion, type ResultResponse } from './results-table';

const questions: ResultQuestion[] = [
	{ id: 'q1', prompt: 'Who said it?', type: 'who-said-it', certainty: true, claimId: 'c1' },
	{ id: 'q2', prompt: 'Explain in your own words', type: 'short-answer', certainty: false, claimId: null }
];
const students = [
	{ id: 's1', displayName: 'Ana' },
	{ id: 's2', displayName: '=HYPERLINK("x")' }
];
const attempt = (id: string, number: number, submitted: boolean): ResultAttempt => ({
	id,
	studentId: 's1',
	number,
	startedAt: new Date(0),
	submittedAt: submitted ? new Date(1000) : null
});
const response = (attemptId: string, questionId: string, marks: number | null): ResultResponse => ({
	id: `${attemptId}-${questionId}`,
	attemptId,
	questionId,
	fraction: marks === null ? null : marks > 0 ? 1 : 0,
	marks,
	certainty: 2,
	answeredAt: new Date(0)
});

describe('resultsTable', () => {
	it('counts the best finished attempt, and leaves written answers waiting out of the total', () => {
		const attempts = [attempt('a1', 1, true), attempt('a2', 2, true), attempt('a3', 3, false)];
		const responses = [response('a1', 'q1', -2), response('a2', 'q1', 3), response('a2', 'q2', null), response('a3', 'q1', 3)];
		const [ana, other] = resultsTable(questions, students, attempts, responses, (a) => a.submittedAt !== null);
		expect(ana.counted?.number).toBe(2);
		expect(ana).toMatchObject({ status: 'finished', attemptsUsed: 3, marks: 3, max: 3, awaiting: 1, underWay: 3 });
		expect(ana.cells[1]).toMatchObject({ awaitingGrade: true });
		// Accuracy of the counted attempt as every view counts it: 1 right of the 1 question not waiting for a grade.
		expect(ana.accuracy).toMatchObject({ right: 1, counted: 1, awaiting: 1, percent: 100 });
		expect(other).toMatchObject({ status: 'not started', counted: null, attemptsUsed: 0, accuracy: null });
	});

	it('shows an attempt in progress when none is finished', () => {
		const [ana] = resultsTable(questions, students, [attempt('a1', 1, false)], [response('a1', 'q1', 2)], () => false);
		expect(ana).toMatchObject({ status: 'in progress', marks: 2 });
		// The unanswered written question counts as not right.
		expect(ana.accuracy).toMatchObject({ right: 1, counted: 2, percent: 50 });
		expect(ana.cells[1]).toBeNull();
	});
});

describe('resultsCsv', () => {
	it('has a column per question, and no cell a spreadsheet would run as a formula', () => {
		const rows = resultsTable(questions, students, [attempt('a1', 1, true)], [response('a1', 'q1', 3), response('a1', 'q2', null)], () => true);
		const [header, ana, other] = resultsCsv(questions, rows).replace(/^\uFEFF/, '').split('\r\n');
		expect(header).toBe('student,status,attempts used,attempt counted,submitted,Q1: Who said it?,Q2: Explain in your own words,marks,out of,awaiting grading,right,counted,accuracy %');
		expect(ana).toBe('Ana,finished,1,1,1970-01-01T00:00:01.000Z,3,to grade,3,4,1,1,1,100');
		expect(other.endsWith(',,,,4,,,,')).toBe(true);
		expect(other.startsWith(`"'=HYPERLINK(""x"")",not started`)).toBe(true);
	});

	it('numbers the questions as in the quiz when only some are shown (a live session ended early)', () => {
		const shown = [{ ...questions[1], number: 6 }];
		const [header] = resultsCsv(shown, resultsTable(shown, students, [], [], () => true)).replace(/^\uFEFF/, '').split('\r\n');
		expect(header).toContain(',Q6: Explain in your own words,');
	});
});
