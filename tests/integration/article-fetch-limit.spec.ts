import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { createLimiters, LIMITS, TooManyAttempts, type Limiters } from '../../src/lib/server/auth/rate-limit';
import { fetchForTeacher, FetchRefused } from '../../src/lib/server/articles/fetch-article';
import { ENGINE, freshDatabase } from '../fixtures/database';

describe(`the per-teacher limit on fetching web addresses, on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let limits: Limiters;
	let lookups: number;
	// Every name "resolves" to a private address, so no test ever leaves the machine.
	const options = {
		resolve: async () => {
			lookups++;
			return [{ address: '10.0.0.1', family: 4 }];
		}
	};

	beforeEach(async () => {
		handle = await freshDatabase();
		limits = createLimiters(handle, { sweep: false });
		lookups = 0;
	});
	afterEach(async () => handle.close());

	const outcome = (teacher: string) =>
		fetchForTeacher(limits, teacher, 'https://news.example.org/story', options).then(
			() => 'fetched',
			(e: unknown) => (e instanceof TooManyAttempts ? 429 : e instanceof FetchRefused ? e.status : 'threw')
		);

	it(`lets one teacher ask for ${LIMITS.articleFetchesPerTeacher.points} addresses in ${LIMITS.articleFetchesPerTeacher.seconds / 60} minutes, then says how long to wait; others are not affected`, async () => {
		for (let i = 0; i < LIMITS.articleFetchesPerTeacher.points; i++) expect(await outcome('ada')).toBe(400);
		expect(lookups).toBe(LIMITS.articleFetchesPerTeacher.points);
		const over = await fetchForTeacher(limits, 'ada', 'https://news.example.org/story', options).catch((e: unknown) => e);
		expect(over).toBeInstanceOf(TooManyAttempts);
		expect((over as TooManyAttempts).message).toMatch(/Please wait \d+ minutes? and try again/);
		expect((over as TooManyAttempts).retryAfter).toBeLessThanOrEqual(LIMITS.articleFetchesPerTeacher.seconds);
		// Refused before any lookup: the server made no request for it.
		expect(lookups).toBe(LIMITS.articleFetchesPerTeacher.points);
		expect(await outcome('bob')).toBe(400);
	});
});
