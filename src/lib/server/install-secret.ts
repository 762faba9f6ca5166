/**
 * Random secrets made once per installation and kept in the settings table, so every
 * app server sharing the database uses the same one.
 */
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from './db/database';
import { randomToken } from './auth/tokens';

/** The secret stored under `name`, created on first use. */
export async function installSecret({ db, tables: t }: DatabaseHandle, name: string): Promise<string> {
	const key = `secret:${name}`;
	await db.insert(t.settings).values({ key, value: randomToken() + randomToken() }).onConflictDoNothing();
	const [row] = await db.select({ value: t.settings.value }).from(t.settings).where(eq(t.settings.key, key));
	return row.value;
}
