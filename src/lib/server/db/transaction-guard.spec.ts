import { describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { sql } from 'drizzle-orm';
import { sqliteTable, integer } from 'drizzle-orm/sqlite-core';
import { serializeClient } from './sqlite-lock';
import { guardTransactions, HandleInsideTransactionError } from './transaction-guard';

const t = sqliteTable('t', { n: integer('n') });

async function sqliteDb() {
	const client = serializeClient(createClient({ url: ':memory:' }));
	const db = guardTransactions(drizzle(client));
	await db.run(sql`create table t (n integer)`);
	return db;
}

describe('guardTransactions', () => {
	it('refuses a handle query inside a transaction at once, instead of hanging on SQLite', async () => {
		const db = await sqliteDb();
		const started = Date.now();
		await expect(
			db.transaction(async (tx) => {
				await tx.insert(t).values({ n: 1 });
				await db.select().from(t);
			})
		).rejects.toBeInstanceOf(HandleInsideTransactionError);
		expect(Date.now() - started).toBeLessThan(2_000);
		// The transaction rolled back, and the handle works again afterwards.
		expect(await db.select().from(t)).toEqual([]);
	});

	it('also refuses one started in parallel inside the transaction, and a nested transaction', async () => {
		const db = await sqliteDb();
		await expect(db.transaction(async () => Promise.all([db.insert(t).values({ n: 2 })]))).rejects.toThrow(/inside a transaction/);
		await expect(db.transaction(async () => db.transaction(async () => 1))).rejects.toThrow(/transaction\(\) was called/);
	});

	it('lets the transaction use its own builder, and everything else through', async () => {
		const db = await sqliteDb();
		await db.transaction(async (tx) => {
			await tx.insert(t).values({ n: 3 });
			expect(await tx.select().from(t)).toEqual([{ n: 3 }]);
		});
		await Promise.all([db.insert(t).values({ n: 4 }), db.transaction(async (tx) => tx.insert(t).values({ n: 5 }))]);
		expect((await db.select().from(t)).map((r) => r.n).sort()).toEqual([3, 4, 5]);
	});
});
