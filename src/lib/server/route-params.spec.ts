import { describe, expect, it } from 'vitest';
import { hasControlCharacters } from './route-params';

describe('route parameters', () => {
	it('finds NUL and other control characters in any parameter', () => {
		expect(hasControlCharacters({ id: 'abc\u0000' })).toBe(true);
		expect(hasControlCharacters({ slug: 'ok', id: 'line\nbreak' })).toBe(true);
		expect(hasControlCharacters({ id: 'x\u007f' })).toBe(true);
	});
	it('lets ordinary ids, slugs and words through, accents and spaces included', () => {
		expect(hasControlCharacters({})).toBe(false);
		expect(hasControlCharacters({ slug: 'mexico-says-no-to-us-troops', id: 'aaaaaaaaaaaaaaaaaaaaaaaa' })).toBe(false);
		expect(hasControlCharacters({ code: 'Señora Núñez 2' })).toBe(false);
	});
});
