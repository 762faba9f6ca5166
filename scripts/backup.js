// npm run backup: a consistent copy of the kit's SQLite database, taken while it runs,
// into backups/ (BACKUP_DIR), keeping the newest 14 (BACKUP_KEEP, or --keep N).
// Exits 0 when the backup was written, 1 when it was not, 2 for a usage mistake.
import { backupDatabase, DEFAULT_BACKUP_DIR, DEFAULT_KEEP } from '../src/lib/server/backup/backup.js';
import { BackupError, parseKeep } from '../src/lib/server/backup/backup-files.js';
import { databaseUrlFrom } from '../src/lib/server/db/location.js';

const USAGE = 'Usage: npm run backup [-- --keep N]   (or BACKUP_KEEP=N; BACKUP_DIR picks the folder, default backups/)';

try {
	const args = process.argv.slice(2);
	let keepArg = process.env.BACKUP_KEEP;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--keep') keepArg = args[++i] ?? '';
		else if (args[i].startsWith('--keep=')) keepArg = args[i].slice('--keep='.length);
		else if (args[i] === '--help' || args[i] === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else throw new BackupError(`Unknown argument "${args[i]}".\n${USAGE}`, 2);
	}
	const keep = parseKeep(keepArg, DEFAULT_KEEP);
	const result = await backupDatabase({ databaseUrl: databaseUrlFrom(process.env), dir: process.env.BACKUP_DIR || DEFAULT_BACKUP_DIR, keep });
	console.log(`Backed up the database to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.ms.toFixed(0)} ms).`);
	console.log(
		result.pruned.length > 0
			? `Kept the newest ${keep} backups; deleted ${result.pruned.length} older: ${result.pruned.join(', ')}.`
			: `Keeping the newest ${keep} backups; none was deleted.`
	);
} catch (error) {
	console.error(error instanceof BackupError ? error.message : `The backup failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(error instanceof BackupError ? error.exitCode : 1);
}
