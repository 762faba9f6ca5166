/**
 * Dates as each person reads them. A `datetime-local` field carries no time zone, so the
 * kit reads it in the zone of the person who typed it (a teacher's remembered zone, else
 * the school's default: the server's TZ) and shows every time in the reader's own zone,
 * naming it. Instants are stored as instants; only typing and showing involve a zone.
 *
 * Daylight-saving changes make two kinds of wall-clock time awkward:
 * - a time that does not exist (clocks jump from 2:00 to 3:00, so 2:30 never happens) is
 *   refused with a message, since no instant is what the teacher meant;
 * - a time that happens twice (clocks go back from 2:00 to 1:00, so 1:30 happens twice)
 *   means the first of the two, and the form says so.
 */

import { getLocale } from '$lib/paraglide/runtime';

/** The zones a person may choose, as the runtime knows them, plus UTC (which its list leaves out). */
export function timeZoneNames(): string[] {
	return ['UTC', ...Intl.supportedValuesOf('timeZone')];
}

/**
 * The runtime's own spelling of an IANA zone name (aliases such as US/Eastern become
 * America/New_York), or null for anything that is not one. Fixed offsets ("+01:00") are
 * refused: they do not follow a place's daylight-saving changes.
 */
export function canonicalTimeZone(name: string): string | null {
	if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return null;
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
	} catch {
		return null;
	}
}

/** The school's default zone: the server's own (set TZ when starting it). */
export function schoolTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `ms` in `zone`, as if they were UTC (so two can be subtracted). */
function wallClockMs(ms: number, zone: string): number {
	let f = partsFormats.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		partsFormats.set(zone, f);
	}
	const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
	return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/** The zone's offset from UTC at the instant `ms`, in milliseconds (New York in winter: −5 h). */
function offsetAt(ms: number, zone: string): number {
	const whole = Math.floor(ms / 1000) * 1000;
	return wallClockMs(whole, zone) - whole;
}

/** What a typed wall-clock time means in a zone. */
export type LocalParse =
	| { kind: 'ok'; date: Date; repeated: boolean }
	| { kind: 'malformed' }
	| { kind: 'skipped' };

const DAY_MS = 24 * 3600 * 1000;

/**
 * Reads a `datetime-local` value (2026-11-24T09:30) as a wall-clock time in `zone`. A
 * time that happens twice gives the first instant (`repeated` says so); one that never
 * happens is `skipped`; anything else that is not a real date and time is `malformed`.
 */
export function parseLocalInput(value: string, zone: string): LocalParse {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
	if (!m) return { kind: 'malformed' };
	const [y, mo, d, h, mi] = m.slice(1).map(Number);
	const wall = Date.UTC(y, mo - 1, d, h, mi);
	const check = new Date(wall);
	// Reject dates that rolled over (31 February) rather than silently moving them.
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h || y < 1970) return { kind: 'malformed' };
	// Zones change their offset at most once within a day or so, so the offsets a day
	// either side are the only candidates; each is kept if it really gives this wall time.
	const offsets = new Set([offsetAt(wall - DAY_MS, zone), offsetAt(wall + DAY_MS, zone)]);
	const instants = [...offsets]
		.map((offset) => wall - offset)
		.filter((ms) => wallClockMs(ms, zone) === wall)
		.sort((a, b) => a - b);
	if (instants.length === 0) return { kind: 'skipped' };
	return { kind: 'ok', date: new Date(instants[0]), repeated: instants.length > 1 };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as a `datetime-local` value in `zone`. */
export function toLocalInput(date: Date, zone: string): string {
	const w = new Date(wallClockMs(date.getTime(), zone));
	return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

const shownFormats = new Map<string, Intl.DateTimeFormat>();

/** A date for people in `zone`: "Tue, Nov 24, 9:30 AM CST" (the zone's short name, or its offset). */
export function showTime(date: Date, zone: string): string {
	// In the page's language: "mar, 24 nov, 9:30 a.m. CST" on a Spanish page.
	const locale = getLocale() === 'es' ? 'es-MX' : 'en-US';
	let f = shownFormats.get(`${locale} ${zone}`);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, {
			timeZone: zone,
			weekday: 'short',
			month: 'short',
			day: 'numeric',
			hour: 'numeric',
			minute: '2-digit',
			timeZoneName: 'short'
		});
		shownFormats.set(`${locale} ${zone}`, f);
	}
	return f.format(date);
}

/** A wall-clock value for a message, in the page's language: "Sun, Mar 8, 2:30 AM" (no zone: it may not exist in one). */
export function describeLocalInput(value: string): string {
	const [date, time] = value.split('T');
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi] = time.split(':').map(Number);
	const wall = new Date(Date.UTC(y, mo - 1, d, h, mi));
	return new Intl.DateTimeFormat(getLocale() === 'es' ? 'es-MX' : 'en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(wall);
}
