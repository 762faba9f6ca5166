import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, parseLocalInput, showTime, timeZoneNames, toLocalInput } from './local-time';

const instant = (iso: string) => new Date(iso);

describe('parseLocalInput', () => {
	it.each([
		// Ordinary days, winter and summer.
		['2026-01-15T09:30', 'America/New_York', '2026-01-15T14:30:00.000Z'],
		['2026-07-15T09:30', 'America/New_York', '2026-07-15T13:30:00.000Z'],
		['2026-01-15T09:30', 'Europe/Madrid', '2026-01-15T08:30:00.000Z'],
		['2026-07-15T09:30', 'Europe/Madrid', '2026-07-15T07:30:00.000Z'],
		['2026-07-15T09:30', 'UTC', '2026-07-15T09:30:00.000Z'],
		// New York springs forward on Sunday 8 March 2026 at 2:00 (to 3:00).
		['2026-03-08T01:59', 'America/New_York', '2026-03-08T06:59:00.000Z'],
		['2026-03-08T03:00', 'America/New_York', '2026-03-08T07:00:00.000Z'],
		['2026-03-08T09:00', 'America/New_York', '2026-03-08T13:00:00.000Z'],
		// New York falls back on Sunday 1 November 2026 at 2:00 (to 1:00).
		['2026-11-01T00:59', 'America/New_York', '2026-11-01T04:59:00.000Z'],
		['2026-11-01T02:00', 'America/New_York', '2026-11-01T07:00:00.000Z'],
		// Madrid springs forward on Sunday 29 March 2026 at 2:00 and falls back on 25 October at 3:00.
		['2026-03-29T01:59', 'Europe/Madrid', '2026-03-29T00:59:00.000Z'],
		['2026-03-29T03:00', 'Europe/Madrid', '2026-03-29T01:00:00.000Z'],
		['2026-10-25T03:00', 'Europe/Madrid', '2026-10-25T02:00:00.000Z'],
		// A zone with a half-hour offset and no daylight saving.
		['2026-03-08T02:30', 'Asia/Kolkata', '2026-03-07T21:00:00.000Z']
	])('%s in %s is %s', (value, zone, iso) => {
		expect(parseLocalInput(value, zone)).toEqual({ kind: 'ok', date: instant(iso), repeated: false });
	});

	it.each([
		['2026-03-08T02:00', 'America/New_York'],
		['2026-03-08T02:30', 'America/New_York'],
		['2026-03-08T02:59', 'America/New_York'],
		['2026-03-29T02:30', 'Europe/Madrid']
	])('%s in %s does not exist (the clocks skip it)', (value, zone) => {
		expect(parseLocalInput(value, zone)).toEqual({ kind: 'skipped' });
	});

	it.each([
		// 1:30 happens in EDT (05:30 UTC) and again in EST (06:30 UTC): the first is meant.
		['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
		['2026-11-01T01:00', 'America/New_York', '2026-11-01T05:00:00.000Z'],
		// 2:30 happens in CEST (00:30 UTC) and again in CET (01:30 UTC).
		['2026-10-25T02:30', 'Europe/Madrid', '2026-10-25T00:30:00.000Z']
	])('%s in %s happens twice and means the first, %s', (value, zone, iso) => {
		expect(parseLocalInput(value, zone)).toEqual({ kind: 'ok', date: instant(iso), repeated: true });
	});

	it.each(['', '2026-02-31T09:00', '2026-13-01T09:00', '2026-01-01T24:00', '2026-01-01 09:00', '2026-01-01T09:00:00', 'tomorrow'])('refuses %j', (value) => {
		expect(parseLocalInput(value, 'America/Chicago')).toEqual({ kind: 'malformed' });
	});

	it('keeps the instant a Chicago teacher meant, whatever zone the server runs in', () => {
		const parsed = parseLocalInput('2026-11-24T09:30', 'America/Chicago');
		expect(parsed.kind === 'ok' && parsed.date.toISOString()).toBe('2026-11-24T15:30:00.000Z');
	});
});

describe('toLocalInput', () => {
	it.each([
		['2026-11-24T15:30:00.000Z', 'America/Chicago', '2026-11-24T09:30'],
		['2026-11-24T15:30:00.000Z', 'America/Los_Angeles', '2026-11-24T07:30'],
		['2026-11-01T05:30:00.000Z', 'America/New_York', '2026-11-01T01:30'],
		['2026-11-01T06:30:00.000Z', 'America/New_York', '2026-11-01T01:30'],
		['2026-03-29T01:00:00.000Z', 'Europe/Madrid', '2026-03-29T03:00'],
		['2026-01-01T00:00:00.000Z', 'UTC', '2026-01-01T00:00']
	])('%s in %s is %s', (iso, zone, value) => {
		expect(toLocalInput(instant(iso), zone)).toBe(value);
	});

	it('round-trips every quarter hour across both of New York’s changes', () => {
		for (const start of ['2026-03-07T00:00:00Z', '2026-10-31T00:00:00Z']) {
			for (let ms = Date.parse(start); ms < Date.parse(start) + 3 * 24 * 3600e3; ms += 15 * 60e3) {
				const value = toLocalInput(new Date(ms), 'America/New_York');
				const back = parseLocalInput(value, 'America/New_York');
				expect(back.kind).toBe('ok');
				// A repeated time reads back as its first instant, which shows the same wall time.
				if (back.kind === 'ok') expect(toLocalInput(back.date, 'America/New_York')).toBe(value);
			}
		}
	});
});

describe('showTime', () => {
	it('names the zone, with daylight saving where it applies', () => {
		expect(showTime(instant('2026-11-24T15:30:00Z'), 'America/Chicago')).toBe('Tue, Nov 24, 9:30 AM CST');
		expect(showTime(instant('2026-07-01T15:30:00Z'), 'America/Chicago')).toBe('Wed, Jul 1, 10:30 AM CDT');
		expect(showTime(instant('2026-11-24T15:30:00Z'), 'America/Los_Angeles')).toBe('Tue, Nov 24, 7:30 AM PST');
		expect(showTime(instant('2026-11-24T15:30:00Z'), 'Europe/Madrid')).toBe('Tue, Nov 24, 4:30 PM GMT+1');
	});
});

describe('canonicalTimeZone', () => {
	it.each([
		['America/Chicago', 'America/Chicago'],
		['america/chicago', 'America/Chicago'],
		['US/Eastern', 'America/New_York'],
		['UTC', 'UTC'],
		['Etc/UTC', 'UTC']
	])('%s is %s', (name, canonical) => {
		expect(canonicalTimeZone(name)).toBe(canonical);
	});

	it.each(['', 'Mars/Olympus_Mons', '+01:00', 'America/Chicago<script>', 'a'.repeat(65), '../etc/passwd', 'America/Chicago\n'])('refuses %j', (name) => {
		expect(canonicalTimeZone(name)).toBeNull();
	});

	it('offers only names it accepts as they are', () => {
		for (const name of timeZoneNames()) expect(canonicalTimeZone(name)).toBe(name);
	});
});
