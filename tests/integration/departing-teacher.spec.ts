import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { readPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { createFirstTeacher, createInvite, signUpTeacher } from '../../src/lib/server/people/teachers';
import { addToRoster, createClass } from '../../src/lib/server/people/classes';
import { deleteTeacherAndClasses, studentDataHeld } from '../../src/lib/server/people/departing-teacher';
import { startPracticeAttempt } from '../../src/lib/server/quiz/responses';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { randomToken } from '../../src/lib/server/auth/tokens';
import { copyContent, SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { refusal } from '../fixtures/refusal';

const QUIZ = `${SLUG}/quiz-mexico-attribution`;

describe(`the admin's view of student data, and a teacher leaving, on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let admin: string;
	let leaver: string;
	let stayer: string;

	/** A class of `teacherId` with these students; each student gets an attempt with `answers` responses. */
	async function classWith(teacherId: string, name: string, students: string[], answers: number) {
		const { db, tables: t } = handle;
		const cls = await createClass(handle, teacherId, name);
		await addToRoster(handle, teacherId, cls.id, students.join('\n'));
		const questions = await db.select({ id: t.quizQuestions.id }).from(t.quizQuestions).where(eq(t.quizQuestions.quizId, QUIZ));
		for (const student of await db.select({ id: t.students.id }).from(t.students).where(eq(t.students.classId, cls.id))) {
			const attemptId = randomToken();
			await db.insert(t.attempts).values({ id: attemptId, quizId: QUIZ, studentId: student.id, startedAt: new Date() });
			for (const q of questions.slice(0, answers)) {
				await db.insert(t.responses).values({ id: randomToken(), attemptId, questionId: q.id, answer: { type: 'text', text: 'x' }, answeredAt: new Date() });
			}
		}
		return cls.id;
	}

	async function teacher(name: string) {
		const token = await createInvite(handle, admin);
		return (await signUpTeacher(handle, { name, email: `${name.toLowerCase()}@school.test`, password: 'harbor lantern violet' }, token)).id;
	}

	beforeEach(async () => {
		handle = await freshDatabase();
		const { packDir } = await copyContent();
		await syncPack(handle, await readPack(packDir));
		admin = (await createFirstTeacher(handle, { name: 'Pat', email: 'pat@school.test', password: 'harbor lantern violet' }, 'invite')).id;
		leaver = await teacher('Lee');
		stayer = await teacher('Sam');
		await classWith(leaver, 'Civics 1', ['Ana', 'Ben', 'Cy'], 2);
		await classWith(leaver, 'Civics 2', ['Dee'], 1);
		await classWith(stayer, 'History', ['Eve', 'Fay'], 3);
		const { attemptId } = await startPracticeAttempt(handle, QUIZ);
		const [q] = await handle.db.select({ id: handle.tables.quizQuestions.id }).from(handle.tables.quizQuestions).where(eq(handle.tables.quizQuestions.quizId, QUIZ));
		await handle.db.insert(handle.tables.responses).values({ id: randomToken(), attemptId, questionId: q.id, answer: { type: 'text', text: 'x' }, answeredAt: new Date() });
	});
	afterEach(async () => handle.close());

	it('counts classes, students, attempts and answers per teacher and in all, and anonymous practice apart', async () => {
		const held = await studentDataHeld(handle);
		expect(held.perTeacher.map((t) => [t.name, t.held])).toEqual([
			['Pat', { classes: 0, students: 0, attempts: 0, responses: 0 }],
			['Lee', { classes: 2, students: 4, attempts: 4, responses: 7 }],
			['Sam', { classes: 1, students: 2, attempts: 2, responses: 6 }]
		]);
		expect(held.total).toEqual({ classes: 3, students: 6, attempts: 6, responses: 13 });
		expect(held.practice).toEqual({ attempts: 1, responses: 1 });
	});

	it('deletes a leaving teacher with every class, student, attempt, answer and session, and nothing of anyone else', async () => {
		const session = await createSession(handle, { teacherId: leaver });
		const result = await deleteTeacherAndClasses(handle, admin, leaver, ' LEE@school.test ');
		expect(result).toEqual({ name: 'Lee', email: 'lee@school.test', classes: 2 });
		const held = await studentDataHeld(handle);
		expect(held.perTeacher.map((t) => t.name)).toEqual(['Pat', 'Sam']);
		expect(held.total).toEqual({ classes: 1, students: 2, attempts: 2, responses: 6 });
		expect(held.practice).toEqual({ attempts: 1, responses: 1 });
		const { db, tables: t } = handle;
		expect(await db.select().from(t.attempts)).toHaveLength(3);
		expect(await db.select().from(t.responses)).toHaveLength(7);
		expect(await validateSessionToken(handle, session.token)).toBeNull();
		// Deleting again finds nothing.
		const again = await refusal(deleteTeacherAndClasses(handle, admin, leaver, 'lee@school.test'));
		expect([again.status, again.message]).toEqual([404, 'There is no such teacher account.']);
	});

	it.each([
		['someone who is not the admin', () => [stayer, leaver, 'lee@school.test'], 403, /Only the admin/],
		['a forged id', () => [admin, 'not-a-teacher', 'lee@school.test'], 404, /no such teacher/],
		['an id that looks real but is no one', () => [admin, randomToken(), 'lee@school.test'], 404, /no such teacher/],
		['the admin themself', () => [admin, admin, 'pat@school.test'], 403, /your own account/],
		['the wrong email typed', () => [admin, leaver, 'sam@school.test'], 400, /Type the teacher’s email address, lee@school.test/],
		['no email typed', () => [admin, leaver, ''], 400, /Type the teacher’s email address/]
	] as const)('refuses %s and deletes nothing', async (_, args, status, message) => {
		const [by, whom, confirm] = args();
		const refused = await refusal(deleteTeacherAndClasses(handle, by, whom, confirm));
		expect(refused?.status).toBe(status);
		expect(refused?.message).toMatch(message);
		expect((await studentDataHeld(handle)).total).toEqual({ classes: 3, students: 6, attempts: 6, responses: 13 });
	});
});
