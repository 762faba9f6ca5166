/**
 * Who may run first-run setup. The kit listens on every network address so student
 * devices can reach it, which would let anyone on the network become admin before the
 * teacher does. So setup is allowed from the computer running the kit (a loopback
 * address), or from anywhere with the one-time link printed in its console at start.
 *
 * The link's token is kept in the database (only its SHA-256 hash), not in one process's
 * memory, so the link works through any app server sharing the database.
 */
import { eq, like } from 'drizzle-orm';
import type { DatabaseHandle } from './db/database';
import { hashSecret, randomToken } from './auth/tokens';

const PREFIX = 'setup-token:';

/** Makes a setup token, stores its hash, and returns it for the console message. */
export async function issueSetupToken({ db, tables: t }: DatabaseHandle): Promise<string> {
	const token = randomToken();
	await db.insert(t.settings).values({ key: PREFIX + hashSecret(token), value: new Date().toISOString() });
	return token;
}

/** Forgets every setup token (setup is done). */
export async function forgetSetupTokens({ db, tables: t }: DatabaseHandle): Promise<void> {
	await db.delete(t.settings).where(like(t.settings.key, `${PREFIX}%`));
}

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string): boolean {
	return address === '::1' || /^(?:::ffff:)?127\.\d+\.\d+\.\d+$/i.test(address);
}

/** Whether a request from `address`, carrying `given` (may be empty), may run setup. */
export async function maySetUp({ db, tables: t }: DatabaseHandle, address: string, given: string): Promise<boolean> {
	if (isLoopback(address)) return true;
	if (given.length === 0 || given.length > 64) return false;
	// Looked up by hash: the stored value is a hash of a 120-bit secret, so the lookup
	// itself leaks nothing a guesser could use.
	const rows = await db.select({ key: t.settings.key }).from(t.settings).where(eq(t.settings.key, PREFIX + hashSecret(given)));
	return rows.length > 0;
}
