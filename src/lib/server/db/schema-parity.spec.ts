import { describe, expect, it } from 'vitest';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as pg from './schema.pg';
import * as sqlite from './schema.sqlite';

/** table name → sorted "column notnull pk" descriptions, for one dialect's schema module. */
function shape(tables: Record<string, unknown>, config: (t: never) => { name: string; columns: { name: string; notNull: boolean; primary: boolean }[] }, kind: abstract new (...args: never[]) => unknown) {
	return Object.fromEntries(
		Object.values(tables)
			.filter((t) => t instanceof kind)
			.map((t) => {
				const c = config(t as never);
				return [c.name, c.columns.map((col) => `${col.name}${col.notNull ? ' not null' : ''}${col.primary ? ' pk' : ''}`).sort()];
			})
	);
}

describe('the SQLite and PostgreSQL schemas', () => {
	it('define the same tables and columns', () => {
		const pgShape = shape(pg, pgConfig as never, PgTable);
		const sqliteShape = shape(sqlite, sqliteConfig as never, SQLiteTable);
		expect(Object.keys(pgShape).length).toBeGreaterThan(0);
		expect(sqliteShape).toEqual(pgShape);
	});
});
