import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import type { SessionStudent } from '../../src/lib/server/auth/session';
import { DomainError } from '../../src/lib/server/domain-error';
import { readPack, type ContentPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { articleStamp } from '../../src/lib/server/articles/reader';
import { createFirstTeacher } from '../../src/lib/server/people/teachers';
import { addToRoster, createClass } from '../../src/lib/server/people/classes';
import { checkOwnAttempt, createAssignment, startAttempt, studentAssignment } from '../../src/lib/server/quiz/assignments';
import { quizQuestions } from '../../src/lib/server/quiz/question-cache';
import { changeQuestions } from '../../src/lib/server/quiz/editor';
import { copyContent, editPackFile, SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';

const HOUR = 3600_000;

describe(`the quiz question cache on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;
	let packDir: string;
	let students: SessionStudent[];
	let assignmentId: string;
	const quizId = () => `${SLUG}/quiz-${pack.quiz!.id}`;

	async function quizRow() {
		const [quiz] = await handle.db.select().from(handle.tables.quizzes).where(eq(handle.tables.quizzes.id, quizId()));
		return quiz;
	}
	/** Sets the quiz's updatedAt, as an edit would, without touching its questions. */
	async function setUpdatedAt(at: Date) {
		await handle.db.update(handle.tables.quizzes).set({ updatedAt: at }).where(eq(handle.tables.quizzes.id, quizId()));
	}
	/** Changes the first question's prompt behind the cache's back (no updatedAt). */
	async function changeFirstPrompt(prompt: string) {
		const t = handle.tables;
		const [first] = await handle.db.select().from(t.quizQuestions).where(eq(t.quizQuestions.quizId, quizId())).orderBy(asc(t.quizQuestions.sort));
		await handle.db.update(t.quizQuestions).set({ prompt }).where(eq(t.quizQuestions.id, first.id));
	}

	beforeEach(async () => {
		handle = await freshDatabase();
		({ packDir } = await copyContent());
		pack = await readPack(packDir);
		await syncPack(handle, pack);
		const { id: teacherId } = await createFirstTeacher(handle, { name: 'Ada', email: 'ada@school.test', password: 'harbor lantern violet' }, 'open');
		const cls = await createClass(handle, teacherId, 'Civics');
		await addToRoster(handle, teacherId, cls.id, 'Ana\nBen');
		const rows = await handle.db.select().from(handle.tables.students).orderBy(asc(handle.tables.students.displayName));
		students = rows.map((s) => ({ id: s.id, displayName: s.displayName, classId: cls.id, className: 'Civics' }));
		const now = Date.now();
		assignmentId = await createAssignment(handle, teacherId, cls.id, quizId(), {
			opensAt: new Date(now - HOUR),
			closesAt: new Date(now + HOUR),
			maxAttempts: 1,
			feedback: 'after-submit',
			shuffle: false,
			answersEachAttempt: false
		});
	});
	afterEach(async () => handle.close());

	it('serves a settled quiz from memory until its updatedAt moves', async () => {
		await setUpdatedAt(new Date(Date.now() - HOUR));
		const before = await quizQuestions(handle, await quizRow());
		await changeFirstPrompt('Changed without marking the quiz as changed');
		// Proof that it is a cache: the same updatedAt gets the same list.
		expect((await quizQuestions(handle, await quizRow()))[0].prompt).toBe(before[0].prompt);
		// An edit marks the quiz as changed, and the next read has the new questions.
		await setUpdatedAt(new Date(Date.now() - HOUR + 1));
		expect((await quizQuestions(handle, await quizRow()))[0].prompt).toBe('Changed without marking the quiz as changed');
	});

	it('gets a new updatedAt from every edit, even two in one millisecond or from a clock running behind', async () => {
		const t = handle.tables;
		const frozen = () => Date.now() - HOUR; // another server, its clock an hour behind and standing still
		const [first] = await quizQuestions(handle, await quizRow());
		const rename = (prompt: string) => changeQuestions(handle, quizId(), (tx) => tx.update(t.quizQuestions).set({ prompt }).where(eq(t.quizQuestions.id, first.id)), frozen);

		const before = (await quizRow()).updatedAt.getTime();
		await rename('The first edit');
		const once = (await quizRow()).updatedAt.getTime();
		expect(once).toBeGreaterThan(before);
		expect((await quizQuestions(handle, await quizRow()))[0].prompt).toBe('The first edit');

		await rename('A second edit in the same millisecond');
		expect((await quizRow()).updatedAt.getTime()).toBeGreaterThan(once);
		expect((await quizQuestions(handle, await quizRow()))[0].prompt).toBe('A second edit in the same millisecond');
	});

	it('leaves updatedAt alone when the edit fails', async () => {
		const before = (await quizRow()).updatedAt.getTime();
		await expect(
			changeQuestions(handle, quizId(), async () => {
				throw new Error('refused');
			})
		).rejects.toThrow('refused');
		expect((await quizRow()).updatedAt.getTime()).toBe(before);
	});

	it('shows an edited content pack at once to a student’s assignment', async () => {
		await setUpdatedAt(new Date(Date.now() - HOUR));
		const first = await studentAssignment(handle, students, assignmentId);
		expect(first.questions[0].prompt).not.toMatch(/edited prompt/);
		expect(first.articleStamp).toBe(await articleStamp(handle, SLUG));

		await editPackFile(packDir, 'quiz.yaml', (s) => s.replace(/prompt: >-\n(\s+)/, 'prompt: >-\n$1An edited prompt. '));
		await syncPack(handle, await readPack(packDir));
		const after = await studentAssignment(handle, students, assignmentId);
		expect(after.questions[0].prompt).toMatch(/^An edited prompt\./);
		expect(after.questions).toHaveLength(first.questions.length);
		expect(after.articleStamp).toBe(await articleStamp(handle, SLUG));
		expect(after.articleStamp).not.toBe(first.articleStamp);
	});

	it('reads the attempt a form names with the assignment, for checkOwnAttempt to judge', async () => {
		const found = await studentAssignment(handle, students, assignmentId);
		const mine = await startAttempt(handle, students[0].id, found.assignment);
		const named = await studentAssignment(handle, students, assignmentId, mine.id);
		expect(checkOwnAttempt(named.namedAttempt, students[0].id, assignmentId).id).toBe(mine.id);
		const refusal = (f: () => unknown) => {
			try {
				f();
			} catch (e) {
				return e as DomainError;
			}
			throw new Error('not refused');
		};
		expect(refusal(() => checkOwnAttempt(named.namedAttempt, students[1].id, assignmentId)).status).toBe(403);
		expect(refusal(() => checkOwnAttempt(named.namedAttempt, students[0].id, 'another-assignment')).status).toBe(403);
		const unknown = await studentAssignment(handle, students, assignmentId, 'no-such-attempt');
		expect(unknown.namedAttempt).toBeNull();
		expect(refusal(() => checkOwnAttempt(unknown.namedAttempt, students[0].id, assignmentId)).status).toBe(404);
		expect(found.namedAttempt).toBeNull();
	});
});
