import { describe, expect, it } from 'vitest';
import { balanceOfVoices, countWords, filterClaims, parseFilters } from './claim-ledger';
import type { ClaimView, SpeakerView } from './types';

const speaker = (key: string, name = key): SpeakerView => ({
	key,
	name,
	role: 'government-official',
	description: '',
	stake: '',
	facts: []
});
const claim = (key: string, over: Partial<ClaimView>): ClaimView => ({
	key,
	number: 0,
	quote: 'one two',
	start: 0,
	end: 0,
	speaker: 'writer',
	form: 'writer',
	relationship: '',
	check: 'matches',
	checkNote: '',
	facts: [],
	noteKeys: [],
	marks: [],
	...over
});

const speakers = [speaker('writer', 'the writer'), speaker('kelly', 'Anna Kelly')];
const claims = [
	claim('c1', { speaker: 'kelly', form: 'direct-quote', check: 'altered', quote: 'President Trump has worked hard' }),
	claim('c2', { speaker: 'writer', form: 'writer', check: 'unverified', quote: 'It’s still tense.' }),
	claim('c3', { speaker: 'kelly', form: 'paraphrase', check: 'altered', quote: 'U.S. efforts' })
];

describe('parseFilters', () => {
	it('keeps known values and drops tampered ones', () => {
		const params = new URLSearchParams('speaker=kelly&form=<script>&check=altered');
		expect(parseFilters(params, speakers)).toEqual({ speaker: 'kelly', form: null, check: 'altered' });
	});
});

describe('filterClaims', () => {
	it.each([
		[{ speaker: 'kelly', form: null, check: null }, ['c1', 'c3']],
		[{ speaker: 'kelly', form: 'paraphrase', check: null }, ['c3']],
		[{ speaker: null, form: null, check: 'unverified' }, ['c2']],
		[{ speaker: null, form: null, check: null }, ['c1', 'c2', 'c3']]
	] as const)('%o keeps %o', (filters, keys) => {
		expect(filterClaims(claims, filters).map((c) => c.key)).toEqual(keys);
	});
});

describe('countWords', () => {
	it.each([
		['President Trump has worked hard', 5],
		['It’s still tense.', 3],
		['U.S. military — not even', 4],
		['  ', 0]
	])('%s has %i words', (text, n) => expect(countWords(text)).toBe(n));
});

describe('balanceOfVoices', () => {
	it('adds up words and claims per speaker, biggest first', () => {
		expect(balanceOfVoices(claims, speakers)).toEqual([
			{ speaker: 'kelly', name: 'Anna Kelly', claims: 2, words: 7 },
			{ speaker: 'writer', name: 'the writer', claims: 1, words: 3 }
		]);
	});
});
