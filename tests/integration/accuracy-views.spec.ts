/**
 * One attempt, one accuracy figure: the same attempt read through every view that shows
 * accuracy (the student's own score lines, the assignment's table and its CSV, the
 * dashboard's student page and its history, students by assignments and its CSV) gives the
 * same words and the same numbers, over the real queries. Answers are written directly,
 * with chosen fractions and marks, so the figure can be worked out by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { asc, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { createAssignment } from '../../src/lib/server/quiz/assignments';
import { assignmentResults } from '../../src/lib/server/quiz/results';
import { responsesOf } from '../../src/lib/server/quiz/question-views';
import { startLiveSession } from '../../src/lib/server/live/sessions';
import { studentLiveContext, studentLiveView } from '../../src/lib/server/live/student-live';
import { dashboardScope } from '../../src/lib/server/results/dashboard';
import { studentHistory, studentResults } from '../../src/lib/server/results/student-results';
import { classStudents } from '../../src/lib/server/results/class-students';
import { resultsCsv } from '../../src/lib/quiz/results-table';
import { cellWords, classGridCsv } from '../../src/lib/results/class-grid';
import { accuracyWords as summaryWords, summariseScores } from '../../src/lib/results/score-summary';
import { accuracyWords } from '../../src/lib/results/accuracy';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { seedClassroom } from '../fixtures/classroom';

const HOUR = 3600_000;
const now = new Date('2026-11-24T10:00:00Z');
let serial = 0;
const id = () => `v${String(++serial).padStart(23, '0')}`;

type Answer = { q: string; fraction: number | null; marks: number | null; certainty: number | null };

describe(`one accuracy figure in every view, on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let teacherId: string;
	let classId: string;
	let quizId: string;
	let ana: { id: string; displayName: string; classId: string };
	let choice: string[];
	let written: string[];
	let quizQuestions: { id: string; certainty: boolean }[];

	async function attempt(at: { assignmentId?: string; liveSessionId?: string }, number: number | null, answers: Answer[]) {
		const { db, tables: t } = handle;
		const attemptId = id();
		await db.insert(t.attempts).values({ id: attemptId, quizId, studentId: ana.id, ...at, number, startedAt: new Date(now.getTime() - HOUR + (number ?? 0) * 1000), submittedAt: null });
		await db.insert(t.responses).values(
			answers.map((a, k) => ({
				id: id(),
				attemptId,
				questionId: a.q,
				answer: written.includes(a.q) ? { type: 'text' as const, text: 'My answer.' } : { type: 'choice' as const, value: 'x' },
				certainty: a.certainty,
				fraction: a.fraction,
				marks: a.marks,
				gradedAt: written.includes(a.q) && a.fraction !== null ? now : null,
				answeredAt: new Date(now.getTime() - HOUR + k * 1000)
			}))
		);
		await db.update(t.attempts).set({ submittedAt: now }).where(eq(t.attempts.id, attemptId));
		return attemptId;
	}

	beforeEach(async () => {
		handle = await freshDatabase();
		const seeded = await seedClassroom(handle, 'Ana\nBen');
		({ teacherId, classId, quizId } = seeded);
		ana = { ...seeded.students[0], classId };
		const { db, tables: t } = handle;
		const questions = await db.select().from(t.quizQuestions).where(eq(t.quizQuestions.quizId, quizId)).orderBy(asc(t.quizQuestions.sort));
		quizQuestions = questions;
		written = questions.filter((q) => q.type === 'short-answer').map((q) => q.id);
		choice = questions.filter((q) => q.type !== 'short-answer').map((q) => q.id);
		// The figures below assume the test pack's 20 questions: 18 to choose from and 2 written.
		expect([choice.length, written.length]).toEqual([18, 2]);
	});
	afterEach(async () => handle.close());

	it('gives an assignment attempt the same accuracy on the student’s page, the assignment’s table, the dashboard and the class grid', async () => {
		const assignmentId = await createAssignment(
			handle,
			teacherId,
			classId,
			quizId,
			{ opensAt: new Date(now.getTime() - 2 * HOUR), closesAt: new Date(now.getTime() + HOUR), maxAttempts: 2, feedback: 'after-submit', shuffle: false, answersEachAttempt: false },
			new Date(now.getTime() - 3 * HOUR)
		);
		// Attempt 1: 10 right and 8 wrong, not sure: 10 marks, 10 of 20 right (50%).
		await attempt({ assignmentId }, 1, [
			...choice.slice(0, 10).map((q) => ({ q, fraction: 1, marks: 1, certainty: 1 })),
			...choice.slice(10, 18).map((q) => ({ q, fraction: 0, marks: 0, certainty: 1 }))
		]);
		// Attempt 2: 9 right very sure (27), 1 wrong very sure (−6), 8 unanswered, a written answer graded
		// half right (0.5) and one still to grade: 21.5 marks, so it is the attempt that counts, though
		// fewer were right. Accuracy: 9 right of 19 (20 less the 1 to grade), 1 partly right: 47%.
		const second = await attempt({ assignmentId }, 2, [
			...choice.slice(0, 9).map((q) => ({ q, fraction: 1, marks: 3, certainty: 3 })),
			{ q: choice[9], fraction: 0, marks: -6, certainty: 3 },
			{ q: written[0], fraction: 0.5, marks: 0.5, certainty: null },
			{ q: written[1], fraction: null, marks: null, certainty: null }
		]);
		const expected = '9 of 19 right, 1 partly right (47%)';

		// The student's own score lines (the route sums the attempt's responses over the quiz's questions).
		const own = summariseScores([...(await responsesOf(handle, second)).values()], quizQuestions);
		expect(summaryWords(own)).toBe(expected);
		// The score's range spans the same questions: the quiz's, less the written answer to grade.
		const waiting = quizQuestions.find((q) => q.id === written[1])!;
		const range = quizQuestions.filter((q) => q !== waiting).reduce((r, q) => ({ lowest: r.lowest + (q.certainty ? -6 : 0), highest: r.highest + (q.certainty ? 3 : 1) }), { lowest: 0, highest: 0 });
		expect(own.score).toEqual({ marks: 21.5, ...range });

		// The assignment's table and its CSV: the same attempt counts, with the same figure.
		const a = (await handle.db.select().from(handle.tables.assignments).where(eq(handle.tables.assignments.id, assignmentId)))[0];
		const table = await assignmentResults(handle, a, now);
		const row = table.rows.find((r) => r.studentId === ana.id)!;
		expect(row.counted?.number).toBe(2);
		expect(accuracyWords(row.accuracy!)).toBe(expected);
		expect({ marks: row.marks, highest: row.max }).toEqual({ marks: 21.5, highest: range.highest });
		const csv = Papa.parse<Record<string, string>>(resultsCsv(table.questions, table.rows).slice(1), { header: true }).data;
		expect(csv.find((r) => r.student === 'Ana')).toMatchObject({ 'attempt counted': '2', right: '9', counted: '19', 'accuracy %': '47' });

		// The dashboard's student page, on the attempt the table counts, and the attempt in their history.
		const scope = await dashboardScope(handle, teacherId, 'assignment', assignmentId);
		const page = await studentResults(handle, scope, ana.id, 2, now);
		expect(page.accuracy).toBe(expected);
		expect(page.summary.accuracy).toMatchObject({ right: 9, partly: 1, awaiting: 1, counted: 19, percent: 47 });
		expect(page.summary).toMatchObject({ score: 21.5, min: range.lowest, max: range.highest });
		const history = await studentHistory(handle, scope, ana.id);
		expect(history.map((h) => h.accuracy)).toEqual(['10 of 20 right (50%)', expected]);
		expect(history[1].score).toBe(page.score);

		// Students by assignments and its CSV: the same attempt, the same figure, and the link opens it.
		const { grid } = await classStudents(handle, classId, now);
		const cell = grid.rows.find((r) => r.studentId === ana.id)!.cells[0];
		expect(cell).toMatchObject({ accuracy: 47, attempt: 2, toGrade: 1 });
		expect(cellWords(cell)).toBe(`${expected}, 1 to grade`);
		expect(classGridCsv(grid)).toContain(`"${expected}, 1 to grade"`);
	});

	it('gives a live session’s part the same accuracy on the student’s end screen, the dashboard and the class grid', async () => {
		const live = await startLiveSession(handle, teacherId, classId, quizId, { pacing: 'teacher', askCertainty: true, names: 'none' }, new Date(now.getTime() - HOUR));
		const { db, tables: t } = handle;
		// The session showed and revealed its first 4 questions, then ended.
		const [{ state }] = await db.select({ state: t.liveSessions.state }).from(t.liveSessions).where(eq(t.liveSessions.id, live.id));
		const phases = { 0: 'revealed', 1: 'revealed', 2: 'revealed', 3: 'revealed' } as const;
		await db.update(t.liveSessions).set({ state: { ...state, stage: 'ended', current: 3, phases } }).where(eq(t.liveSessions.id, live.id));
		await db.insert(t.liveQuestions).values(choice.slice(0, 4).map((questionId) => ({ sessionId: live.id, questionId, openedAt: now })));
		// Ana: 2 right, 1 wrong, 1 of the 4 shown left unanswered: 2 of 4 right (50%).
		await attempt({ liveSessionId: live.id }, null, [
			{ q: choice[0], fraction: 1, marks: 3, certainty: 3 },
			{ q: choice[1], fraction: 1, marks: 1, certainty: 1 },
			{ q: choice[2], fraction: 0, marks: -2, certainty: 2 }
		]);
		await db.update(t.liveSessions).set({ endedAt: now }).where(eq(t.liveSessions.id, live.id));
		const expected = '2 of 4 right (50%)';

		const view = await studentLiveView(handle, await studentLiveContext(handle, [{ ...ana, className: 'Civics' }], live.id), null);
		expect(view.screen.kind).toBe('ended');
		expect(summaryWords(view.summary!)).toBe(expected);
		// The score: 2 marks on the 4 shown questions' range, in both views.
		const shownRange = quizQuestions.slice(0, 4).reduce((r, q) => ({ lowest: r.lowest + (q.certainty ? -6 : 0), highest: r.highest + (q.certainty ? 3 : 1) }), { lowest: 0, highest: 0 });
		expect(view.summary!.score).toEqual({ marks: 2, ...shownRange });

		const scope = await dashboardScope(handle, teacherId, 'live', live.id);
		const page = await studentResults(handle, scope, ana.id, null, now);
		expect(page.accuracy).toBe(expected);
		expect(page.summary).toMatchObject({ score: 2, min: shownRange.lowest, max: shownRange.highest });
		expect((await studentHistory(handle, scope, ana.id)).map((h) => [h.accuracy, h.score])).toEqual([[expected, page.score]]);

		const { grid } = await classStudents(handle, classId, now);
		expect(cellWords(grid.rows.find((r) => r.studentId === ana.id)!.cells[0])).toBe(expected);
	});
});
