/**
 * `npm run backup` against a running kit while a student's answers are being posted, then
 * `npm run restore` into a new file and a second server on it, which has the answers.
 * No browser: the forms are posted over HTTP (tests/e2e/http-seed.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type APIRequestContext } from '@playwright/test';
import { freshDatabaseFile, startApp } from './app-process';
import { post, seed } from './http-seed';
import { expect, test } from './fixtures';

/** Runs `npm run <args>` with `env`, as a person (or cron) would. */
function npmRun(args: string[], env: Record<string, string>) {
	return new Promise<{ status: number | null; output: string }>((resolve) => {
		const child = spawn('npm', ['run', '--silent', ...args], { env: { ...process.env, ...env } });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('exit', (status) => resolve({ status, output }));
	});
}

/** The student's choice questions: page number, form fields and the option to choose. */
async function choiceQuestions(student: APIRequestContext, assignment: string) {
	const found: { n: number; fields: Record<string, string> }[] = [];
	for (let n = 1; n <= 30; n++) {
		const response = await student.get(`/me/assignments/${assignment}/${n}`);
		if (response.status() !== 200) break;
		const html = await response.text();
		const choices = [...html.matchAll(/type="radio" name="choice" value="([^"]+)"/g)].map((m) => m[1]);
		const question = /name="question" value="([^"]+)"/.exec(html)?.[1];
		const attempt = /name="attempt" value="([^"]+)"/.exec(html)?.[1];
		if (choices.length > 1 && question && attempt) {
			// The last option, so a default (first) option would not pass for a saved answer.
			const fields: Record<string, string> = { attempt, question, choice: choices.at(-1)! };
			if (html.includes('name="certainty"')) fields.certainty = '2';
			found.push({ n, fields });
		}
	}
	return found;
}

test('a backup taken while answers are posted restores into a new file that a new server serves with the answers', async () => {
	test.setTimeout(120_000);
	const database = await freshDatabaseFile();
	const backups = await mkdtemp(join(tmpdir(), 'attribution-lab-backups-'));
	const first = await startApp({ DATABASE_URL: database });
	expect(await first.ready).toBe(true);
	let second: Awaited<ReturnType<typeof startApp>> | undefined;
	try {
		const seeded = await seed(first.url);
		const questions = await choiceQuestions(seeded.studentA, seeded.assignmentA);
		expect(questions.length).toBeGreaterThan(3);

		// Answers go in one after another; each counts as acknowledged once its 303 arrives.
		const acknowledged: { n: number; choice: string; at: number }[] = [];
		let next = 0;
		let startBackup!: () => void;
		const twoAnswered = new Promise<void>((resolve) => (startBackup = resolve));
		const answering = (async () => {
			for (const q of questions) {
				await post(seeded.studentA, `/me/assignments/${seeded.assignmentA}/${q.n}?/answer`, q.fields);
				acknowledged.push({ n: q.n, choice: q.fields.choice, at: performance.now() });
				next++;
				if (next === 2) startBackup();
			}
		})();
		await twoAnswered;
		const began = performance.now();
		const backup = await npmRun(['backup'], { DATABASE_URL: database, BACKUP_DIR: backups });
		await answering;
		expect(backup.status, backup.output).toBe(0);
		expect(backup.output).toMatch(/Backed up the database to .*kit-.*\.db/);
		const before = acknowledged.filter((a) => a.at < began);
		expect(before.length).toBeGreaterThanOrEqual(2);

		// The running kit's own database cannot be restored over.
		const [file] = (await readdir(backups)).filter((name) => name.endsWith('.db'));
		const refused = await npmRun(['restore', join(backups, file)], { DATABASE_URL: database, BACKUP_DIR: backups });
		expect(refused.status).not.toBe(0);
		expect(refused.output).toMatch(/The kit is running on/);

		const restoredDatabase = await freshDatabaseFile();
		const restored = await npmRun(['restore', join(backups, file)], { DATABASE_URL: restoredDatabase, BACKUP_DIR: backups });
		expect(restored.status, restored.output).toBe(0);
		second = await startApp({ DATABASE_URL: restoredDatabase });
		expect(await second.ready).toBe(true);

		// The same student (the device session is in the restored database) sees each answer.
		const student: APIRequestContext = await request.newContext({ baseURL: second.url, storageState: await seeded.studentA.storageState() });
		for (const answer of before) {
			const html = await (await student.get(`/me/assignments/${seeded.assignmentA}/${answer.n}`)).text();
			expect(html, `question ${answer.n}`).toMatch(new RegExp(`name="choice" value="${answer.choice}"[^>]*checked`));
		}
		await student.dispose();
	} finally {
		await first.stop();
		await second?.stop();
	}
});
