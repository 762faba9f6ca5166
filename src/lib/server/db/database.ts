/**
 * Opens the database: an embedded SQLite file through @libsql/client by default, or
 * PostgreSQL through `postgres` when the address is postgres://. Both are handed back
 * behind one type so that the domain layer holds a single copy of every query.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql';
import { migrate as migrateLibsql } from 'drizzle-orm/libsql/migrator';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { createClient } from '@libsql/client';
import { SQLiteSelectBase } from 'drizzle-orm/sqlite-core';
import postgres from 'postgres';
import * as pgSchema from './schema.pg';
import * as sqliteSchema from './schema.sqlite';
import { serializeClient } from './sqlite-lock';
import { memoryPubSub, postgresPubSub, type PubSub } from './pubsub';
import { guardTransactions } from './transaction-guard';
import { DEFAULT_SQLITE_FILE, isPostgresUrl, sqliteFilePath } from './location.js';

export type Schema = typeof pgSchema;

type PostgresTransaction = Parameters<Parameters<PostgresJsDatabase<Schema>['transaction']>[0]>[0];

/** What both engines do alike: no raw `execute` (its result differs per engine). */
type SharedQueries<D> = Omit<D, 'execute' | 'transaction' | '$client'>;

/** A transaction's builder, narrowed like the handle's. */
export type Transaction = SharedQueries<PostgresTransaction>;

/**
 * The query builder the domain layer writes against. SQLite's builder is handed out
 * under the PostgreSQL type: the two share the subset we use (select, insert with
 * returning and onConflictDoUpdate, update, delete, async transactions), and the
 * server test suite runs on both engines to keep it that way. Raw `execute` is left out
 * of the type, since its result has a different shape per engine. Inside a transaction,
 * queries on the handle are refused at run time (see transaction-guard.ts).
 */
export type Database = SharedQueries<PostgresJsDatabase<Schema>> & {
	transaction<T>(body: (tx: Transaction) => Promise<T>): Promise<T>;
};

export interface DatabaseHandle {
	engine: 'sqlite' | 'postgres';
	db: Database;
	tables: Schema;
	/** Messages between app servers (PostgreSQL) or within this one (SQLite). */
	pubsub: PubSub;
	/** A real round trip for /healthz: how many migrations the database has applied. */
	health(): Promise<{ migrations: number }>;
	close(): Promise<void>;
}

/**
 * `select … for update` (or `for share`) type-checks through the shared PostgreSQL type,
 * but SQLite's builder has no `for`. SQLite runs one transaction at a time (sqlite-lock.ts
 * holds the queue from begin to commit), so every row a transaction reads is already
 * locked against other writers: there, `for(…)` is accepted and changes nothing, and code
 * that locks rows works the same on both engines.
 */
const sqliteSelect = SQLiteSelectBase.prototype as unknown as { for?: () => unknown };
sqliteSelect.for ??= function (this: unknown) {
	return this;
};

export { DEFAULT_SQLITE_FILE, isPostgresUrl };

/** Opens (and for SQLite, creates) the database at `url` and applies pending migrations. */
export async function openDatabase(url: string = DEFAULT_SQLITE_FILE, migrationsRoot = 'drizzle'): Promise<DatabaseHandle> {
	if (isPostgresUrl(url)) {
		await migrateWithLock(url, resolve(migrationsRoot, 'pg'));
		const client = postgres(url, { max: 10, onnotice: () => {} });
		const db = guardTransactions(drizzlePostgres(client, { schema: pgSchema }));
		const pubsub = postgresPubSub({ sql: client, openListener: () => postgres(url, { max: 1, onnotice: () => {} }) });
		return {
			engine: 'postgres',
			db,
			tables: pgSchema,
			pubsub,
			health: async () => {
				const [row] = await client`select count(*)::int as n from drizzle.__drizzle_migrations`;
				return { migrations: Number(row.n) };
			},
			close: async () => {
				await pubsub.close();
				await client.end();
			}
		};
	}

	const file = sqliteFilePath(url);
	if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
	// `timeout` is the busy timeout, which rides out short locks held by other processes
	// (a second app server, a backup). Given here, it applies to every connection the
	// client's pool opens, where a PRAGMA would reach only the one connection it ran on.
	const client = serializeClient(createClient({ url: file === ':memory:' ? ':memory:' : `file:${resolve(file)}`, timeout: 5000 }));
	// PRAGMAs apply to one connection, except journal_mode = WAL, which the file keeps.
	// serializeClient lends out one connection at a time, so the pool keeps reusing the
	// one these ran on; should it ever open another, that one gets libsql's defaults
	// (foreign keys on, synchronous FULL): slower, never less safe.
	// WAL lets readers carry on while a writer commits.
	await client.execute('PRAGMA journal_mode = WAL');
	// In WAL mode, NORMAL syncs the log at checkpoints rather than on every commit: a
	// commit stays atomic and survives the app crashing, but the last moments of work can be
	// lost if the machine itself loses power. FULL costs an fsync per saved answer, which
	// blocks Node's one thread (libsql runs statements synchronously) for milliseconds.
	await client.execute('PRAGMA synchronous = NORMAL');
	await client.execute('PRAGMA foreign_keys = ON');
	const db = guardTransactions(drizzleLibsql(client, { schema: sqliteSchema }));
	await migrateLibsql(db, { migrationsFolder: resolve(migrationsRoot, 'sqlite') });
	const pubsub = memoryPubSub();
	return {
		engine: 'sqlite',
		db: db as unknown as Database,
		tables: sqliteSchema as unknown as Schema,
		pubsub,
		health: async () => {
			const result = await client.execute('select count(*) as n from __drizzle_migrations');
			return { migrations: Number(result.rows[0].n) };
		},
		close: async () => {
			await pubsub.close();
			client.close();
		}
	};
}

/**
 * Several app servers may start against one PostgreSQL at once; an advisory lock makes
 * them apply migrations one at a time. A client of one connection keeps the lock, the
 * migration and the unlock on the same session.
 */
async function migrateWithLock(url: string, folder: string) {
	const LOCK_ID = 4_217_001;
	const client = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await client`select pg_advisory_lock(${LOCK_ID})`;
		await migratePostgres(drizzlePostgres(client), { migrationsFolder: folder });
		await client`select pg_advisory_unlock(${LOCK_ID})`;
	} finally {
		await client.end();
	}
}
