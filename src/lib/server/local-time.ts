/**
 * Dates as a classroom reads them. A `datetime-local` field carries no time zone, so the
 * kit reads and shows times in the server's zone (set TZ when starting it): a school's
 * kit runs where the school is. Every shown time names its zone, so nobody is misled.
 */

/** Parses a `datetime-local` value (2026-11-24T09:30) in the server's zone; an Invalid Date if malformed. */
export function parseLocalInput(value: string): Date {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
	if (!m) return new Date(NaN);
	const [y, mo, d, h, mi] = m.slice(1).map(Number);
	const date = new Date(y, mo - 1, d, h, mi);
	// Reject dates that rolled over (31 February) rather than silently moving them.
	return date.getMonth() === mo - 1 && date.getDate() === d && date.getHours() === h ? date : new Date(NaN);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as a `datetime-local` value in the server's zone. */
export function toLocalInput(date: Date): string {
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const format = new Intl.DateTimeFormat('en-US', {
	weekday: 'short',
	month: 'short',
	day: 'numeric',
	hour: 'numeric',
	minute: '2-digit',
	timeZoneName: 'short'
});

/** A date for people: "Tue, Nov 24, 9:30 AM UTC". */
export function showTime(date: Date): string {
	return format.format(date);
}
