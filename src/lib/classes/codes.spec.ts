import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, normalizeCode, spacedCode } from './codes';

describe('class codes', () => {
	it('leaves out characters that look alike', () => {
		for (const c of '01OIL') expect(CODE_ALPHABET).not.toContain(c);
		expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
	});

	it.each([
		['abc234', 'ABC234'],
		['ABC 234', 'ABC234'],
		[' abc-234 ', 'ABC234'],
		['ABC23', null],
		['ABC2345', null],
		['ABC0I1', null],
		['ABC23!', null]
	])('reads %j as %j', (input, code) => {
		expect(normalizeCode(input, 6)).toBe(code);
	});

	it('spaces a code for reading', () => {
		expect(spacedCode('ABC234')).toBe('ABC 234');
		expect(spacedCode('ABCD2345')).toBe('ABCD 2345');
	});
});
