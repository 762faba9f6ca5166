import { describe, expect, it } from 'vitest';
import { etagOf, ifNoneMatchHits } from './etag';

describe('etagOf', () => {
	it('is a quoted tag that changes exactly when the bytes do', () => {
		expect(etagOf('{"a":1}')).toMatch(/^"[A-Za-z0-9_-]+"$/);
		expect(etagOf('{"a":1}')).toBe(etagOf('{"a":1}'));
		expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
	});
});

describe('ifNoneMatchHits', () => {
	const tag = etagOf('body');
	it.each<[string | null, boolean]>([
		[null, false],
		['', false],
		[tag, true],
		[`W/${tag}`, true],
		[`"other", ${tag}`, true],
		['*', true],
		['"other"', false],
		[tag.slice(1, -1), false]
	])('%s → %s', (header, hit) => {
		expect(ifNoneMatchHits(header, tag)).toBe(hit);
	});
});
