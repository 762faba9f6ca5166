/**
 * The class-wide results queries against hand-computed figures: students by assignments
 * (class-students.ts) and "to grade" (to-grade.ts). Attempts and responses are written
 * directly with chosen fractions, so every expected number can be worked out by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { createClass, addToRoster } from '../../src/lib/server/people/classes';
import { createAssignment, type AssignmentSettings } from '../../src/lib/server/quiz/assignments';
import { startLiveSession } from '../../src/lib/server/live/sessions';
import { classStudents } from '../../src/lib/server/results/class-students';
import { toGrade } from '../../src/lib/server/results/to-grade';
import { signUpTeacher } from '../../src/lib/server/people/teachers';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { seedClassroom } from '../fixtures/classroom';

const HOUR = 3600_000;
const now = new Date('2026-11-24T10:00:00Z');
let serial = 0;
const id = () => `t${String(++serial).padStart(23, '0')}`;

describe(`class results on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let teacherId: string;
	let classId: string;
	let quizId: string;
	let students: { id: string; displayName: string }[];
	let written: string[];
	let choice: string[];

	const settings = (opensAt: Date, over: Partial<AssignmentSettings> = {}): AssignmentSettings => ({
		opensAt,
		closesAt: new Date(now.getTime() + HOUR),
		maxAttempts: 3,
		feedback: 'after-submit',
		shuffle: false,
		answersEachAttempt: false,
		...over
	});

	/** An attempt with answers: `right` choice questions right, `wrong` wrong, `toGrade` written answers without a grade, `graded` with fraction 0.5. */
	async function attempt(
		studentId: string,
		at: { assignmentId?: string; liveSessionId?: string },
		answers: { right?: number; wrong?: number; toGrade?: number; graded?: number },
		submitted: boolean,
		/** How long before `now` the first answer was given. */
		since = HOUR
	) {
		const { db, tables: t } = handle;
		const attemptId = id();
		const existing = at.assignmentId
			? await db.select().from(t.attempts).where(eq(t.attempts.assignmentId, at.assignmentId))
			: [];
		const number = at.assignmentId ? existing.filter((x) => x.studentId === studentId).length + 1 : null;
		await db.insert(t.attempts).values({ id: attemptId, quizId, studentId, ...at, number, startedAt: now, submittedAt: null });
		const rows = [];
		let c = 0;
		for (let i = 0; i < (answers.right ?? 0); i++) rows.push({ questionId: choice[c++], fraction: 1, gradedAt: null });
		for (let i = 0; i < (answers.wrong ?? 0); i++) rows.push({ questionId: choice[c++], fraction: 0, gradedAt: null });
		let w = 0;
		for (let i = 0; i < (answers.toGrade ?? 0); i++) rows.push({ questionId: written[w++], fraction: null, gradedAt: null });
		for (let i = 0; i < (answers.graded ?? 0); i++) rows.push({ questionId: written[w++], fraction: 0.5, gradedAt: now });
		if (rows.length) {
			await db.insert(t.responses).values(
				rows.map((r, k) => ({
					id: id(),
					attemptId,
					questionId: r.questionId,
					answer: r.fraction === null || r.gradedAt ? { type: 'text' as const, text: 'My answer.' } : { type: 'choice' as const, value: 'x' },
					certainty: null,
					fraction: r.fraction,
					marks: r.fraction,
					gradedAt: r.gradedAt,
					answeredAt: new Date(now.getTime() - since + k * 1000)
				}))
			);
		}
		// Handed in after answering: the database refuses answers to an attempt handed in.
		if (submitted) await db.update(t.attempts).set({ submittedAt: now }).where(eq(t.attempts.id, attemptId));
		return attemptId;
	}

	beforeEach(async () => {
		handle = await freshDatabase();
		({ teacherId, classId, students, quizId } = await seedClassroom(handle, 'Ana\nBen\nCy'));
		const { db, tables: t } = handle;
		const questions = await db.select().from(t.quizQuestions).where(eq(t.quizQuestions.quizId, quizId)).orderBy(asc(t.quizQuestions.sort));
		written = questions.filter((q) => q.type === 'short-answer').map((q) => q.id);
		choice = questions.filter((q) => q.type !== 'short-answer').map((q) => q.id);
		// The figures below assume the test pack's 20 questions: 18 to choose from and 2 written.
		expect(questions).toHaveLength(20);
		expect([choice.length, written.length]).toEqual([18, 2]);
	});
	afterEach(async () => handle.close());

	it('tabulates students by assignments and live sessions in date order, best attempt, with averages and trends', async () => {
		const [ana, ben, cy] = students;
		const first = await createAssignment(handle, teacherId, classId, quizId, settings(new Date(now.getTime() - 5 * HOUR)), new Date(now.getTime() - 6 * HOUR));
		const second = await createAssignment(handle, teacherId, classId, quizId, settings(new Date(now.getTime() - 3 * HOUR)), new Date(now.getTime() - 6 * HOUR));
		const live = await startLiveSession(handle, teacherId, classId, quizId, { pacing: 'teacher', askCertainty: false, names: 'none' }, new Date(now.getTime() - 2 * HOUR));
		const { db, tables: t } = handle;
		// The session showed 4 questions and ended (its state says which, as commands leave it).
		await db.insert(t.liveQuestions).values(choice.slice(0, 4).map((questionId) => ({ sessionId: live.id, questionId, openedAt: now })));
		const [{ state }] = await db.select({ state: t.liveSessions.state }).from(t.liveSessions).where(eq(t.liveSessions.id, live.id));
		await db.update(t.liveSessions).set({ state: { ...state, phases: { 0: 'revealed', 1: 'revealed', 2: 'revealed', 3: 'revealed' } } }).where(eq(t.liveSessions.id, live.id));

		// First (20 questions). Ana: 10 right, 8 wrong, 2 unanswered → 50%. Ben: 12 right, 2 to grade → 12 / 18 = 67%, 2 to grade.
		await attempt(ana.id, { assignmentId: first }, { right: 10, wrong: 8 }, true);
		await attempt(ben.id, { assignmentId: first }, { right: 12, toGrade: 2 }, true);
		// Second. Ana: 10 right (10 marks, 50%), then 17 right and 2 graded at 0.5 (18 marks): the best, 17 of 20 right (85%):
		// the partly right written answers are named, not counted as right.
		// Ana's third attempt is in progress and would be more: it does not count. Ben: only in progress.
		await attempt(ana.id, { assignmentId: second }, { right: 10 }, true);
		await attempt(ana.id, { assignmentId: second }, { right: 17, graded: 2 }, true);
		await attempt(ana.id, { assignmentId: second }, { right: 18, graded: 2 }, false);
		await attempt(ben.id, { assignmentId: second }, { right: 3 }, false);
		// Live (4 shown). Ana 3 right → 75%; Ben 4 right → 100%; Cy took part, removed, counts nowhere.
		await attempt(ana.id, { liveSessionId: live.id }, { right: 3, wrong: 1 }, true);
		await attempt(ben.id, { liveSessionId: live.id }, { right: 4 }, true);
		const cyPart = await attempt(cy.id, { liveSessionId: live.id }, { right: 4 }, true);
		await db.update(t.attempts).set({ removedAt: now }).where(eq(t.attempts.id, cyPart));
		await db.update(t.liveSessions).set({ endedAt: now }).where(eq(t.liveSessions.id, live.id));

		const { grid, total } = await classStudents(handle, classId, now);
		expect(total).toBe(3);
		expect(grid.columns.map((c) => [c.kind, c.id, c.questions, c.average, c.counted, c.toGrade])).toEqual([
			['assignment', first, 20, 59, 2, 2], // (50 + 67) / 2 = 58.5
			['assignment', second, 20, 85, 1, 0],
			['live', live.id, 4, 88, 2, 0] // (75 + 100) / 2 = 87.5
		]);
		const [rowAna, rowBen, rowCy] = grid.rows;
		expect(rowAna.cells.map((c) => c.accuracy)).toEqual([50, 85, 75]);
		expect(rowAna.cells[1]).toMatchObject({ attempt: 2, figures: { right: 17, partly: 2, counted: 20 } });
		expect(rowAna.average).toBe(70); // (50 + 85 + 75) / 3
		expect(rowAna.trend.words).toBe('up 25 points over the last 3');
		expect(rowBen.cells).toMatchObject([
			{ accuracy: 67, status: 'counted', toGrade: 2 },
			{ accuracy: null, status: 'in progress', toGrade: 0 },
			{ accuracy: 100, status: 'counted', toGrade: 0 }
		]);
		expect(rowBen.trend.words).toBe('up 33 points over the last 2');
		expect(rowCy.cells.map((c) => c.status)).toEqual(['not started', 'not started', 'removed']);
		expect(rowCy.average).toBeNull();

		// The page's bound keeps the latest columns.
		const bounded = await classStudents(handle, classId, now, 2);
		expect(bounded.grid.columns.map((c) => c.id)).toEqual([second, live.id]);
		expect(bounded.total).toBe(3);
		expect(bounded.grid.rows[0].cells.map((c) => c.accuracy)).toEqual([85, 75]);
		expect(bounded.grid.rows[1].cells.map((c) => c.status)).toEqual(['in progress', 'counted']);

		// An assignment past its close counts an attempt left open.
		const later = new Date(now.getTime() + 2 * HOUR);
		expect((await classStudents(handle, classId, later)).grid.rows[1].cells[1]).toMatchObject({ accuracy: 15, status: 'counted', toGrade: 0 }); // 3 / 20
	});

	it('lists written answers to grade per assignment, for the teacher and for one class, and nobody else', async () => {
		const [ana, ben, cy] = students;
		const first = await createAssignment(handle, teacherId, classId, quizId, settings(new Date(now.getTime() - 5 * HOUR)), new Date(now.getTime() - 6 * HOUR));
		const second = await createAssignment(handle, teacherId, classId, quizId, settings(new Date(now.getTime() - 3 * HOUR)), new Date(now.getTime() - 6 * HOUR));
		// First: Ana 2 waiting (in progress counts, as on the grading page), Ben 1 waiting and 1 graded.
		await attempt(ana.id, { assignmentId: first }, { right: 3, toGrade: 2 }, false);
		await attempt(ben.id, { assignmentId: first }, { toGrade: 1, graded: 1 }, true);
		// Second: only graded answers, so it is not listed.
		await attempt(cy.id, { assignmentId: second }, { graded: 2 }, true);
		// Another class of the same teacher, with one waiting.
		const other = (await createClass(handle, teacherId, 'History')).id;
		await addToRoster(handle, teacherId, other, 'Dee');
		const { db, tables: t } = handle;
		const [dee] = await db.select().from(t.students).where(eq(t.students.classId, other));
		const third = await createAssignment(handle, teacherId, other, quizId, settings(new Date(now.getTime() - 4 * HOUR)), new Date(now.getTime() - 6 * HOUR));
		await attempt(dee.id, { assignmentId: third }, { toGrade: 1 }, true, 2 * HOUR);

		// Longest waiting first: Dee's answer is an hour older than any in Civics.
		const all = await toGrade(handle, teacherId);
		expect(all.map((r) => [r.assignmentId, r.className, r.answers, r.students])).toEqual([
			[third, 'History', 1, 1],
			[first, 'Civics', 3, 2]
		]);
		expect(all[0].quizTitle.length).toBeGreaterThan(0);
		expect((await toGrade(handle, teacherId, other)).map((r) => [r.assignmentId, r.answers])).toEqual([[third, 1]]);
		// Another teacher sees none of it, even naming the class.
		const bo = await signUpTeacher(handle, { name: 'Bo', email: 'bo@school.test', password: 'quiet meadow copper' }, null);
		expect(await toGrade(handle, bo.id)).toEqual([]);
		expect(await toGrade(handle, bo.id, classId)).toEqual([]);
	});
});
