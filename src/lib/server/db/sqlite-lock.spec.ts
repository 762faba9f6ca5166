import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { serializeClient } from './sqlite-lock';

describe('serializeClient', () => {
	it('lets many concurrent write transactions and writes through without SQLITE_BUSY', async () => {
		const file = join(await mkdtemp(join(tmpdir(), 'lock-')), 'db.sqlite');
		const client = serializeClient(createClient({ url: `file:${file}` }));
		await client.execute('PRAGMA journal_mode = WAL');
		await client.execute('create table t (n integer)');
		const writers = Array.from({ length: 40 }, async (_, i) => {
			if (i % 2 === 0) return client.execute({ sql: 'insert into t values (?)', args: [i] });
			const tx = await client.transaction('write');
			await tx.execute({ sql: 'insert into t values (?)', args: [i] });
			// Hold the transaction open across an await, as real code does between statements.
			await new Promise((r) => setTimeout(r, 2));
			await tx.execute({ sql: 'insert into t values (?)', args: [-i] });
			await tx.commit();
		});
		await Promise.all(writers);
		const { rows } = await client.execute('select count(*) as n from t');
		expect(rows[0].n).toBe(60);
		client.close();
	});

	it('releases the lock when a transaction rolls back', async () => {
		const client = serializeClient(createClient({ url: ':memory:' }));
		const tx = await client.transaction('write');
		await tx.rollback();
		await expect(client.execute('select 1 as one')).resolves.toBeDefined();
	});
});
