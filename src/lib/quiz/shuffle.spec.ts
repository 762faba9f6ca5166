import { describe, expect, it } from 'vitest';
import { stableShuffle } from './shuffle';

const items = Array.from({ length: 10 }, (_, i) => i);

describe('stableShuffle', () => {
	it('gives the same order for the same seed', () => {
		expect(stableShuffle(items, 'attempt-1/q3')).toEqual(stableShuffle(items, 'attempt-1/q3'));
	});

	it('keeps every item exactly once and leaves the input alone', () => {
		const copy = [...items];
		expect([...stableShuffle(items, 'x')].sort((a, b) => a - b)).toEqual(items);
		expect(items).toEqual(copy);
	});

	it('gives different attempts different orders', () => {
		const orders = new Set(Array.from({ length: 50 }, (_, i) => stableShuffle(items, `attempt-${i}`).join()));
		expect(orders.size).toBeGreaterThan(45);
	});

	it('puts each item first about equally often', () => {
		const firsts = new Array(4).fill(0);
		for (let i = 0; i < 4000; i++) firsts[stableShuffle([0, 1, 2, 3], `s${i}`)[0]]++;
		for (const n of firsts) expect(n).toBeGreaterThan(850);
	});
});
