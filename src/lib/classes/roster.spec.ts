import { describe, expect, it } from 'vitest';
import { nameKey, nameProblem, parseRoster, tidyName } from './roster';

describe('parseRoster', () => {
	it('reads one name per line, tidying spaces and skipping blank lines', () => {
		expect(parseRoster('  Ana   Torres \r\n\nBen\n\t\nChloé Martin\n').names).toEqual(['Ana Torres', 'Ben', 'Chloé Martin']);
	});

	it('sets aside names given twice, ignoring case and accents', () => {
		const result = parseRoster('Chloé\nchloe\nBEN\nben');
		expect(result.names).toEqual(['Chloé', 'BEN']);
		expect(result.duplicates).toEqual(['chloe', 'ben']);
	});

	it('sets aside names already in the class', () => {
		expect(parseRoster('Ana\nZoe', ['ana']).duplicates).toEqual(['Ana']);
	});

	it('reports lines that cannot be names', () => {
		const result = parseRoster(`${'x'.repeat(41)}\n<b>Bo</b>\nOk`);
		expect(result.names).toEqual(['Ok']);
		expect(result.invalid.map((i) => i.reason)).toEqual([expect.stringMatching(/at most 40/), expect.stringMatching(/cannot contain/)]);
	});
});

describe('names', () => {
	it.each([
		['', 'Type a name.'],
		['   ', 'Type a name.'],
		['Ana', null],
		['Zoë O’Neil-Smith', null],
		['Ana\u200B', 'Names cannot contain < or > or invisible characters.'],
		['\u202Eana', 'Names cannot contain < or > or invisible characters.']
	])('%j → %j', (name, problem) => expect(nameProblem(name)).toBe(problem));

	it('keys names so that look-alikes clash', () => {
		expect(nameKey(' Chloé  Martin')).toBe(nameKey('chloe martin'));
		expect(tidyName(' a \t b ')).toBe('a b');
	});
});
