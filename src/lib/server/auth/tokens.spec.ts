import { describe, expect, it } from 'vitest';
import { hashesEqual, hashSecret, randomCode, randomToken } from './tokens';

describe('tokens', () => {
	it('makes 120-bit lowercase base32 tokens that do not repeat', () => {
		const tokens = new Set(Array.from({ length: 1000 }, randomToken));
		expect(tokens.size).toBe(1000);
		for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{24}$/);
	});

	it('draws codes only from the given alphabet', () => {
		const code = randomCode('AB', 64);
		expect(code).toMatch(/^[AB]{64}$/);
		expect(code).toContain('A');
		expect(code).toContain('B');
	});

	it('hashes with SHA-256, as hex', () => {
		expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});

	it.each([
		[hashSecret('a'), hashSecret('a'), true],
		[hashSecret('a'), hashSecret('b'), false],
		[hashSecret('a'), hashSecret('a').slice(1), false],
		['', '', true]
	])('compares %s and %s in constant time → %s', (a, b, same) => {
		expect(hashesEqual(a, b)).toBe(same);
	});
});
