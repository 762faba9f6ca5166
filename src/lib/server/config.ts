/** Settings read from the environment once, with the defaults the README documents. */
import { databaseUrlFrom, migrationsDirFrom } from './db/location.js';

export const config = {
	/** A SQLite file path (default data/kit.db) or a postgres:// address. */
	databaseUrl: databaseUrlFrom(process.env),
	/** Where content packs are read from at start-up. */
	contentDir: process.env.CONTENT_DIR || 'src/content',
	/** Where the drizzle/sqlite and drizzle/pg migration folders are. */
	migrationsDir: migrationsDirFrom(process.env)
};

/** A setting in the environment that cannot be used: start-up stops with its message, no stack trace. */
export class SettingError extends Error {}
