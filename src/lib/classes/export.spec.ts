import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { exportFileName, studentsCsv, type ClassExport } from './export';

const data: ClassExport = {
	class: { name: 'Period 3, "Civics"', joinCode: 'ABC234', openJoin: false, createdAt: new Date(0), archivedAt: null },
	students: [
		{ displayName: 'Ana', addedAt: new Date('2026-01-01T10:00:00Z'), joinedAt: new Date('2026-01-02T10:00:00Z') },
		{ displayName: '=HYPERLINK("x")', addedAt: new Date('2026-01-01T10:00:00Z'), joinedAt: null }
	]
};

describe('class export', () => {
	it('writes one CSV row per student that a CSV reader gets back intact', () => {
		const rows = Papa.parse<string[]>(studentsCsv(data).trim()).data;
		expect(rows[0]).toEqual(['class', 'student', 'added', 'joined']);
		expect(rows[1]).toEqual(['Period 3, "Civics"', 'Ana', '2026-01-01T10:00:00.000Z', '2026-01-02T10:00:00.000Z']);
		expect(rows).toHaveLength(3);
	});

	it('stops a name from running as a spreadsheet formula', () => {
		const rows = Papa.parse<string[]>(studentsCsv(data).trim()).data;
		expect(rows[2][1]).toBe(`'=HYPERLINK("x")`);
	});

	it('starts with a UTF-8 byte-order mark, so spreadsheets read accents right', () => {
		expect(studentsCsv(data).charCodeAt(0)).toBe(0xfeff);
	});

	it('writes just the header for an empty class', () => {
		expect(studentsCsv({ ...data, students: [] }).trim()).toBe('class,student,added,joined');
	});

	it('makes a safe file name', () => {
		expect(exportFileName('Period 3, "Civics" / Room 12', 'csv')).toBe('period-3-civics-room-12-export.csv');
		expect(exportFileName('¡¡¡', 'json')).toBe('class-export.json');
	});

	it('adds a column per assignment and live session: marks, "removed", or empty for no part', () => {
		const withResults: ClassExport = {
			...data,
			results: [
				{
					kind: 'live',
					title: 'Who said it?',
					date: new Date('2026-02-03T09:00:00Z'),
					outOf: 6,
					questions: [],
					students: [
						{ displayName: 'Ana', status: 'finished', marks: 4.5, answers: [] },
						{ displayName: '=HYPERLINK("x")', status: 'removed', marks: 1, answers: [] }
					]
				},
				{
					kind: 'assignment',
					title: '=cmd',
					date: new Date('2026-02-04T09:00:00Z'),
					outOf: 3,
					questions: [],
					students: [
						{ displayName: 'Ana', status: 'not started', marks: null, answers: [] },
						{ displayName: '=HYPERLINK("x")', status: 'finished', marks: 0, answers: [] }
					]
				}
			]
		};
		const rows = Papa.parse<string[]>(studentsCsv(withResults).trim()).data;
		expect(rows[0].slice(4)).toEqual(['Live: Who said it? (2026-02-03), out of 6', 'Assignment: =cmd (2026-02-04), out of 3']);
		expect(rows[1].slice(4)).toEqual(['4.5', '']);
		expect(rows[2].slice(4)).toEqual(['removed', '0']);
	});
});
