import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { HandleInsideTransactionError } from '../../src/lib/server/db/transaction-guard';
import { ENGINE, freshDatabase } from '../fixtures/database';

/** What the database seam promises, checked on both engines alike. */
describe(`the database seam on ${ENGINE}`, () => {
	let handle: DatabaseHandle;

	beforeEach(async () => {
		handle = await freshDatabase();
	});
	afterEach(async () => handle.close());

	it('locks rows read for update inside a transaction, on both engines', async () => {
		const t = handle.tables;
		await handle.db.insert(t.settings).values({ key: 'counter', value: '0' });
		// Two transactions each read the counter for update and add one: neither increment is lost.
		const bump = () =>
			handle.db.transaction(async (tx) => {
				const [row] = await tx.select().from(t.settings).where(eq(t.settings.key, 'counter')).for('update');
				await tx.update(t.settings).set({ value: String(Number(row.value) + 1) }).where(eq(t.settings.key, 'counter'));
			});
		await Promise.all([bump(), bump(), bump()]);
		const [row] = await handle.db.select().from(t.settings).where(eq(t.settings.key, 'counter'));
		expect(row.value).toBe('3');
	});

	it('refuses a handle query inside a transaction, on both engines', async () => {
		await expect(handle.db.transaction(async () => handle.db.select().from(handle.tables.settings))).rejects.toBeInstanceOf(HandleInsideTransactionError);
	});
});
