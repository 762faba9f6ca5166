/**
 * Where the database is, read from the environment. Plain JavaScript, so that the
 * backup and restore scripts (run with plain `node`, no build) read DATABASE_URL and
 * MIGRATIONS_DIR exactly as the server does (config.ts calls these too).
 */

/** The default embedded database file, relative to the working directory. */
export const DEFAULT_SQLITE_FILE = 'data/kit.db';

/**
 * True when `url` names a PostgreSQL server rather than a SQLite file.
 * @param {string} url
 */
export function isPostgresUrl(url) {
	return /^postgres(ql)?:\/\//.test(url);
}

/**
 * The database address the kit uses: DATABASE_URL, or the default SQLite file.
 * @param {Record<string, string | undefined>} env
 */
export function databaseUrlFrom(env) {
	return env.DATABASE_URL || DEFAULT_SQLITE_FILE;
}

/**
 * The folder holding the drizzle/sqlite and drizzle/pg migration folders.
 * @param {Record<string, string | undefined>} env
 */
export function migrationsDirFrom(env) {
	return env.MIGRATIONS_DIR || 'drizzle';
}

/**
 * The file path a SQLite address names (`file:` prefix optional), relative paths kept.
 * @param {string} url
 */
export function sqliteFilePath(url) {
	return url.replace(/^file:/, '');
}
