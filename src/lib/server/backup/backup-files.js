/**
 * What backup and restore share: their error type and its messages, backup file names
 * and which to prune, the SQLite header check, and taking a database file for ourselves.
 * Plain JavaScript so `npm run backup` / `npm run restore` work on a fresh clone with no
 * build (Node 20 cannot run TypeScript).
 */
import { createClient } from '@libsql/client';
import { closeSync, openSync, readSync } from 'node:fs';

/** A failure the person running the command can act on; `exitCode` is what the command exits with. */
export class BackupError extends Error {
	/**
	 * @param {string} message
	 * @param {number} [exitCode]
	 */
	constructor(message, exitCode = 1) {
		super(message);
		this.name = 'BackupError';
		this.exitCode = exitCode;
	}
}

/** The commands a PostgreSQL installation uses instead (the kit does not wrap them). */
export function postgresAdvice() {
	return (
		'DATABASE_URL is a PostgreSQL address. Back it up and restore it with PostgreSQL’s own tools:\n' +
		'  pg_dump -Fc -f backups/kit-$(date -u +%Y-%m-%dT%H-%M-%SZ).dump "$DATABASE_URL"\n' +
		'  pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" backups/<file>.dump   (with the kit stopped)'
	);
}

/**
 * A person-readable reason for a file-system or SQLite error met while writing `where`.
 * @param {unknown} error
 * @param {string} where
 * @returns {string | null} null when the error is none of the known kinds
 */
export function explainWriteError(error, where) {
	const code = /** @type {{ code?: string }} */ (error)?.code ?? '';
	const text = error instanceof Error ? error.message : '';
	if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || /database or disk is full/.test(text)) {
		return `The disk is full: there was no room to write ${where}. Free some space (or set BACKUP_DIR to a folder on another disk) and try again.`;
	}
	if (['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM'].includes(code)) {
		return `Cannot write ${where} (${code}). Check that the folder exists or can be created, and that this user may write to it.`;
	}
	return null;
}

const STAMP = '\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z';

/**
 * The file name of a backup of the database named `base` (e.g. "kit") taken at `now`;
 * names sort by time, and contain no colons (which some file systems refuse).
 * @param {string} base
 * @param {Date} now
 */
export function backupFileName(base, now) {
	return `${base}-${now.toISOString().replace(/[:.]/g, '-')}.db`;
}

/**
 * The names among `names` that are backups of `base` made by `npm run backup`, and past
 * the newest `keep` of them. Anything else in the folder (a copy kept by a restore, a
 * file the person put there) is never pruned.
 * @param {string[]} names
 * @param {string} base
 * @param {number} keep
 */
export function backupsToPrune(names, base, keep) {
	const ours = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-${STAMP}\\.db$`);
	return names
		.filter((name) => ours.test(name))
		.sort()
		.reverse()
		.slice(keep);
}

/**
 * Reads how many backups to keep: a positive whole number, else a usage error.
 * @param {string | undefined} value
 * @param {number} fallback
 */
export function parseKeep(value, fallback) {
	if (value === undefined || value === '') return fallback;
	if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
		throw new BackupError(`How many backups to keep must be a whole number of at least 1, not "${value}".`, 2);
	}
	return Number(value);
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * Whether the file at `path` starts with SQLite's 16-byte header.
 * @param {string} path
 */
export function hasSqliteHeader(path) {
	const fd = openSync(path, 'r');
	try {
		const buffer = Buffer.alloc(16);
		const read = readSync(fd, buffer, 0, 16, 0);
		return read === 16 && buffer.toString('latin1') === SQLITE_HEADER;
	} finally {
		closeSync(fd);
	}
}

/**
 * Opens `file` and takes SQLite's exclusive lock on it, or returns null if another
 * connection has it open. Every connection to a WAL database holds a shared lock for as
 * long as it is open, so the lock is granted only when nothing else (the kit's server, a
 * second server, a backup running, the sqlite3 shell) has the file open, whatever
 * process and whether or not it is writing at this instant. With locking_mode EXCLUSIVE
 * the lock stays held until the returned client is closed, so no server can open the
 * file meanwhile (it would wait, then fail with "database is locked").
 * @param {string} file an absolute path
 * @returns {Promise<import('@libsql/client').Client | null>}
 */
export async function lockExclusively(file) {
	// timeout 0: report "in use" at once instead of waiting for a server that never lets go.
	const client = createClient({ url: `file:${file}`, timeout: 0 });
	try {
		await client.execute('PRAGMA locking_mode = EXCLUSIVE');
		// The pool rolls this transaction back when the call returns; in EXCLUSIVE locking
		// mode the lock it took stays with the connection.
		await client.execute('BEGIN EXCLUSIVE');
		return client;
	} catch (error) {
		client.close();
		if (/** @type {{ code?: string }} */ (error)?.code === 'SQLITE_BUSY') return null;
		throw error;
	}
}
