/**
 * Seeds for shuffling an attempt's questions and options. The shuffle itself is public
 * code and the attempt id reaches the page, so a seed made from them alone would let a
 * student rebuild the authored order (where the right option is often first). Each seed
 * is an HMAC of the attempt and question under an installation secret instead: stable
 * for the attempt on every server sharing the database, unguessable from the page.
 */
import { createHmac, randomBytes } from 'node:crypto';

// Set from the database at start-up; a process that never sets it (a unit test) uses its own.
let key: Buffer = randomBytes(32);

/** Uses the installation's secret, so every app server shuffles an attempt alike. */
export function setShuffleKey(secret: string) {
	key = Buffer.from(secret);
}

/** The seed for shuffling `what` (a question key, or 'questions') in one attempt. */
export function attemptSeed(attemptId: string, what: string): string {
	return createHmac('sha256', key).update(`${attemptId}/${what}`).digest('hex');
}
