// npm run restore <file>: checks a backup and puts it in place of the kit's SQLite
// database (DATABASE_URL), keeping a copy of the one it replaces in backups/ (BACKUP_DIR).
// Refuses while the kit is running on that database. Exits 0 when restored, 1 when
// nothing was changed, 2 for a usage mistake.
import { restoreDatabase } from '../src/lib/server/backup/restore.js';
import { DEFAULT_BACKUP_DIR } from '../src/lib/server/backup/backup.js';
import { BackupError } from '../src/lib/server/backup/backup-files.js';
import { databaseUrlFrom, migrationsDirFrom } from '../src/lib/server/db/location.js';

const USAGE = 'Usage: npm run restore <backup file>   (with the kit stopped; e.g. npm run restore backups/kit-2026-11-30T02-00-00-000Z.db)';

try {
	const args = process.argv.slice(2);
	if (args.length !== 1 || args[0].startsWith('-')) throw new BackupError(args[0] === '--help' || args[0] === '-h' ? USAGE : `Name one backup file to restore.\n${USAGE}`, args[0] === '--help' || args[0] === '-h' ? 0 : 2);
	const result = await restoreDatabase({
		databaseUrl: databaseUrlFrom(process.env),
		source: args[0],
		migrationsDir: migrationsDirFrom(process.env),
		backupDir: process.env.BACKUP_DIR || DEFAULT_BACKUP_DIR
	});
	console.log(`Restored ${args[0]} as the kit's database, ${result.target} (it has ${result.migrations} migration(s); the kit applies any newer ones when it starts).`);
	console.log(result.keptAs ? `The database it replaced was kept as ${result.keptAs}.` : 'There was no database there before.');
	console.log('Start the kit again with npm start.');
} catch (error) {
	const message = error instanceof BackupError ? error.message : `The restore failed: ${error instanceof Error ? error.message : String(error)}`;
	if (error instanceof BackupError && error.exitCode === 0) console.log(message);
	else console.error(message);
	process.exit(error instanceof BackupError ? error.exitCode : 1);
}
