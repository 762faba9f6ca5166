import { describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_RETENTION_DAYS, practiceRetentionDays } from './practice-purge';

describe('PRACTICE_RETENTION_DAYS', () => {
	it.each([
		[undefined, DEFAULT_PRACTICE_RETENTION_DAYS],
		['', DEFAULT_PRACTICE_RETENTION_DAYS],
		['7', 7],
		['0.5', 0.5]
	])('reads %j as %d days', (value, days) => {
		expect(practiceRetentionDays(value)).toBe(days);
	});

	it.each(['0', '-3', 'thirty', 'Infinity'])('refuses %j, naming the setting', (value) => {
		expect(() => practiceRetentionDays(value)).toThrow(/PRACTICE_RETENTION_DAYS must be a positive number of days/);
	});
});
