/**
 * OWASP's device cookie: after a teacher signs in, the browser keeps a signed token
 * saying "this browser has signed in to this account before". A browser that shows one
 * for the email it is signing in with is exempt from the throttles strangers can trip
 * for that account, so guessing from elsewhere never locks the rightful teacher out.
 *
 * Each entry is `nonce.signature` (entries joined by `~`), the signature an HMAC of the email and nonce under an
 * installation secret. The email itself is not in the cookie and nothing is stored on
 * the server. One browser holds entries for a few accounts (a shared staff-room computer).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { randomToken } from './tokens';

/** The cookie's name. */
export const DEVICE_COOKIE = 'lab_device';
/** How long a browser stays trusted after its last sign-in: a school year and then some. */
export const DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
/** Accounts one browser can be trusted for at once; the oldest drops off. */
const MAX_ENTRIES = 4;
/** One entry: a 120-bit base32 nonce and a base64url HMAC-SHA256. */
const ENTRY = /^[a-z2-7]{24}\.[\w-]{43}$/;

// Set from the database at start-up; a process that never sets it (a unit test) uses its own.
let key: Buffer = randomBytes(32);

/** Uses the installation's secret, so every app server trusts the same cookies. */
export function setDeviceKey(secret: string) {
	key = Buffer.from(secret);
}

function signature(email: string, nonce: string): string {
	return createHmac('sha256', key).update(`device/${email}/${nonce}`).digest('base64url');
}

function entries(cookie: string | undefined): string[] {
	// Bounded: a cookie is at most a few kilobytes, and only MAX_ENTRIES are ever written.
	return (cookie ?? '').split('~').slice(0, MAX_ENTRIES);
}

/** The entry's nonce if `entry` was signed for `email` here, else null (compared in constant time). */
function nonceFor(entry: string, email: string): string | null {
	if (!ENTRY.test(entry)) return null;
	const [nonce, sig] = entry.split('.');
	const expected = Buffer.from(signature(email, nonce));
	const given = Buffer.from(sig);
	return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}

/** The id of this browser's trust for `email` (its nonce), or null if the cookie does not vouch for that account. */
export function trustedDevice(cookie: string | undefined, email: string): string | null {
	for (const entry of entries(cookie)) {
		const nonce = nonceFor(entry, email);
		if (nonce) return nonce;
	}
	return null;
}

/** The cookie value after a successful sign-in as `email`: a fresh entry for it first, other accounts' entries kept. */
export function trustDevice(cookie: string | undefined, email: string): string {
	// Entries for other accounts cannot be checked without their email; keep only well-formed ones.
	const kept = entries(cookie).filter((entry) => ENTRY.test(entry) && !nonceFor(entry, email));
	const nonce = randomToken();
	return [`${nonce}.${signature(email, nonce)}`, ...kept].slice(0, MAX_ENTRIES).join('~');
}
