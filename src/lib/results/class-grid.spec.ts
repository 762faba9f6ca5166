import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { attemptAccuracy, cellWords, classGrid, classGridCsv, sortColumns, sparkline, trendOf, type GridAttempt, type GridColumn } from './class-grid';

const day = (d: number) => new Date(Date.UTC(2026, 10, d));
const COLUMNS: GridColumn[] = [
	{ kind: 'live', id: 'l1', title: 'Live quiz', at: day(5), questions: 4 },
	{ kind: 'assignment', id: 'a1', title: 'First', at: day(1), questions: 10 },
	{ kind: 'assignment', id: 'a2', title: 'Second', at: day(3), questions: 5 }
];
const STUDENTS = [
	{ id: 's1', displayName: 'Ana' },
	{ id: 's2', displayName: 'Ben' },
	{ id: 's3', displayName: '=Cy' }
];
const attempt = (studentId: string, kind: 'assignment' | 'live', columnId: string, over: Partial<GridAttempt>): GridAttempt => ({
	studentId,
	kind,
	columnId,
	over: true,
	removed: false,
	number: 1,
	right: 0,
	partly: 0,
	awaiting: 0,
	marks: 0,
	...over,
	// Without certainty the marks are the fractions: here the right answers.
	...('marks' in over ? {} : { marks: over.right ?? 0 })
});

describe('classGrid', () => {
	const columns = sortColumns(COLUMNS);
	const grid = classGrid(columns, STUDENTS, [
		// Ana: 5/10, then best of 2/5 and 4/5 (the in-progress third does not count), then 3/4.
		attempt('s1', 'assignment', 'a1', { right: 5 }),
		attempt('s1', 'assignment', 'a2', { right: 2, number: 1 }),
		attempt('s1', 'assignment', 'a2', { right: 4, number: 2 }),
		attempt('s1', 'assignment', 'a2', { right: 5, number: 3, over: false }),
		attempt('s1', 'live', 'l1', { right: 3 }),
		// Ben: 7 right of 10, with 2 written answers to grade: 7/8; still answering a2; removed live.
		attempt('s2', 'assignment', 'a1', { right: 7, awaiting: 2 }),
		attempt('s2', 'assignment', 'a2', { right: 1, over: false }),
		attempt('s2', 'live', 'l1', { right: 4, removed: true }),
		// An attempt at a column not shown is ignored.
		attempt('s3', 'assignment', 'gone', { right: 1 })
	]);

	it('puts columns in date order and picks the best attempt that is over', () => {
		expect(grid.columns.map((c) => c.id)).toEqual(['a1', 'a2', 'l1']);
		expect(grid.rows[0].cells.map((c) => c.accuracy)).toEqual([50, 80, 75]);
		expect(grid.rows[0].average).toBe(68); // (50 + 80 + 75) / 3 = 68.3
	});

	it('leaves written answers still to grade out of accuracy, and counts them', () => {
		expect(grid.rows[1].cells[0]).toMatchObject({ accuracy: 88, status: 'counted', toGrade: 2, attempt: 1 }); // 7 / (10 - 2)
		expect(cellWords(grid.rows[1].cells[0])).toBe('7 of 8 right (88%), 2 to grade');
		expect(grid.rows[1].cells[1]).toEqual({ accuracy: null, figures: null, attempt: null, status: 'in progress', toGrade: 0 });
		expect(grid.rows[1].cells[2].status).toBe('removed');
		expect(grid.columns[0]).toMatchObject({ average: 69, counted: 2, toGrade: 2 }); // (50 + 88) / 2
		expect(grid.columns[2]).toMatchObject({ average: 75, counted: 1 });
	});

	it('gives a student without results no average and says so', () => {
		expect(grid.rows[2]).toMatchObject({ average: null, trend: { change: null, words: 'no results yet' } });
		expect(grid.rows[2].cells.map(cellWords)).toEqual(['not started', 'not started', 'not started']);
	});

	it('words the trend over the latest results', () => {
		expect(grid.rows[0].trend).toMatchObject({ points: [50, 80, 75], change: 25, words: 'up 25 points over the last 3' });
		expect(trendOf([90, 40, 70, 50]).words).toBe('up 10 points over the last 3');
		expect(trendOf([60, 59]).words).toBe('down 1 point over the last 2');
		expect(trendOf([60, 60]).words).toBe('steady over the last 2');
		expect(trendOf([60]).words).toBe('one result so far');
	});

	it('counts the attempt the assignment’s own table counts: the most marks, not the most right', () => {
		// With certainty, 4 right but sure and wrong on the rest scores less than 3 right said carefully.
		const g = classGrid([COLUMNS[2]], [STUDENTS[0]], [
			attempt('s1', 'assignment', 'a2', { right: 4, marks: -2, number: 1 }),
			attempt('s1', 'assignment', 'a2', { right: 3, marks: 5, number: 2 }),
			attempt('s1', 'assignment', 'a2', { right: 2, marks: 5, number: 3 })
		]);
		// Equal marks: the later attempt, as the assignment's table picks it.
		expect(g.rows[0].cells[0]).toMatchObject({ accuracy: 40, attempt: 3 });
	});

	it('counts an attempt whose every answer waits for a grade, without a figure', () => {
		expect(attemptAccuracy(attempt('s', 'assignment', 'x', { awaiting: 2 }), 2).percent).toBeNull();
		const g = classGrid([COLUMNS[2]], [STUDENTS[0]], [attempt('s1', 'assignment', 'a2', { awaiting: 5 })]);
		expect(g.rows[0].cells[0]).toMatchObject({ accuracy: null, status: 'counted', toGrade: 5 });
		expect(cellWords(g.rows[0].cells[0])).toBe('5 to grade');
		expect(g.rows[0].average).toBeNull();
	});

	it('writes CSV a spreadsheet reads safely, with the class averages last', () => {
		const csv = classGridCsv(grid);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
		expect(rows[0]).toEqual(['student', 'Assignment 2026-11-01: First', 'Assignment 2026-11-03: Second', 'Live 2026-11-05: Live quiz', 'average %', 'trend']);
		expect(rows[1]).toEqual(['Ana', '5 of 10 right (50%)', '4 of 5 right (80%)', '3 of 4 right (75%)', '68', 'up 25 points over the last 3']);
		expect(rows[3][0]).toBe("'=Cy");
		expect(rows[4]).toEqual(['class average', '69%', '80%', '75%', '', '']);
	});

	it('draws the sparkline from 0% at the bottom to 100% at the top', () => {
		expect(sparkline([0, 100], 80, 24, 2)).toBe('2,22 78,2');
		expect(sparkline([])).toBe('');
	});
});
