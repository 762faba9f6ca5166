/**
 * `npm run restore <file>`: checks a backup, then puts it in place of the kit's SQLite
 * database, keeping a copy of the file it replaces. Nothing is touched until every check
 * has passed, and the replacement is one rename.
 */
import { createClient } from '@libsql/client';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { isPostgresUrl, sqliteFilePath } from '../db/location.js';
import { BackupError, explainWriteError, hasSqliteHeader, lockExclusively, postgresAdvice } from './backup-files.js';
import { DEFAULT_BACKUP_DIR } from './backup.js';

/**
 * @typedef {{ sql: string[], folderMillis: number, hash: string }} Migration
 */

/**
 * Restores the backup at `source` as the SQLite database at `databaseUrl`, after checking
 * it is a sound database of this kit that this code's migrations can carry on from, and
 * that nothing has the current database open. Returns where the replaced file was kept.
 * @param {{ databaseUrl: string, source: string, migrationsDir: string, backupDir?: string, now?: Date }} options
 * @returns {Promise<{ target: string, keptAs: string | null, migrations: number }>}
 */
export async function restoreDatabase({ databaseUrl, source, migrationsDir, backupDir = DEFAULT_BACKUP_DIR, now = new Date() }) {
	if (isPostgresUrl(databaseUrl)) throw new BackupError(postgresAdvice());
	const from = resolve(source);
	const target = resolve(sqliteFilePath(databaseUrl));
	if (!existsSync(from) || !statSync(from).isFile()) throw new BackupError(`There is no file at ${from}.`);
	if (from === target) throw new BackupError(`${from} is the kit's database itself; name a backup to restore.`);
	if (!hasSqliteHeader(from)) throw new BackupError(`${from} is not a SQLite database (it does not start with SQLite's header), so it is not a backup of the kit. Nothing was changed.`);
	if (existsSync(`${from}-wal`) && statSync(`${from}-wal`).size > 0) {
		throw new BackupError(`${from} has a write-ahead log beside it (${basename(from)}-wal), so the file alone is not the whole database: it is a live database, not a backup. Back it up with npm run backup and restore that. Nothing was changed.`);
	}

	// Check a copy beside the target (same disk, so putting it in place is one atomic
	// rename); the backup itself is only read.
	mkdirSync(dirname(target), { recursive: true });
	const staged = `${target}.restoring`;
	try {
		copyFileSync(from, staged);
		const migrations = await checkBackup(staged, from, readMigrationFiles({ migrationsFolder: resolve(migrationsDir, 'sqlite') }));
		const keptAs = await replace(target, staged, resolve(backupDir), now);
		return { target, keptAs, migrations };
	} catch (error) {
		if (error instanceof BackupError) throw error;
		throw new BackupError(explainWriteError(error, `beside ${target}`) ?? `The restore failed, and the database was not changed: ${error instanceof Error ? error.message : String(error)}`);
	} finally {
		removeDatabaseFiles(staged);
	}
}

/**
 * Refuses `file` (a staged copy of `shownAs`) unless it is intact, holds the kit's tables,
 * and its migrations are ones this code has (none newer, none foreign). Returns how many
 * migrations it has.
 * @param {string} file
 * @param {string} shownAs
 * @param {Migration[]} known
 */
async function checkBackup(file, shownAs, known) {
	const client = createClient({ url: `file:${file}` });
	try {
		/** @type {string[]} */
		let problems;
		try {
			problems = (await client.execute('PRAGMA integrity_check')).rows.map((row) => String(row[0]));
		} catch (error) {
			throw new BackupError(`${shownAs} is damaged and cannot be read as a database (${error instanceof Error ? error.message : String(error)}). Nothing was changed; try an older backup.`);
		}
		if (problems.length !== 1 || problems[0] !== 'ok') {
			throw new BackupError(`${shownAs} is damaged: SQLite's integrity check found ${problems.length} problem(s), the first: ${problems[0]}. Nothing was changed; try an older backup.`);
		}
		const tables = await tableNames(client);
		if (!tables.has('__drizzle_migrations')) {
			throw new BackupError(`${shownAs} is a SQLite database, but not one of this kit's (it has no record of the kit's migrations). Nothing was changed.`);
		}
		const applied = (await client.execute('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at')).rows.map((row) => ({
			hash: String(row.hash),
			createdAt: Number(row.created_at)
		}));
		const newest = Math.max(0, ...known.map((m) => m.folderMillis));
		const knownHashes = new Set(known.map((m) => m.hash));
		if (applied.some((m) => m.createdAt > newest)) {
			throw new BackupError(`${shownAs} was made by a newer version of the kit: its database has migrations this version does not have. Update the kit (git pull, npm ci) and restore again. Nothing was changed.`);
		}
		const foreign = applied.filter((m) => !knownHashes.has(m.hash));
		if (foreign.length > 0) {
			throw new BackupError(`${shownAs} has ${foreign.length} migration(s) this version of the kit does not know (it comes from a different version or a modified copy). Nothing was changed.`);
		}
		// A backup made by an older version has fewer migrations (the server applies the rest
		// when it starts); it must hold every table those migrations create.
		const expected = await tablesAfter(known.filter((m) => applied.some((a) => a.hash === m.hash)));
		const missing = [...expected].filter((name) => !tables.has(name));
		if (missing.length > 0) {
			throw new BackupError(`${shownAs} lacks tables this kit needs (${missing.join(', ')}), so it is not a sound backup of the kit. Nothing was changed.`);
		}
		return applied.length;
	} finally {
		client.close();
	}
}

/**
 * The tables (and only those) a fresh database has after `migrations`, applied in memory.
 * @param {Migration[]} migrations
 */
async function tablesAfter(migrations) {
	const memory = createClient({ url: ':memory:' });
	try {
		for (const migration of migrations) {
			for (const statement of migration.sql) if (statement.trim()) await memory.execute(statement);
		}
		return await tableNames(memory);
	} finally {
		memory.close();
	}
}

/** @param {import('@libsql/client').Client} client */
async function tableNames(client) {
	const rows = (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).rows;
	return new Set(rows.map((row) => String(row.name)));
}

/**
 * Puts `staged` at `target`. If a database is there, first takes it for ourselves (so
 * nothing has it open), folds its write-ahead log into it and keeps a copy in `backupDir`.
 * @param {string} target
 * @param {string} staged
 * @param {string} backupDir
 * @param {Date} now
 * @returns {Promise<string | null>} where the replaced database was kept
 */
async function replace(target, staged, backupDir, now) {
	if (!existsSync(target)) {
		removeDatabaseFiles(target);
		renameSync(staged, target);
		return null;
	}
	const keptAs = join(backupDir, `${basename(target, extname(target))}-before-restore-${now.toISOString().replace(/[:.]/g, '-')}.db`);
	mkdirSync(backupDir, { recursive: true });
	if (!hasSqliteHeader(target)) {
		// Not a database (nothing can have it open as one): keep it as it is, and replace it.
		copyFileSync(target, keptAs);
		renameSync(staged, target);
		return keptAs;
	}
	const lock = await lockExclusively(target);
	if (!lock) {
		throw new BackupError(
			`The kit is running on ${target} (something has the database open: the kit's server, or a backup in progress). ` +
				'Stop the kit first (Ctrl+C where npm start runs, or stop its service), then restore again. Nothing was changed.'
		);
	}
	// The copy is made through the locked connection: opening and closing the file with
	// fs in this process would silently drop SQLite's POSIX locks on it.
	let copied = true;
	try {
		await lock.execute({ sql: 'VACUUM INTO ?', args: [keptAs] });
		await lock.execute('PRAGMA wal_checkpoint(TRUNCATE)');
	} catch {
		copied = false;
	} finally {
		lock.close();
	}
	if (!copied) {
		// A database too damaged to copy through SQLite (often the reason for a restore):
		// keep its files as they are.
		rmSync(keptAs, { force: true });
		copyFileSync(target, keptAs);
		if (existsSync(`${target}-wal`)) copyFileSync(`${target}-wal`, `${keptAs}-wal`);
	}
	// Closing the last connection removed the (empty) log. A log with content now would
	// belong to someone who opened the database in the instant since: leave everything.
	if (existsSync(`${target}-wal`) && statSync(`${target}-wal`).size > 0) {
		throw new BackupError(`Something opened ${target} while the restore was running. Stop the kit, then restore again. Nothing was changed; a copy of the database is at ${keptAs}.`);
	}
	removeDatabaseFiles(target);
	renameSync(staged, target);
	return keptAs;
}

/**
 * Removes a database's write-ahead log and shared-memory files (and, for a staged copy,
 * the copy itself), so an old log is never replayed into a different database.
 * @param {string} file
 */
function removeDatabaseFiles(file) {
	if (file.endsWith('.restoring')) rmSync(file, { force: true });
	rmSync(`${file}-wal`, { force: true });
	rmSync(`${file}-shm`, { force: true });
	rmSync(`${file}-journal`, { force: true });
}
