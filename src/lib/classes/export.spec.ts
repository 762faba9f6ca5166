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
});
