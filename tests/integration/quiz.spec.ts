import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { DomainError } from '../../src/lib/server/domain-error';
import { readPack, type ContentPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { practiceAttempt, practiceAttemptWithArticle, saveResponse, startPracticeAttempt, submitAttempt } from '../../src/lib/server/quiz/responses';
import { articleStamp } from '../../src/lib/server/articles/reader';
import { createFirstTeacher } from '../../src/lib/server/people/teachers';
import { addToRoster, createClass } from '../../src/lib/server/people/classes';
import { copyContent, editPackFile, SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { refusal } from '../fixtures/refusal';

describe(`the quiz engine on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;
	let packDir: string;
	const quizId = () => `${SLUG}/quiz-${pack.quiz!.id}`;
	const question = (type: string) => pack.quiz!.questions.find((q) => q.type === type)!;

	/** Saves as a request would: with the attempt and question rows as they are now. */
	async function save(attemptId: string, key: string, input: Parameters<typeof saveResponse>[3], options = {}) {
		const { db, tables: t } = handle;
		const [attempt] = await db.select().from(t.attempts).where(eq(t.attempts.id, attemptId));
		const questions = await db.select().from(t.quizQuestions).where(eq(t.quizQuestions.quizId, attempt.quizId));
		const question = questions.find((q) => q.key === key);
		if (!question) throw new DomainError('That question is not part of this quiz.', 404);
		return saveResponse(handle, attempt, question, input, pack.text.length, options);
	}

	beforeEach(async () => {
		handle = await freshDatabase();
		({ packDir } = await copyContent());
		pack = await readPack(packDir);
		await syncPack(handle, pack);
	});
	afterEach(async () => handle.close());

	it('loads the pack’s quiz with every question, keys kept on the server side', async () => {
		// Without ORDER BY, PostgreSQL may return rows in any order (it did once the rows grew).
		const rows = await handle.db
			.select()
			.from(handle.tables.quizQuestions)
			.where(eq(handle.tables.quizQuestions.quizId, quizId()))
			.orderBy(asc(handle.tables.quizQuestions.sort));
		expect(rows.map((r) => r.key)).toEqual(pack.quiz!.questions.map((q) => q.id));
		const evidence = rows.find((r) => r.type === 'find-evidence')!;
		expect(evidence.evidence?.[0].exact).toBe(question('find-evidence').evidence![0].quote);
	});

	it('drops a question the pack no longer has, and keeps the rest under the same ids', async () => {
		const last = pack.quiz!.questions.at(-1)!.id;
		await editPackFile(packDir, 'quiz.yaml', (s) => s.slice(0, s.lastIndexOf(`- id: ${last}`)));
		await syncPack(handle, await readPack(packDir));
		const keys = (await handle.db.select().from(handle.tables.quizQuestions)).map((r) => r.key);
		expect(keys).not.toContain(last);
		expect(keys).toHaveLength(pack.quiz!.questions.length - 1);
	});

	it('grades on the server, and saving the same answer twice keeps one response', async () => {
		const { attemptId, token } = await startPracticeAttempt(handle, quizId());
		expect((await practiceAttempt(handle, token))?.id).toBe(attemptId);
		expect(await practiceAttempt(handle, `${attemptId}.${'a'.repeat(24)}`)).toBeNull();
		// A question page reads the article's stamp with the attempt, and only for the right secret.
		expect(await practiceAttemptWithArticle(handle, token)).toEqual({
			attempt: expect.objectContaining({ id: attemptId }),
			articleSlug: SLUG,
			articleStamp: await articleStamp(handle, SLUG)
		});
		expect(await practiceAttemptWithArticle(handle, `${attemptId}.${'a'.repeat(24)}`)).toBeNull();

		const q = question('whose-voice');
		const right = q.options!.find((o) => o.correct)!.value;
		const wrong = q.options!.find((o) => !o.correct)!.value;
		expect(await save(attemptId, q.id, { choices: [wrong], certainty: 3 })).toEqual({ fraction: 0, marks: -6 });
		expect(await save(attemptId, q.id, { choices: [right], certainty: 2 })).toEqual({ fraction: 1, marks: 2 });
		await save(attemptId, q.id, { choices: [right], certainty: 2 });
		const rows = await handle.db.select().from(handle.tables.responses).where(eq(handle.tables.responses.attemptId, attemptId));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ certainty: 2, fraction: 1, marks: 2, claimId: `${SLUG}/${q.claim}` });
	});

	it('keeps the first answer when feedback follows each question (a repeat changes nothing)', async () => {
		const { attemptId } = await startPracticeAttempt(handle, quizId());
		const q = question('whose-voice');
		const right = q.options!.find((o) => o.correct)!.value;
		const wrong = q.options!.find((o) => !o.correct)!.value;
		const lock = { lockOnceAnswered: true };
		expect(await save(attemptId, q.id, { choices: [wrong], certainty: 1 }, lock)).toEqual({ fraction: 0, marks: 0 });
		expect(await save(attemptId, q.id, { choices: [right], certainty: 3 }, lock)).toEqual({ fraction: 0, marks: 0 });
		const rows = await handle.db.select().from(handle.tables.responses);
		expect(rows).toHaveLength(1);
		expect(rows[0].answer).toEqual({ type: 'choice', value: wrong });
	});

	it('refuses a pack edit that would delete students’ answers, but lets practice answers go', async () => {
		const last = pack.quiz!.questions.at(-1)!;
		const { db, tables: t } = handle;
		// A practice answer alone does not block the edit…
		const { attemptId } = await startPracticeAttempt(handle, quizId());
		await save(attemptId, last.id, last.type === 'short-answer' ? { text: 'x' } : { choices: [last.options![0].value], certainty: 1 });
		const drop = (s: string) => s.slice(0, s.lastIndexOf(`- id: ${last.id}`));
		const { packDir: other } = await copyContent();
		await editPackFile(other, 'quiz.yaml', drop);
		await syncPack(handle, await readPack(other));
		expect((await db.select().from(t.quizQuestions)).map((q) => q.key)).not.toContain(last.id);

		// …but a student's answer does.
		await syncPack(handle, pack);
		const { id: teacherId } = await createFirstTeacher(handle, { name: 'Ada', email: 'ada@school.test', password: 'harbor lantern violet' }, 'open');
		const cls = await createClass(handle, teacherId, 'Civics');
		await addToRoster(handle, teacherId, cls.id, 'Ana');
		const [ana] = await db.select().from(t.students);
		await db.insert(t.attempts).values({ id: 'a'.repeat(24), quizId: quizId(), studentId: ana.id, startedAt: new Date() });
		await save('a'.repeat(24), last.id, last.type === 'short-answer' ? { text: 'x' } : { choices: [last.options![0].value], certainty: 1 });
		await expect(syncPack(handle, await readPack(other))).rejects.toThrow(/has answers from students/);
		expect((await db.select().from(t.responses)).length).toBeGreaterThan(0);
	});

	it('grades find-the-evidence by overlap and leaves written answers to the teacher', async () => {
		const { attemptId } = await startPracticeAttempt(handle, quizId());
		const ev = question('find-evidence');
		const key = ev.evidenceSelectors[0].position;
		expect((await save(attemptId, ev.id, { span: key, certainty: 1 })).fraction).toBe(1);
		expect((await save(attemptId, ev.id, { span: { start: 0, end: 5 }, certainty: 1 })).fraction).toBe(0);
		const sa = question('short-answer');
		expect(await save(attemptId, sa.id, { text: 'Because the report helps their side.' })).toEqual({ fraction: null, marks: null });
	});

	it('refuses answers that do not belong: forged options, other questions, missing certainty, submitted attempts', async () => {
		const { attemptId } = await startPracticeAttempt(handle, quizId());
		const q = question('multiple-choice');
		expect((await refusal(save(attemptId, q.id, { choices: ['zz'], certainty: 1 }))).status).toBe(400);
		expect((await refusal(save(attemptId, q.id, { choices: ['a', 'b'], certainty: 1 }))).status).toBe(400);
		expect((await refusal(save(attemptId, 'q99', { choices: ['a'], certainty: 1 }))).status).toBe(404);
		expect((await refusal(save(attemptId, q.id, { choices: ['a'] }))).message).toMatch(/how sure/);
		const ev = question('find-evidence');
		expect((await refusal(save(attemptId, ev.id, { span: { start: 10, end: 5 }, certainty: 1 }))).status).toBe(400);
		expect((await refusal(save(attemptId, ev.id, { span: { start: 0, end: 10 ** 9 }, certainty: 1 }))).status).toBe(400);

		await submitAttempt(handle, attemptId);
		await submitAttempt(handle, attemptId);
		expect((await refusal(save(attemptId, q.id, { choices: ['a'], certainty: 1 }))).status).toBe(409);
		expect(await handle.db.select().from(handle.tables.responses)).toHaveLength(0);
	});
});
