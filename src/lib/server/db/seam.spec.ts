import { describe, expect, it } from 'vitest';
import type { Database, Transaction } from './database';

/**
 * The seam's type is checked by svelte-check (npm test's first step): each line marked
 * @ts-expect-error must stay an error, or the type check fails. What is left out of the
 * type is what would type-check on PostgreSQL and fail, or answer differently, on SQLite.
 */
describe('the database seam', () => {
	it('leaves raw execute out of the handle and of transactions', () => {
		const onHandle = (db: Database) =>
			// @ts-expect-error raw SQL returns rows on PostgreSQL and a ResultSet on SQLite
			db.execute;
		const onTransaction = (tx: Transaction) =>
			// @ts-expect-error the same inside a transaction
			tx.execute;
		expect([onHandle, onTransaction]).toHaveLength(2);
	});
});
