/**
 * Backups and restore (npm run backup / npm run restore), through the real commands as
 * child processes. SQLite: a backup taken while answers are being saved holds every
 * answer acknowledged before it began; pruning; every refusal of a restore. PostgreSQL:
 * both commands refuse a postgres:// address and give the pg_dump / pg_restore commands.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, symlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { and, eq, inArray } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/database';
import { readPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { practiceAttempt, saveResponse, startPracticeAttempt } from '../../src/lib/server/quiz/responses';
import { backupDatabase } from '../../src/lib/server/backup/backup.js';
import { backupFileName } from '../../src/lib/server/backup/backup-files.js';
import { SHIPPED_CONTENT, SLUG } from '../fixtures/content-pack';
import { ENGINE } from '../fixtures/database';

/** Runs `npm run <script>`'s command as a child process, as a person would; never throws. */
function runScript(script: 'backup' | 'restore', env: Record<string, string>, args: string[] = []) {
	const result = spawnSync(process.execPath, [`scripts/${script}.js`, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without waiting: resolves when it exits. */
function runScriptAsync(script: 'backup' | 'restore', env: Record<string, string>) {
	return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, [`scripts/${script}.js`], { env: { ...process.env, ...env } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('exit', (status) => resolve({ status, stdout, stderr }));
	});
}

/** A refusal as a person sees it: a message, a non-zero exit, no stack trace. */
function expectRefusal(result: ReturnType<typeof runScript>, message: RegExp) {
	expect(result.status, result.stdout + result.stderr).not.toBe(0);
	expect(result.stderr).toMatch(message);
	expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe(`backup on ${ENGINE}: a postgres:// address gets PostgreSQL's own commands`, { timeout: 30_000 }, () => {
	const url = process.env.TEST_DATABASE_URL || 'postgres://kit@127.0.0.1:1/kit';

	it('refuses to back up or restore a PostgreSQL database, naming pg_dump and pg_restore', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'attribution-lab-backup-'));
		const backup = runScript('backup', { DATABASE_URL: url, BACKUP_DIR: dir });
		expectRefusal(backup, /PostgreSQL address/);
		expect(backup.stderr).toMatch(/pg_dump -Fc/);
		expect(readdirSync(dir)).toEqual([]);
		const file = join(dir, 'some.db');
		writeFileSync(file, 'x');
		const restore = runScript('restore', { DATABASE_URL: url, BACKUP_DIR: dir }, [file]);
		expectRefusal(restore, /pg_restore --clean/);
	});
});

// The rest is about SQLite files; on the PostgreSQL pass the suite above is what runs.
if (ENGINE === 'sqlite') {
	describe('backup and restore of a SQLite database', { timeout: 60_000 }, () => {
		let dir: string;
		let file: string;
		let backups: string;
		let handle: DatabaseHandle;

		beforeEach(async () => {
			dir = await mkdtemp(join(tmpdir(), 'attribution-lab-backup-'));
			file = join(dir, 'kit.db');
			backups = join(dir, 'backups');
			handle = await openDatabase(file);
			await syncPack(handle, await readPack(join(SHIPPED_CONTENT, 'articles', SLUG)));
		});
		afterEach(async () => handle?.close());

		/** The pack quiz's single-choice questions. */
		async function choiceQuestions(h: DatabaseHandle) {
			const t = h.tables;
			return h.db
				.select()
				.from(t.quizQuestions)
				.where(and(eq(t.quizQuestions.quizId, `${SLUG}/quiz-mexico-attribution`), inArray(t.quizQuestions.type, ['who-said-it', 'whose-voice'])));
		}

		/** A backup file made by npm run backup, with the handle's data in it. */
		async function makeBackup() {
			const result = runScript('backup', { DATABASE_URL: file, BACKUP_DIR: backups });
			expect(result.status, result.stderr).toBe(0);
			const [name] = readdirSync(backups).filter((n) => n.endsWith('.db'));
			return join(backups, name);
		}

		/** Saves one practice answer through the domain layer. */
		async function saveOneAnswer() {
			const [q] = await choiceQuestions(handle);
			const { token } = await startPracticeAttempt(handle, q.quizId);
			await saveResponse(handle, (await practiceAttempt(handle, token))!, q, { choices: [q.options![0].value], certainty: q.certainty ? 1 : null }, 100_000);
		}

		/** How many answers the database file at `path` holds. */
		async function count(path: string) {
			const client = createClient({ url: `file:${path}` });
			const n = Number((await client.execute('SELECT count(*) AS n FROM responses')).rows[0].n);
			client.close();
			return n;
		}

		/** Edits a copy of a good backup with raw SQL (as another program would). */
		async function editedBackup(sql: string[]) {
			const copy = join(dir, 'edited.db');
			copyFileSync(await makeBackup(), copy);
			const client = createClient({ url: `file:${copy}` });
			for (const statement of sql) await client.execute(statement);
			client.close();
			return copy;
		}

		it('backs up while answers are being saved, and the restored copy holds every answer acknowledged before it began', async () => {
			const questions = await choiceQuestions(handle);
			expect(questions.length).toBeGreaterThan(2);
			const text = (await readPack(join(SHIPPED_CONTENT, 'articles', SLUG))).text;
			const acknowledged: { attemptId: string; questionId: string; choice: string; at: number }[] = [];
			let writing = true;
			// Answers saved through the domain layer, one after another, each recorded once
			// saveResponse has resolved (the moment the app would answer the student).
			const writer = (async () => {
				let n = 0;
				while (writing) {
					const { token } = await startPracticeAttempt(handle, `${SLUG}/quiz-mexico-attribution`);
					const attempt = (await practiceAttempt(handle, token))!;
					for (const q of questions) {
						const choice = q.options![n++ % q.options!.length].value;
						await saveResponse(handle, attempt, q, { choices: [choice], certainty: q.certainty ? 2 : null }, text.length);
						acknowledged.push({ attemptId: attempt.id, questionId: q.id, choice, at: performance.now() });
						// libsql answers synchronously; let timers and the child's events through, as
						// a server does between requests.
						await new Promise((r) => setImmediate(r));
					}
				}
			})();
			await new Promise((r) => setTimeout(r, 300));
			// A long read on another connection (a teacher's export, say) holds the log back from
			// the file, so most answers acknowledged from here on live only in the write-ahead
			// log: a backup that copied the file alone would miss them.
			const reader = createClient({ url: `file:${file}` });
			const longRead = await reader.transaction('read');
			await longRead.execute('SELECT count(*) FROM responses');
			await new Promise((r) => setTimeout(r, 700));
			const began = performance.now();
			const backup = await runScriptAsync('backup', { DATABASE_URL: file, BACKUP_DIR: backups });
			const ended = performance.now();
			longRead.close();
			await new Promise((r) => setTimeout(r, 50));
			writing = false;
			await writer;
			expect(backup.status, backup.stderr).toBe(0);

			const before = acknowledged.filter((a) => a.at < began);
			// Answers kept being saved while the backup ran: it held nothing up.
			expect(before.length).toBeGreaterThan(10);
			expect(acknowledged.filter((a) => a.at > began && a.at < ended).length).toBeGreaterThan(0);

			const [name] = readdirSync(backups);
			const restoredFile = join(dir, 'elsewhere', 'kit.db');
			const restore = runScript('restore', { DATABASE_URL: restoredFile, BACKUP_DIR: backups }, [join(backups, name)]);
			expect(restore.status, restore.stderr).toBe(0);
			expect(restore.stdout).toMatch(/no database there before/);

			const restored = await openDatabase(restoredFile);
			try {
				const rows = await restored.db.select().from(restored.tables.responses);
				const saved = new Map(rows.map((r) => [`${r.attemptId}/${r.questionId}`, r.answer]));
				const missing = before.filter((a) => {
					const answer = saved.get(`${a.attemptId}/${a.questionId}`);
					return answer?.type !== 'choice' || answer.value !== a.choice;
				});
				expect(missing).toEqual([]);
			} finally {
				await restored.close();
			}
		});

		it('keeps the newest N backups of the database and never prunes other files', async () => {
			mkdirSync(backups, { recursive: true });
			writeFileSync(join(backups, 'kit-before-restore-2020-01-01T00-00-00-000Z.db'), 'kept by a restore');
			writeFileSync(join(backups, 'notes.txt'), 'the person’s own');
			const times = [1, 2, 3, 4, 5].map((day) => new Date(Date.UTC(2026, 0, day, 2)));
			for (const now of times) await backupDatabase({ databaseUrl: file, dir: backups, keep: 3, now });
			expect(readdirSync(backups).sort()).toEqual(
				['kit-before-restore-2020-01-01T00-00-00-000Z.db', ...times.slice(2).map((t) => backupFileName('kit', t)), 'notes.txt'].sort()
			);
			// The command reads BACKUP_KEEP (and --keep), and refuses nonsense with a usage error.
			expect(runScript('backup', { DATABASE_URL: file, BACKUP_DIR: backups, BACKUP_KEEP: '1' }).status).toBe(0);
			expect(readdirSync(backups).filter((n) => /^kit-\d/.test(n))).toHaveLength(1);
			expect(runScript('backup', { DATABASE_URL: file, BACKUP_DIR: backups }, ['--keep', '2']).status).toBe(0);
			expect(readdirSync(backups).filter((n) => /^kit-\d/.test(n))).toHaveLength(2);
			const nonsense = runScript('backup', { DATABASE_URL: file, BACKUP_DIR: backups, BACKUP_KEEP: 'all' });
			expectRefusal(nonsense, /whole number/);
			expect(nonsense.status).toBe(2);
		});

		it('says so when there is no database, the disk is full or the folder cannot be written', async () => {
			expectRefusal(runScript('backup', { DATABASE_URL: join(dir, 'absent.db'), BACKUP_DIR: backups }), /There is no database at .*absent\.db/);
			expect(existsSync(join(dir, 'absent.db'))).toBe(false);
			writeFileSync(join(dir, 'a-file'), '');
			expectRefusal(runScript('backup', { DATABASE_URL: file, BACKUP_DIR: join(dir, 'a-file', 'backups') }), /Cannot write the backup folder/);
			// A disk with no room: the backup's file leads to /dev/full, where every write fails with ENOSPC.
			const now = new Date(Date.UTC(2026, 5, 1));
			mkdirSync(backups, { recursive: true });
			symlinkSync('/dev/full', join(backups, `${backupFileName('kit', now)}.partial`));
			const full = await backupDatabase({ databaseUrl: file, dir: backups, now }).then(
				() => null,
				(e: Error) => e
			);
			expect(full?.message).toMatch(/The disk is full/);
			// Nothing half-written is left looking like a backup.
			expect(readdirSync(backups)).toEqual([]);
		});

		it('restores over an existing database, keeping a copy of the one it replaced', async () => {
			// The database replaced is one no process here has open (libsql's close leaves a
			// connection open while prepared statements live, so the handle stays on its file).
			const empty = await makeBackup();
			await saveOneAnswer();
			const result = runScript('backup', { DATABASE_URL: file, BACKUP_DIR: join(dir, 'more') });
			expect(result.status, result.stderr).toBe(0);
			const withAnswer = join(dir, 'more', readdirSync(join(dir, 'more'))[0]);
			const target = join(dir, 'other', 'kit.db');
			expect(runScript('restore', { DATABASE_URL: target, BACKUP_DIR: backups }, [withAnswer]).status).toBe(0);

			const restored = runScript('restore', { DATABASE_URL: target, BACKUP_DIR: backups }, [empty]);
			expect(restored.status, restored.stderr).toBe(0);
			const kept = /kept as (\S+\.db)\./.exec(restored.stdout)![1];
			expect(await count(target)).toBe(0);
			expect(await count(kept)).toBe(1);
			expect(readdirSync(join(dir, 'other'))).toEqual(['kit.db']);
		});

		it('refuses files that are not a sound backup of this kit, and changes nothing', async () => {
			await saveOneAnswer();
			const good = await makeBackup();
			const restore = (source: string) => runScript('restore', { DATABASE_URL: file, BACKUP_DIR: backups }, [source]);

			const textFile = join(dir, 'notes.txt');
			writeFileSync(textFile, 'not a database at all');
			expectRefusal(restore(textFile), /is not a SQLite database/);

			const corrupted = join(dir, 'corrupted.db');
			copyFileSync(good, corrupted);
			const fd = openSync(corrupted, 'r+');
			writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096);
			closeSync(fd);
			expectRefusal(restore(corrupted), /is damaged/);

			const foreign = join(dir, 'foreign.db');
			const other = createClient({ url: `file:${foreign}` });
			await other.execute('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)');
			other.close();
			expectRefusal(restore(foreign), /not one of this kit's/);

			expectRefusal(restore(await editedBackup(['DROP TABLE responses'])), /lacks tables this kit needs \(responses\)/);
			expectRefusal(
				restore(await editedBackup([`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('0123abcd', ${Date.UTC(2099, 0, 1)})`])),
				/newer version of the kit/
			);
			expectRefusal(restore(await editedBackup([`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('0123abcd', 1)`])), /does not know/);
			expectRefusal(restore(join(dir, 'nowhere.db')), /There is no file at/);
			expect(runScript('restore', { DATABASE_URL: file }, []).status).toBe(2);

			// Nothing saved was lost and nothing was left behind. (Each check refused before the
			// lock check, which the open handle would fail: the messages above say so.)
			expect(await handle.db.$count(handle.tables.responses)).toBe(1);
			expect(readdirSync(dir).filter((n) => n.includes('restoring'))).toEqual([]);
			expect(readdirSync(backups).filter((n) => n.includes('before-restore'))).toEqual([]);
		});

		it('refuses to restore while the kit has the database open, even when it is not writing', async () => {
			const good = await makeBackup();
			await saveOneAnswer();
			// (Nothing here reads the file with fs: closing any descriptor of it would drop this
			// process's SQLite locks, a POSIX rule, and the handle would look closed.)
			expectRefusal(runScript('restore', { DATABASE_URL: file, BACKUP_DIR: backups }, [good]), /The kit is running on .*kit\.db/);
			expect(await handle.db.$count(handle.tables.responses)).toBe(1);
			expect(readdirSync(backups).filter((n) => n.includes('before-restore'))).toEqual([]);
			// The open handle still works: the check let go of the file.
			expect((await choiceQuestions(handle)).length).toBeGreaterThan(0);
		});
	});
}
