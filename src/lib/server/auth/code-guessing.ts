/**
 * Limits on guessing class and rejoin codes. Each address has its own allowance of wrong
 * codes. A kit-wide count of wrong codes tells when someone is guessing from many
 * addresses at once (a flood); it never refuses a right code (that would let any
 * stranger shut every class out), it only holds each address to a much smaller allowance
 * while it lasts, and tells the admin. The arithmetic is in the README's Security section.
 */
import { consume, count, counted, ensureNotBlocked, LIMITS, type Limiters } from './rate-limit';

/** The key of the kit-wide count. */
const EVERYONE = 'all';

/** What the admin is told while a flood is on. */
export interface CodeFlood {
	/** Wrong codes from everyone in the current window. */
	wrongCodes: number;
	/** More than this many in a window is a flood. */
	ceiling: number;
	/** Seconds until the window ends (the flood ends then, unless the guessing goes on). */
	secondsLeft: number;
	/** Wrong codes one address may try in a window during a flood. */
	perAddress: number;
}

/** The flood going on now, read from the counters in the database, or null. */
export async function codeFlood(limits: Limiters): Promise<CodeFlood | null> {
	const { points, msLeft } = await counted(limits.wrongCodesTotal, EVERYONE);
	const ceiling = limits.wrongCodesTotal.points;
	if (points <= ceiling) return null;
	return { wrongCodes: points, ceiling, secondsLeft: Math.ceil(msLeft / 1000), perAddress: limits.wrongCodesPerIpInFlood.points };
}

/**
 * Refuses (429) an address that is over its own allowance: the usual one always, the
 * smaller one during a flood. The same for right and wrong codes, or a refused address
 * could still tell which of its guesses was right.
 */
export async function ensureMayTryCode(limits: Limiters, address: string): Promise<void> {
	await ensureNotBlocked(limits.wrongCodesPerIp, address);
	if (await codeFlood(limits)) await ensureNotBlocked(limits.wrongCodesPerIpInFlood, address);
}

/**
 * Counts a wrong code from `address` against its usual allowance (refusing once over),
 * its flood allowance and the kit-wide count (never refusing: they are checked before
 * the next try). Logs one warning when a window's count first passes the ceiling.
 */
export async function countWrongCode(limits: Limiters, address: string): Promise<void> {
	await count(limits.wrongCodesPerIpInFlood, address);
	const total = (await count(limits.wrongCodesTotal, EVERYONE)).points;
	// The count comes back from one atomic upsert, so exactly one request, on one server, sees this.
	if (total === limits.wrongCodesTotal.points + 1) {
		console.warn(
			`Attribution Lab: more than ${limits.wrongCodesTotal.points} wrong class or rejoin codes in ${LIMITS.wrongCodesTotal.seconds / 60} minutes: ` +
				`someone is guessing. Right codes still get in; each address may now get only ` +
				`${limits.wrongCodesPerIpInFlood.points} wrong. The admin sees a notice on /teach.`
		);
	}
	await consume(limits.wrongCodesPerIp, address);
}
