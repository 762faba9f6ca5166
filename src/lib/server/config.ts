/** Settings read from the environment once, with the defaults the README documents. */
import { DEFAULT_SQLITE_FILE } from './db/database';

export const config = {
	/** A SQLite file path (default data/kit.db) or a postgres:// address. */
	databaseUrl: process.env.DATABASE_URL || DEFAULT_SQLITE_FILE,
	/** Where content packs are read from at start-up. */
	contentDir: process.env.CONTENT_DIR || 'src/content',
	/** Where the drizzle/sqlite and drizzle/pg migration folders are. */
	migrationsDir: process.env.MIGRATIONS_DIR || 'drizzle'
};
