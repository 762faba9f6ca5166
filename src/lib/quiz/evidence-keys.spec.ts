import { describe, expect, it } from 'vitest';
import { staleKeys } from './evidence-keys';

const V1 = 'The council met on Tuesday. It voted for new buses.';
const key = (words: string, text = V1) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, exact: words });

describe('staleKeys', () => {
	it('keeps keys whose words are still at their offsets', () => {
		expect(staleKeys(V1, [key('It voted for new buses.')])).toEqual([]);
		// An edit after the key leaves it where it was.
		expect(staleKeys(`${V1} Riders agree.`, [key('It voted for new buses.')])).toEqual([]);
	});

	it.each([
		['words inserted before the key', V1.replace('Tuesday.', 'Tuesday, after a long debate.')],
		['the key’s own words changed', V1.replace('new buses', 'more trains')],
		['the text cut short before the key ends', 'The council met on Tuesday. It voted.']
	])('flags a key after %s', (_, edited) => {
		const stale = key('It voted for new buses.');
		expect(staleKeys(edited, [key('The council'), stale])).toEqual([stale]);
	});
});
