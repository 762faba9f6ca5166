import { describe, expect, it } from 'vitest';
import { returnPath } from './return-path';

describe('returnPath', () => {
	it.each([
		['/articles/mexico-says-no-to-us-troops?layers=voices', '/articles/mexico-says-no-to-us-troops?layers=voices'],
		['/me', '/me'],
		['/', '/']
	])('keeps a path on this site: %s', (input, expected) => {
		expect(returnPath(input)).toBe(expected);
	});

	it.each([['https://evil.example/'], ['//evil.example/'], ['/\\evil.example'], ['me'], ['/a\nb'], [''], [null], [42], ['/' + 'a'.repeat(2001)]])(
		'sends anything else home: %j',
		(input) => {
			expect(returnPath(input)).toBe('/');
		}
	);
});
