/**
 * The app's one database handle, opened, migrated and seeded from the content packs
 * at start-up (see hooks.server.ts `init`). Routes call `appDb()`.
 */
import { config } from './config';
import { openDatabase, type DatabaseHandle } from './db/database';
import { readAllPacks } from './content/read-pack';
import { syncPack } from './content/sync-pack';
import { createLimiters, setLimitKeySalt, type Limiters } from './auth/rate-limit';
import { installSecret } from './install-secret';
import { setShuffleKey } from './quiz/shuffle-seed';
import { setDeviceKey } from './auth/device-cookie';
import { needsSetup } from './people/teachers';
import { forgetSetupTokens, issueSetupToken } from './setup-gate';
import { announce, onShutdown } from './server-host';
import { endAllStreams } from './live/event-stream';
import { practiceRetentionDays, purgeOldPracticeAttempts } from './quiz/practice-purge';

/** How often each app server runs the practice purge (it is idempotent, so servers need not agree). */
const PURGE_EVERY_MS = 60 * 60 * 1000;

let handle: DatabaseHandle | undefined;
let limiters: Limiters | undefined;

/** Opens the database, applies migrations and loads every content pack. */
export async function startDatabase(): Promise<DatabaseHandle> {
	if (handle) return handle;
	// A wrong retention setting stops start-up before anything is written.
	const retentionDays = practiceRetentionDays(process.env.PRACTICE_RETENTION_DAYS);
	// Read the packs before touching the database, so a broken pack changes nothing.
	const packs = await readAllPacks(config.contentDir);
	const opened = await openDatabase(config.databaseUrl, config.migrationsDir);
	for (const pack of packs) {
		const result = await syncPack(opened, pack);
		if (result !== 'unchanged') console.log(`Content pack "${pack.meta.slug}": ${result}.`);
	}
	handle = opened;
	setLimitKeySalt(await installSecret(opened, 'rate-limit-salt'));
	setShuffleKey(await installSecret(opened, 'shuffle-key'));
	setDeviceKey(await installSecret(opened, 'device-cookie-key'));
	if (await needsSetup(opened)) {
		const port = process.env.PORT || '3000';
		announce(
			`No teacher account yet. Set up the kit at http://localhost:${port}/setup on this computer,\n` +
				`or from another device with this one-time link (use this computer's network address):\n` +
				`  http://<address>:${port}/setup?token=${await issueSetupToken(opened)}`
		);
	} else {
		await forgetSetupTokens(opened);
	}
	limiters = createLimiters(opened, { scale: Number(process.env.RATE_LIMIT_SCALE) || 1 });
	const purge = () =>
		purgeOldPracticeAttempts(opened, retentionDays).then(
			(n) => n > 0 && console.log(`Deleted ${n} practice attempt${n === 1 ? '' : 's'} untouched for ${retentionDays} days.`),
			(error) => console.error('Purging old practice attempts failed:', error)
		);
	void purge();
	const purgeTimer = setInterval(purge, PURGE_EVERY_MS);
	purgeTimer.unref();
	onShutdown('drain', () => {
		clearInterval(purgeTimer);
		endAllStreams(opened);
	});
	onShutdown('close', () => opened.close());
	return handle;
}

/** The rate limiters, sharing the app's database. */
export function appLimiters(): Limiters {
	if (!limiters) throw new Error('The database is not open yet: startDatabase() runs in the init hook.');
	return limiters;
}

/** The open database handle; start-up has finished before any request is served. */
export function appDb(): DatabaseHandle {
	if (!handle) throw new Error('The database is not open yet: startDatabase() runs in the init hook.');
	return handle;
}
