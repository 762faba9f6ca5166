/**
 * `npm run backup`: a consistent copy of the kit's SQLite database, taken while the kit
 * runs, into a folder of timestamped files of which the newest N are kept.
 */
import { createClient } from '@libsql/client';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { isPostgresUrl, sqliteFilePath } from '../db/location.js';
import { BackupError, backupFileName, backupsToPrune, explainWriteError, hasSqliteHeader, postgresAdvice } from './backup-files.js';

/** How many backups `npm run backup` keeps unless told otherwise. */
export const DEFAULT_KEEP = 14;

/** The folder backups go to unless BACKUP_DIR says otherwise, relative to the working directory. */
export const DEFAULT_BACKUP_DIR = 'backups';

/**
 * Writes a consistent copy of the SQLite database at `databaseUrl` into `dir` and deletes
 * all but the newest `keep` earlier backups of it. Safe while the kit is running: VACUUM
 * INTO reads one snapshot inside a read transaction, which in WAL mode neither waits for
 * the server's writes nor holds them up, and so holds every write committed before it began.
 * @param {{ databaseUrl: string, dir?: string, keep?: number, now?: Date }} options
 * @returns {Promise<{ file: string, bytes: number, ms: number, pruned: string[] }>}
 */
export async function backupDatabase({ databaseUrl, dir = DEFAULT_BACKUP_DIR, keep = DEFAULT_KEEP, now = new Date() }) {
	if (isPostgresUrl(databaseUrl)) throw new BackupError(postgresAdvice());
	const source = resolve(sqliteFilePath(databaseUrl));
	if (!existsSync(source) || !statSync(source).isFile()) {
		throw new BackupError(`There is no database at ${source}, so there is nothing to back up. (DATABASE_URL picks the file; the kit's default is data/kit.db, relative to the project folder.)`);
	}
	if (!hasSqliteHeader(source)) throw new BackupError(`${source} is not a SQLite database, so it cannot be backed up.`);

	const folder = resolve(dir);
	try {
		mkdirSync(folder, { recursive: true });
	} catch (error) {
		throw new BackupError(explainWriteError(error, `the backup folder ${folder}`) ?? `Cannot create the backup folder ${folder}: ${String(error)}`);
	}
	const base = basename(source, extname(source));
	const target = join(folder, backupFileName(base, now));
	// Written under another name and renamed when complete, so a full disk or a crash never
	// leaves a half-written file that looks like a backup (or gets a good one pruned).
	const partial = `${target}.partial`;
	const started = performance.now();
	const client = createClient({ url: `file:${source}`, timeout: 5000 });
	try {
		await client.execute({ sql: 'VACUUM INTO ?', args: [partial] });
	} catch (error) {
		rmSync(partial, { force: true });
		const reason = explainWriteError(error, `the backup ${target}`);
		if (reason) throw new BackupError(reason);
		if (/** @type {{ code?: string }} */ (error)?.code === 'SQLITE_BUSY') {
			throw new BackupError(`The database stayed locked for 5 seconds (a restore running?), so no backup was taken. Try again.`);
		}
		throw new BackupError(`The backup failed, and nothing was written: ${error instanceof Error ? error.message : String(error)}`);
	} finally {
		client.close();
	}
	renameSync(partial, target);
	const ms = performance.now() - started;

	const pruned = backupsToPrune(readdirSync(folder), base, keep);
	for (const name of pruned) rmSync(join(folder, name), { force: true });
	return { file: target, bytes: statSync(target).size, ms, pruned };
}
