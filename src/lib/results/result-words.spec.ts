import { describe, expect, it } from 'vitest';
import { certaintyWords, chartLabel, inQuotes, statWords, wrongWords } from './result-words';
import { discriminationOf, facilityOf, percent } from './item-stats';

describe('how the dashboards word their figures', () => {
	it('gives a statistic, or the short reason in a table and the full one on its page', () => {
		expect(statWords({ value: 0.456 }, percent)).toBe('46%');
		const few = facilityOf({ n: 2, sx: 1, sy: 0, sxx: 1, syy: 0, sxy: 0 });
		expect(statWords(few, percent)).toBe('Not enough answers');
		expect(statWords(few, percent, true)).toBe('Not enough answers (2 of at least 5).');
		const flat = discriminationOf({ n: 5, sx: 5, sy: 3, sxx: 5, syy: 3, sxy: 3 });
		expect(statWords(flat, (v) => v.toFixed(2))).toBe('All scored the same');
	});

	it('says the average certainty with the nearest level, and nothing where it was not asked', () => {
		expect(certaintyWords({ averageCertainty: 2.5, certaintyAsked: true })).toBe('2.5 (Very sure)');
		expect(certaintyWords({ averageCertainty: 1.2, certaintyAsked: true })).toBe('1.2 (Not sure)');
		expect(certaintyWords({ averageCertainty: null, certaintyAsked: false })).toBe('–');
	});

	it('reads a chart out in a sentence, with the right answer named', () => {
		expect(chartLabel([{ label: 'Kelly', count: 3, correct: true }, { label: 'The writer', count: 1, correct: false }])).toBe('A, Kelly: 3 (right answer); B, The writer: 1');
	});

	it('quotes a claim once, even when the claim is itself a quotation', () => {
		expect(inQuotes('A Sovereign Stand')).toBe('“A Sovereign Stand”');
		expect(inQuotes('“Yes, it’s true,” she confirmed')).toBe('“Yes, it’s true,” she confirmed');
	});
});

describe('wrongWords', () => {
	it('writes a count and its share as accuracy is written: the count, then the percentage', () => {
		expect(wrongWords({ wrong: 1, answered: 2, percent: 50 })).toBe('1 of 2 answers wrong (50%)');
		expect(wrongWords({ wrong: 1, answered: 1, percent: 100 })).toBe('1 of 1 answer wrong (100%)');
		expect(wrongWords({ wrong: 0, answered: 0, percent: null })).toBe('not asked');
	});
});
