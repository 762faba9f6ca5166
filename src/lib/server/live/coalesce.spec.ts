import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalescer } from './coalesce';

describe('coalescer', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	/** Lets the run's promise chain settle under fake timers. */
	const settle = () => vi.advanceTimersByTimeAsync(0);

	it('runs at once when idle, then once more after a burst, with the latest key state', async () => {
		const runs: string[] = [];
		const touch = coalescer(250, async (key) => void runs.push(key));
		touch('a');
		await settle();
		expect(runs).toEqual(['a']);
		for (let i = 0; i < 30; i++) touch('a');
		await settle();
		expect(runs).toEqual(['a']);
		await vi.advanceTimersByTimeAsync(250);
		expect(runs).toEqual(['a', 'a']);
		await vi.advanceTimersByTimeAsync(1000);
		expect(runs).toEqual(['a', 'a']);
	});

	it('keeps keys apart', async () => {
		const runs: string[] = [];
		const touch = coalescer(250, async (key) => void runs.push(key));
		touch('a');
		touch('b');
		touch('a');
		await vi.advanceTimersByTimeAsync(1000);
		expect(runs).toEqual(['a', 'b', 'a']);
	});

	it('goes on after a failed run', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		let calls = 0;
		const touch = coalescer(100, async () => {
			calls++;
			if (calls === 1) throw new Error('database away');
		});
		touch('a');
		await vi.advanceTimersByTimeAsync(150);
		touch('a');
		await vi.advanceTimersByTimeAsync(150);
		expect(calls).toBe(2);
		expect(errors).toHaveBeenCalledOnce();
		errors.mockRestore();
	});

	it('runs an urgent change at once inside an interval, and still ends the interval with one more run', async () => {
		const runs: string[] = [];
		const touch = coalescer(250, async (key) => void runs.push(key));
		touch('a');
		await settle();
		touch('a'); // an answer: waits for the interval
		await settle();
		expect(runs).toEqual(['a']);
		touch('a', true); // the teacher moves on: goes now
		await settle();
		expect(runs).toEqual(['a', 'a']);
		// The interval's trailing run follows, so the last state out is the latest.
		await vi.advanceTimersByTimeAsync(250);
		expect(runs).toEqual(['a', 'a', 'a']);
		await vi.advanceTimersByTimeAsync(1000);
		expect(runs).toEqual(['a', 'a', 'a']);
	});

	it('runs an urgent change when idle like any other', async () => {
		const runs: string[] = [];
		const touch = coalescer(250, async (key) => void runs.push(key));
		touch('a', true);
		await settle();
		expect(runs).toEqual(['a']);
		await vi.advanceTimersByTimeAsync(1000);
		expect(runs).toEqual(['a']);
	});
});

