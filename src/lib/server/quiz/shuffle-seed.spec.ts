import { describe, expect, it } from 'vitest';
import { attemptSeed, setShuffleKey } from './shuffle-seed';

describe('attemptSeed', () => {
	it('is stable for an attempt and question under one key, and differs between them', () => {
		setShuffleKey('installation one');
		const seed = attemptSeed('attempt-1', 'q01');
		expect(attemptSeed('attempt-1', 'q01')).toBe(seed);
		expect(attemptSeed('attempt-1', 'q02')).not.toBe(seed);
		expect(attemptSeed('attempt-2', 'q01')).not.toBe(seed);
	});

	it('cannot be rebuilt from the attempt and question alone: it depends on the installation secret', () => {
		setShuffleKey('installation one');
		const one = attemptSeed('attempt-1', 'q01');
		setShuffleKey('installation two');
		expect(attemptSeed('attempt-1', 'q01')).not.toBe(one);
		expect(one).toMatch(/^[0-9a-f]{64}$/);
	});
});
