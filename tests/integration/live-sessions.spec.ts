import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import type { ContentPack } from '../../src/lib/server/content/read-pack';
import { signUpTeacher } from '../../src/lib/server/people/teachers';
import { createClass, setArchived } from '../../src/lib/server/people/classes';
import { createQuiz } from '../../src/lib/server/quiz/editor';
import { saveResponse } from '../../src/lib/server/quiz/responses';
import {
	answerLive,
	commandLiveSession,
	joinLiveSession,
	liveQuestionsOf,
	liveTopic,
	quizLiveNow,
	runningLiveSessions,
	startLiveSession,
	teacherLiveSession,
	type LiveSettings
} from '../../src/lib/server/live/sessions';
import type { Command } from '../../src/lib/live/session-state';
import { SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { seedClassroom } from '../fixtures/classroom';
import { refusal } from '../fixtures/refusal';

const SETTINGS: LiveSettings = { pacing: 'teacher', askCertainty: true, names: 'none' };

describe(`live sessions on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;
	let teacherId: string;
	let classId: string;
	let students: { id: string; classId: string; displayName: string }[];
	const quizId = () => `${SLUG}/quiz-${pack.quiz!.id}`;

	beforeEach(async () => {
		handle = await freshDatabase();
		({ pack, teacherId, classId, students } = await seedClassroom(handle, 'Ana\nBen\nCai'));
	});
	afterEach(async () => handle.close());

	/** Starts a session and applies `commands` in order, as the teacher's screen would. */
	async function session(...commands: Command[]) {
		const { id } = await startLiveSession(handle, teacherId, classId, quizId(), SETTINGS);
		for (const command of commands) {
			const { version } = await teacherLiveSession(handle, teacherId, id);
			await commandLiveSession(handle, teacherId, id, version, command);
		}
		const row = await teacherLiveSession(handle, teacherId, id);
		return { id, row, questions: await liveQuestionsOf(handle, row) };
	}
	/** A valid answer to any question type (the first option, some words, a sentence), quite sure. */
	async function answerFirst(student: (typeof students)[number], id: string, question: { id: string; options: { value: string }[] | null }) {
		const input = question.options?.length ? { choices: [question.options[0].value] } : { span: { start: 0, end: 20 }, text: 'Because the heading says so.' };
		return answerLive(handle, student, id, question.id, { ...input, certainty: 2 }, pack.text.length);
	}
	const responses = () => handle.db.select().from(handle.tables.responses);

	it('tells practice its quiz is running live in the class until the session ends (practice would show the keys)', async () => {
		expect(await quizLiveNow(handle, [classId], quizId())).toBe(false);
		const { id, row } = await session({ type: 'start' });
		expect(await quizLiveNow(handle, [classId], quizId())).toBe(true);
		// Another quiz, and classes that are not running it, are not paused.
		expect(await quizLiveNow(handle, [classId], 'some/other-quiz')).toBe(false);
		expect(await quizLiveNow(handle, [], quizId())).toBe(false);
		await commandLiveSession(handle, teacherId, id, row.version, { type: 'end' });
		expect(await quizLiveNow(handle, [classId], quizId())).toBe(false);
	});

	it('starts only for the teacher’s own unarchived class, with a quiz that has questions, one at a time', async () => {
		const other = await signUpTeacher(handle, { name: 'Bo', email: 'bo@school.test', password: 'quiet meadow copper' }, null);
		expect((await refusal(startLiveSession(handle, other.id, classId, quizId(), SETTINGS))).status).toBe(404);
		const empty = await createQuiz(handle, teacherId, { articleSlug: SLUG, title: 'Empty' });
		expect((await refusal(startLiveSession(handle, teacherId, classId, empty.id, SETTINGS))).status).toBe(409);
		await startLiveSession(handle, teacherId, classId, quizId(), SETTINGS);
		expect((await refusal(startLiveSession(handle, teacherId, classId, quizId(), SETTINGS))).message).toMatch(/already has a live session/);
		const archived = (await createClass(handle, teacherId, 'Old')).id;
		await setArchived(handle, teacherId, archived, true);
		expect((await refusal(startLiveSession(handle, teacherId, archived, quizId(), SETTINGS))).status).toBe(409);
	});

	it('starts one session when two starts for a class arrive at once, and another once it has ended', async () => {
		const results = await Promise.allSettled([1, 2, 3].map(() => startLiveSession(handle, teacherId, classId, quizId(), SETTINGS)));
		const started = results.filter((r) => r.status === 'fulfilled');
		expect(started).toHaveLength(1);
		for (const r of results) if (r.status === 'rejected') expect(r.reason.status).toBe(409);
		const { id } = (started[0] as PromiseFulfilledResult<{ id: string }>).value;
		await commandLiveSession(handle, teacherId, id, 0, { type: 'end' });
		await startLiveSession(handle, teacherId, classId, quizId(), SETTINGS);
	});

	it('applies a command only to the state the teacher saw', async () => {
		const { id } = await session();
		await commandLiveSession(handle, teacherId, id, 0, { type: 'start' });
		// A second window still showing version 0 tries to start again.
		expect((await refusal(commandLiveSession(handle, teacherId, id, 0, { type: 'next' }))).message).toMatch(/moved on in another window/);
		expect((await refusal(commandLiveSession(handle, teacherId, id, 1, { type: 'show-note' }))).status).toBe(409);
		const row = await teacherLiveSession(handle, teacherId, id);
		expect(row.version).toBe(1);
		expect(row.state.current).toBe(0);
	});

	it('takes answers while a question is open, replacing a changed answer, one per student', async () => {
		const { id, questions } = await session({ type: 'start' });
		const q = questions[0];
		await answerFirst(students[0], id, q);
		await answerLive(handle, students[0], id, q.id, { choices: [q.options![1].value], certainty: 3 }, pack.text.length);
		await answerFirst(students[1], id, q);
		const saved = await responses();
		expect(saved).toHaveLength(2);
		expect(saved.find((r) => r.answer.type === 'choice' && r.answer.value === q.options![1].value)?.certainty).toBe(3);
	});

	it('refuses an answer after the lock, at the database, even from a request that read the question open', async () => {
		const { id, questions } = await session({ type: 'start' });
		const { attempt } = await joinLiveSession(handle, students[0], id);
		await commandLiveSession(handle, teacherId, id, 1, { type: 'lock' });
		// The request read the session while the question was open, then saves after the lock.
		const late = await refusal(saveResponse(handle, attempt, questions[0], { choices: [questions[0].options![0].value], certainty: 2 }, pack.text.length));
		expect(late.status).toBe(409);
		expect(late.message).toMatch(/locked/);
		expect(await responses()).toHaveLength(0);
		// Through the page's path too, with the same message.
		expect((await refusal(answerFirst(students[1], id, questions[0]))).message).toMatch(/locked/);
		// Reopening lets answers in again.
		await commandLiveSession(handle, teacherId, id, 2, { type: 'reopen' });
		await answerFirst(students[1], id, questions[0]);
		expect(await responses()).toHaveLength(1);
	});

	it('refuses answers to a question not on screen, while paused, and after the end; the end keeps every answer', async () => {
		const { id, questions } = await session({ type: 'start' });
		await answerFirst(students[0], id, questions[0]);
		expect((await refusal(answerFirst(students[0], id, questions[1]))).message).toMatch(/locked/);
		await commandLiveSession(handle, teacherId, id, 1, { type: 'pause' });
		expect((await refusal(answerFirst(students[1], id, questions[0]))).message).toMatch(/paused/);
		await commandLiveSession(handle, teacherId, id, 2, { type: 'end' });
		expect((await refusal(answerFirst(students[1], id, questions[0]))).message).toMatch(/ended/);
		const [kept] = await responses();
		expect(kept.attemptId).toBeTruthy();
		const attempts = await handle.db.select().from(handle.tables.attempts).where(eq(handle.tables.attempts.liveSessionId, id));
		expect(attempts.every((a) => a.submittedAt !== null)).toBe(true);
		expect(await runningLiveSessions(handle, [classId])).toEqual([]);
	});

	it('lets a late joiner in at the current question, and a second device find the same place', async () => {
		const { id, questions } = await session({ type: 'start' }, { type: 'reveal' }, { type: 'next' });
		const first = await joinLiveSession(handle, students[2], id);
		const again = await joinLiveSession(handle, students[2], id);
		expect(again.attempt.id).toBe(first.attempt.id);
		expect(first.session.state.current).toBe(1);
		await answerFirst(students[2], id, questions[1]);
		expect((await refusal(answerFirst(students[2], id, questions[0]))).status).toBe(409);
	});

	it('keeps students of other classes out', async () => {
		const { id } = await session({ type: 'start' });
		const otherClass = (await createClass(handle, teacherId, 'Other')).id;
		expect((await refusal(joinLiveSession(handle, { id: students[0].id, classId: otherClass }, id))).status).toBe(404);
		expect((await refusal(joinLiveSession(handle, students[0], 'not-an-id'))).status).toBe(404);
	});

	it('announces changes on the session’s topic with counts and no names or keys, coalesced', async () => {
		const { id, questions } = await session();
		const heard: string[] = [];
		await handle.pubsub.subscribe(liveTopic(id), { message: (text) => heard.push(text) });
		await commandLiveSession(handle, teacherId, id, 0, { type: 'start' });
		for (const s of students) await answerFirst(s, id, questions[0]);
		const deadline = Date.now() + 3_000;
		while (!heard.some((m) => JSON.parse(m).answered === 3) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
		const last = JSON.parse(heard.at(-1)!);
		expect(last).toMatchObject({ version: 1, joined: 3, answered: 3, state: { stage: 'question', current: 0 } });
		// Four changes (a start, three answers) within a moment make fewer messages.
		expect(heard.length).toBeLessThan(4);
		const all = heard.join('\n');
		for (const s of students) expect(all).not.toContain(s.displayName);
		expect(all).not.toContain('correct');
	});
});
