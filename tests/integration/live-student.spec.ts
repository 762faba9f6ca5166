/**
 * A live session from the students' side: saving answers (once, however often sent),
 * answers racing the teacher's lock, a second device finding the same part, student-paced
 * sessions, and what a student's page may hold before and after the reveal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import type { ContentPack } from '../../src/lib/server/content/read-pack';
import type { SessionStudent } from '../../src/lib/server/auth/session';
import { answerLive, commandLiveSession, liveTopic, startLiveSession, teacherLiveSession, type LiveSettings } from '../../src/lib/server/live/sessions';
import { handInLive, studentLiveContext, studentLiveView, studentOfSession } from '../../src/lib/server/live/student-live';
import { createClass } from '../../src/lib/server/people/classes';
import type { Command } from '../../src/lib/live/session-state';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { seedClassroom } from '../fixtures/classroom';
import { refusal } from '../fixtures/refusal';

const TEACHER_PACED: LiveSettings = { pacing: 'teacher', askCertainty: true, names: 'none' };
const STUDENT_PACED: LiveSettings = { ...TEACHER_PACED, pacing: 'student' };

describe(`live sessions for students on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;
	let teacherId: string;
	let classId: string;
	let quizId: string;
	let students: SessionStudent[];

	beforeEach(async () => {
		handle = await freshDatabase();
		const seeded = await seedClassroom(handle, 'Ana\nBen\nCai');
		({ pack, teacherId, classId, quizId } = seeded);
		students = seeded.students.map((s) => ({ id: s.id, displayName: s.displayName, classId, className: 'Civics' }));
	});
	afterEach(async () => handle.close());

	async function start(settings = TEACHER_PACED) {
		return (await startLiveSession(handle, teacherId, classId, quizId, settings)).id;
	}
	async function command(id: string, ...commands: Command[]) {
		for (const c of commands) {
			const { version } = await teacherLiveSession(handle, teacherId, id);
			await commandLiveSession(handle, teacherId, id, version, c);
		}
	}
	/** The student's page as one of their devices loads it. */
	async function page(student: SessionStudent, id: string, wanted: number | null = null) {
		return studentLiveView(handle, await studentLiveContext(handle, [student], id), wanted);
	}
	/** Answers question `index` with its first option (or some words), fairly sure. */
	async function answer(student: SessionStudent, id: string, index: number, option = 0) {
		const ctx = await studentLiveContext(handle, [student], id);
		const q = ctx.questions[index];
		const input = q.options?.length ? { choices: [q.options[option].value] } : { span: { start: 0, end: 20 }, text: 'Because.' };
		return answerLive(handle, student, id, q.id, { ...input, certainty: 2 }, pack.text.length);
	}
	const responses = () => handle.db.select().from(handle.tables.responses);

	it('saves one answer however often the same answer is sent, at once or again', async () => {
		const id = await start();
		await command(id, { type: 'start' });
		await Promise.all([answer(students[0], id, 0), answer(students[0], id, 0), answer(students[0], id, 0)]);
		await answer(students[0], id, 0);
		expect(await responses()).toHaveLength(1);
		// Changing it replaces it in place.
		await answer(students[0], id, 0, 1);
		const rows = await responses();
		expect(rows).toHaveLength(1);
		const first = (await studentLiveContext(handle, [students[0]], id)).questions[0];
		expect(rows[0].answer).toEqual({ type: 'choice', value: first.options![1].value });
	});

	it('either saves an answer racing the lock or refuses it with a 409, never half-saved', async () => {
		const id = await start();
		await command(id, { type: 'start' });
		const results = await Promise.allSettled([...students.map((s) => answer(s, id, 0)), command(id, { type: 'lock' })]);
		const saved = await responses();
		const attempts = await handle.db.select().from(handle.tables.attempts).where(eq(handle.tables.attempts.liveSessionId, id));
		for (const [i, student] of students.entries()) {
			const attempt = attempts.find((a) => a.studentId === student.id)!;
			const row = saved.filter((r) => r.attemptId === attempt.id);
			const result = results[i];
			if (result.status === 'fulfilled') expect(row).toHaveLength(1);
			else {
				expect(result.reason.status).toBe(409);
				expect(row).toHaveLength(0);
			}
		}
		// Whatever happened in the race, after the lock nothing more lands.
		expect((await refusal(answer(students[0], id, 0, 1))).status).toBe(409);
		expect(await responses()).toHaveLength(saved.length);
		expect((await responses()).map((r) => r.answer)).toEqual(saved.map((r) => r.answer));
	});

	it('lets a second device signed in as the same student find the same part and answer', async () => {
		const id = await start();
		await command(id, { type: 'start' });
		const phone = await studentLiveContext(handle, [students[1]], id);
		await answer(students[1], id, 0, 2);
		// The laptop is signed in as Ben and as a student of another class.
		const other = await createClass(handle, teacherId, 'Other');
		const laptop = await studentLiveContext(handle, [{ ...students[0], id: 'x', classId: other.id }, students[1]], id);
		expect(laptop.attempt.id).toBe(phone.attempt.id);
		const view = await studentLiveView(handle, laptop, null);
		expect(view.screen).toEqual({ kind: 'question', index: 0, phase: 'open' });
		expect(view.saved?.choices).toHaveLength(1);
		expect(view.mayAnswer).toBe(true);
		// No form on screen would wipe the saved answer, so the page may refresh itself.
		expect(view.refresh).toBe(true);
		expect((await page(students[2], id)).refresh).toBe(false);
	});

	it('announces a student’s first join, so the projector’s count moves, and not a rejoin', async () => {
		const id = await start();
		const heard: { joined: number }[] = [];
		await handle.pubsub.subscribe(liveTopic(id), { message: (text) => heard.push(JSON.parse(text)) });
		await studentLiveContext(handle, [students[0]], id);
		const deadline = Date.now() + 3_000;
		while (heard.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
		expect(heard.at(-1)).toMatchObject({ joined: 1 });
		// A reload finds the same part and says nothing new.
		await new Promise((r) => setTimeout(r, 600));
		const before = heard.length;
		await studentLiveContext(handle, [students[0]], id);
		await new Promise((r) => setTimeout(r, 600));
		expect(heard.length).toBe(before);
	});

	it('keeps a student of another class out, with a 404', async () => {
		const id = await start();
		const other = await createClass(handle, teacherId, 'Other');
		const stranger = { ...students[0], classId: other.id };
		expect((await refusal(studentOfSession(handle, [stranger], id))).status).toBe(404);
		expect((await refusal(studentLiveContext(handle, [stranger], id))).status).toBe(404);
		expect((await refusal(studentLiveContext(handle, [students[0]], 'nonsense'))).status).toBe(404);
	});

	it('holds back the key, feedback and the explanation until the reveal, then shows the student’s own result', async () => {
		const id = await start();
		await command(id, { type: 'start' });
		await answer(students[0], id, 0);
		const before = JSON.stringify([await page(students[0], id), await page(students[1], id)]);
		await command(id, { type: 'lock' });
		const locked = JSON.stringify(await page(students[0], id));
		const ctx = await studentLiveContext(handle, [students[0]], id);
		const q = ctx.questions[0];
		for (const text of [before, locked]) {
			expect(text).not.toMatch(/"correct"|"feedback":\{|"explanation"|"rightAnswers"|"fraction"|"marks"/);
			expect(text).not.toContain(q.explanation);
			for (const o of q.options ?? []) if (o.feedback) expect(text).not.toContain(o.feedback);
		}
		await command(id, { type: 'reveal' });
		const revealed = await page(students[0], id);
		expect(revealed.feedback).toMatchObject({ rightAnswers: true, certainty: 2 });
		expect(revealed.feedback!.marks).not.toBeNull();
		expect(revealed.feedback!.explanation).toBe(q.explanation);
		// A student who did not answer gets no result (and no answer form).
		const ben = await page(students[1], id);
		expect(ben.feedback).toBeNull();
		expect(ben.mayAnswer).toBe(false);
	});

	it('sums up at the end only the results the student has seen, accuracy and score apart', async () => {
		const id = await start();
		await command(id, { type: 'start' });
		await answer(students[0], id, 0);
		await command(id, { type: 'reveal' }, { type: 'next' });
		await answer(students[0], id, 1);
		await answer(students[1], id, 1);
		// Question 2 is never revealed: its result is not in the summary.
		await command(id, { type: 'end' });
		const q0 = (await studentLiveContext(handle, [students[0]], id)).questions[0].id;
		const [first] = (await responses()).filter((r) => r.questionId === q0);
		const ana = await page(students[0], id);
		expect(ana.screen.kind).toBe('ended');
		// Accuracy counts the questions shown whose results she may see: 1 of the 2 shown.
		expect(ana.summary).toMatchObject({ answered: 1, marked: 1, accuracy: { right: first.fraction === 1 ? 1 : 0, counted: 1 }, withCertainty: 1 });
		expect(ana.summary!.score).toEqual({ marks: first.marks, lowest: -6, highest: 3 });
		expect((await page(students[1], id)).summary).toBeNull();
	});

	it('asks no certainty when the session says not to, and marks without it', async () => {
		const id = await start({ ...TEACHER_PACED, askCertainty: false });
		await command(id, { type: 'start' });
		expect((await page(students[0], id)).question?.certainty).toBe(false);
		const ctx = await studentLiveContext(handle, [students[0]], id);
		const q = ctx.questions[0];
		await answerLive(handle, students[0], id, q.id, { choices: [q.options![0].value], certainty: null }, pack.text.length);
		expect((await responses())[0].certainty).toBeNull();
	});

	describe('student-paced', () => {
		it('opens every question once started, in any order, until the student hands in', async () => {
			const id = await start(STUDENT_PACED);
			expect((await refusal(answer(students[0], id, 1))).message).toMatch(/not started/);
			await command(id, { type: 'start' });
			await answer(students[0], id, 2);
			await answer(students[0], id, 1);
			await answer(students[0], id, 0);
			await answer(students[0], id, 2, 1);
			expect(await responses()).toHaveLength(3);
			const view = await page(students[0], id, 2);
			expect(view.screen).toEqual({ kind: 'question', index: 2, phase: 'open' });
			expect(view.answered.slice(0, 3)).toEqual([true, true, true]);
			expect(view.feedback).toBeNull();

			await handInLive(handle, await studentLiveContext(handle, [students[0]], id));
			expect((await refusal(answer(students[0], id, 3))).status).toBe(409);
			expect(await responses()).toHaveLength(3);
			// The student's own result shows; the right answers wait for the teacher.
			const handed = await page(students[0], id, 0);
			expect(handed.feedback).toMatchObject({ rightAnswers: false, explanation: null, claim: null });
			expect(handed.mayAnswer).toBe(false);
			// A classmate carries on meanwhile.
			await answer(students[1], id, 3);
		});

		it('honours the teacher locking the question on the projector, and refuses a hand-in in teacher-paced sessions', async () => {
			const id = await start(STUDENT_PACED);
			await command(id, { type: 'start' }, { type: 'lock' });
			expect((await refusal(answer(students[0], id, 0))).message).toMatch(/locked/);
			await answer(students[0], id, 1);
			await command(id, { type: 'next' }, { type: 'lock' });
			expect((await refusal(answer(students[0], id, 1, 1))).status).toBe(409);
			expect(await responses()).toHaveLength(1);

			const paced = await start().catch(() => null);
			expect(paced).toBeNull(); // one running session per class
			await command(id, { type: 'end' });
			const teacherPaced = await start();
			await command(teacherPaced, { type: 'start' });
			expect((await refusal(handInLive(handle, await studentLiveContext(handle, [students[0]], teacherPaced)))).status).toBe(409);
		});
	});
});
