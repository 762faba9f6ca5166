import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/database';
import { readPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { startPracticeAttempt } from '../../src/lib/server/quiz/responses';
import { DAY_MS, purgeOldPracticeAttempts } from '../../src/lib/server/quiz/practice-purge';
import { createFirstTeacher } from '../../src/lib/server/people/teachers';
import { addToRoster, createClass } from '../../src/lib/server/people/classes';
import { randomToken } from '../../src/lib/server/auth/tokens';
import { copyContent, SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';

const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY_MS);

describe(`purging old practice attempts on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	const quizId = `${SLUG}/quiz-mexico-attribution`;

	beforeEach(async () => {
		handle = await freshDatabase();
		const { packDir } = await copyContent();
		await syncPack(handle, await readPack(packDir));
	});
	afterEach(async () => handle.close());

	/** A practice attempt started `startedDaysAgo`, with one answer per entry of `answeredDaysAgo`. */
	async function practice(startedDaysAgo: number, ...answeredDaysAgo: number[]) {
		const { db, tables: t } = handle;
		const { attemptId } = await startPracticeAttempt(handle, quizId, daysAgo(startedDaysAgo));
		const questions = await db.select({ id: t.quizQuestions.id }).from(t.quizQuestions).where(eq(t.quizQuestions.quizId, quizId));
		for (const [i, days] of answeredDaysAgo.entries()) {
			await db.insert(t.responses).values({
				id: randomToken(),
				attemptId,
				questionId: questions[i].id,
				answer: { type: 'text', text: 'an answer' },
				answeredAt: daysAgo(days)
			});
		}
		return attemptId;
	}

	async function remaining() {
		const { db, tables: t } = handle;
		return (await db.select({ id: t.attempts.id }).from(t.attempts)).map((r) => r.id).sort();
	}

	it('deletes practice attempts untouched for the retention period, with their answers, and nothing else', async () => {
		const untouched = await practice(40);
		const answeredLongAgo = await practice(40, 39, 35);
		const answeredLately = await practice(40, 38, 5);
		const recent = await practice(2);
		// A student's attempt is the class's record, whatever its age.
		const teacher = await createFirstTeacher(handle, { name: 'Ada', email: 'ada@school.test', password: 'harbor lantern violet' }, 'open');
		const cls = await createClass(handle, teacher.id, 'Civics');
		await addToRoster(handle, teacher.id, cls.id, 'Ana');
		const { db, tables: t } = handle;
		const [student] = await db.select({ id: t.students.id }).from(t.students);
		const studentAttempt = randomToken();
		await db.insert(t.attempts).values({ id: studentAttempt, quizId, studentId: student.id, startedAt: daysAgo(400) });

		expect(await purgeOldPracticeAttempts(handle, 30, NOW)).toBe(2);
		expect(await remaining()).toEqual([answeredLately, recent, studentAttempt].sort());
		const orphans = await db.select().from(t.responses).where(inArray(t.responses.attemptId, [untouched, answeredLongAgo]));
		expect(orphans).toEqual([]);
		expect(await db.select().from(t.responses).where(eq(t.responses.attemptId, answeredLately))).toHaveLength(2);

		// A shorter setting reaches the one answered 5 days ago; later the recent one ages out too.
		expect(await purgeOldPracticeAttempts(handle, 3, NOW)).toBe(1);
		expect(await remaining()).toEqual([recent, studentAttempt].sort());
		expect(await purgeOldPracticeAttempts(handle, 30, new Date(NOW.getTime() + 27 * DAY_MS))).toBe(0);
		expect(await purgeOldPracticeAttempts(handle, 30, new Date(NOW.getTime() + 29 * DAY_MS))).toBe(1);
		expect(await remaining()).toEqual([studentAttempt]);
	});

	it('is safe when several app servers run it at once: each attempt is deleted once, the rest stay', async () => {
		const old = await Promise.all([practice(31), practice(45), practice(60, 50)]);
		const kept = await practice(10);
		// On PostgreSQL a second connection plays the other app server; SQLite serves one.
		const other = ENGINE === 'postgres' ? await openDatabase(process.env.TEST_DATABASE_URL) : handle;
		try {
			const counts = await Promise.all([purgeOldPracticeAttempts(handle, 30, NOW), purgeOldPracticeAttempts(other, 30, NOW)]);
			expect(counts[0] + counts[1]).toBe(old.length);
			expect(await purgeOldPracticeAttempts(other, 30, NOW)).toBe(0);
			expect(await remaining()).toEqual([kept]);
		} finally {
			if (other !== handle) await other.close();
		}
	});
});
