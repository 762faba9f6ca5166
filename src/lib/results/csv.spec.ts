import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvText, inert } from './csv';

describe('dashboard CSV', () => {
	it('starts with a byte-order mark, keeps numbers (negative ones too) and empties', () => {
		const text = csvText(['student', 'marks'], [['Ana', -6], ['Ben', null]]);
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text).toContain('\r\n');
		const parsed = Papa.parse<string[]>(text.slice(1).trim()).data;
		expect(parsed).toEqual([['student', 'marks'], ['Ana', '-6'], ['Ben', '']]);
	});

	it('makes formulas inert in text, not in numbers', () => {
		expect(inert('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
		expect(inert('-1+1')).toBe(`'-1+1`);
		expect(inert('Kelly')).toBe('Kelly');
		expect(csvText(['a'], [['@SUM(A1)']])).toContain(`'@SUM(A1)`);
	});
});
