/**
 * The per-question and per-student dashboards' queries against a small classroom whose
 * figures are worked out by hand (see each expectation), on the engine under test.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/database';
import type { ContentPack } from '../../src/lib/server/content/read-pack';
import { createAssignment, saveAssignmentAnswer, startAttempt, submitAssignmentAttempt, teacherAssignment } from '../../src/lib/server/quiz/assignments';
import { gradeWrittenAnswer } from '../../src/lib/server/quiz/results';
import { dashboardScope, type Dashboard } from '../../src/lib/server/results/dashboard';
import { choiceCounts, optionTally, questionFigures, resultsVersion } from '../../src/lib/server/results/question-queries';
import { questionResults, resultsOverview } from '../../src/lib/server/results/question-results';
import { resultsTopic, RESULTS_SIGNAL_MS } from '../../src/lib/server/results/results-signal';
import { studentHistory, studentResults } from '../../src/lib/server/results/student-results';
import { answerLive, commandLiveSession, startLiveSession, teacherLiveSession } from '../../src/lib/server/live/sessions';
import { studentLiveContext } from '../../src/lib/server/live/student-live';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { seedClassroom } from '../fixtures/classroom';
import { refusal } from '../fixtures/refusal';

const HOUR = 3600_000;
const now = new Date('2026-11-24T10:00:00Z');

describe(`results by question and by student on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;
	let teacherId: string;
	let classId: string;
	let students: { id: string; displayName: string }[];
	let scope: Dashboard;
	type Q = Dashboard['questions'][number];
	let q1: Q, q3: Q, fe: Q, mr: Q, sa: Q;

	beforeAll(() => {
		// The pack's quiz: Q1 and Q3 multiple choice (a right), Q2 find the evidence, a
		// multiple response with a, b, c right of five, and short answers.
		expect(RESULTS_SIGNAL_MS).toBeGreaterThan(0);
	});

	beforeEach(async () => {
		handle = await freshDatabase();
		({ pack, teacherId, classId, students } = await seedClassroom(handle, 'Ana\nBen\nCy\nDee\nEve\nFay'));
		const quizId = `mexico-says-no-to-us-troops/quiz-${pack.quiz!.id}`;
		const id = await createAssignment(
			handle,
			teacherId,
			classId,
			quizId,
			{ opensAt: new Date(now.getTime() - HOUR), closesAt: new Date(now.getTime() + HOUR), maxAttempts: 1, feedback: 'after-submit', shuffle: false, answersEachAttempt: false },
			now
		);
		scope = await dashboardScope(handle, teacherId, 'assignment', id);
		const qs = scope.questions;
		[q1, fe, q3] = qs;
		mr = qs.find((q) => q.type === 'multiple-response')!;
		sa = qs.find((q) => q.type === 'short-answer')!;
		expect([q1.type, fe.type, q3.type]).toEqual(['multiple-choice', 'find-evidence', 'multiple-choice']);
		expect(mr.options!.filter((o) => o.correct).map((o) => o.value)).toEqual(['a', 'b', 'c']);

		const { assignment } = await teacherAssignment(handle, teacherId, classId, id);
		const text = pack.text.length;
		const key = fe.evidence![0];
		const [ana, ben, cy, dee, eve, fay] = students;
		const answer = async (student: { id: string }, q: Q, input: Parameters<typeof saveAssignmentAnswer>[4]) => {
			const attempt = await startAttempt(handle, student.id, assignment, now);
			await saveAssignmentAnswer(handle, assignment, attempt, q, input, text, now);
			return attempt;
		};
		// Q1: a (right) by Ana 3, Ben 2, Eve 3; b by Cy 3 and Dee 1; c by Fay 3.
		await answer(ana, q1, { choices: ['a'], certainty: 3 });
		await answer(ben, q1, { choices: ['a'], certainty: 2 });
		await answer(cy, q1, { choices: ['b'], certainty: 3 });
		await answer(dee, q1, { choices: ['b'], certainty: 1 });
		await answer(eve, q1, { choices: ['a'], certainty: 3 });
		await answer(fay, q1, { choices: ['c'], certainty: 3 });
		// Q3: right for Ana, Ben, Cy, Fay; wrong for Dee and Eve; all not sure (1 or 0 marks).
		for (const [s, choice] of [[ana, 'a'], [ben, 'a'], [cy, 'a'], [dee, 'b'], [eve, 'b'], [fay, 'a']] as const) await answer(s, q3, { choices: [choice], certainty: 1 });
		// Multiple response: Ana a b c (1), Ben a (1/3), Cy d (0).
		await answer(ana, mr, { choices: ['a', 'b', 'c'], certainty: 1 });
		await answer(ben, mr, { choices: ['a'], certainty: 1 });
		await answer(cy, mr, { choices: ['d'], certainty: 1 });
		// Find the evidence: Ana the key words (right), Ben three characters of them (a near
		// miss), Cy the article's last five characters (wrong).
		await answer(ana, fe, { span: { start: key.start, end: key.end }, certainty: 1 });
		await answer(ben, fe, { span: { start: key.start, end: key.start + 3 }, certainty: 1 });
		await answer(cy, fe, { span: { start: text - 5, end: text }, certainty: 1 });
		// A written answer from Ana, waiting for the teacher; Ana hands in.
		const anaAttempt = await answer(ana, sa, { text: 'The writer says so, not Kelly.', certainty: sa.certainty ? 1 : null });
		await submitAssignmentAttempt(handle, assignment, anaAttempt, now);
	});
	afterEach(async () => handle.close());

	it('counts each option, right, certainty and the confidently wrong per question', async () => {
		const figures = await questionFigures(handle, scope);
		expect(figures.get(q1.id)).toMatchObject({ answered: 6, right: 3, wrong: 3, partly: 0, awaiting: 0, certain: 6, certaintySum: 15, confidentlyWrong: 2 });
		expect(figures.get(mr.id)).toMatchObject({ answered: 3, right: 1, partly: 1, wrong: 1 });
		expect(figures.get(sa.id)).toMatchObject({ answered: 1, awaiting: 1 });
		const counts = await choiceCounts(handle, scope);
		expect(Object.fromEntries(optionTally(['a', 'b', 'c', 'd'], counts.filter((c) => c.questionId === q1.id)))).toEqual({ a: 3, b: 2, c: 1, d: 0 });
		// Multiple response from `choices`: a by Ana and Ben, b and c by Ana, d by Cy.
		expect(Object.fromEntries(optionTally(['a', 'b', 'c', 'd', 'e'], counts.filter((c) => c.questionId === mr.id)))).toEqual({ a: 2, b: 1, c: 1, d: 1, e: 0 });
	});

	it('letters a chart only for options: written answers say graded and waiting, found words right and wrong', async () => {
		const rows = await resultsOverview(handle, scope);
		const byId = new Map(rows.map((r) => [r.id, r]));
		// Every kind of question in the quiz: a chart of lettered options only where there are options.
		for (const row of rows) expect(row.chart, row.type).toBe(row.type !== 'short-answer' && row.type !== 'find-evidence');
		expect(byId.get(sa.id)!.bars.map((b) => [b.label, b.count])).toEqual([
			['Graded', 0],
			['Waiting to be graded', 1]
		]);
		expect(byId.get(fe.id)!.bars.map((b) => [b.label, b.count])).toEqual([
			['Right', 1],
			['Wrong', 2]
		]);
		// Each question's "right" in the one accuracy form: right of the graded answers given.
		expect(byId.get(mr.id)!.accuracy).toMatchObject({ right: 1, partly: 1, counted: 3, percent: 33 });
		expect(byId.get(sa.id)!.accuracy).toMatchObject({ right: 0, awaiting: 1, counted: 0, percent: null });
	});

	it('works out facility and discrimination in the database as by hand', async () => {
		const rows = await resultsOverview(handle, scope);
		const row = rows.find((r) => r.id === q1.id)!;
		expect(row.percentRight).toBe(50);
		expect(row.averageCertainty).toBe(2.5); // (3+2+3+1+3+3) / 6
		expect(row.facility.value).toBe(0.5);
		// x = 1,1,0,0,1,0; rest of the quiz y = 3, 4/3, 1, 0, 0, 1 (Ana: Q3 + MR + evidence; Ben:
		// Q3 + 1/3; the written answer waits, so counts 0): n·Σxy − ΣxΣy = 26 − 19 = 7;
		// n·Σx² − (Σx)² = 9; n·Σy² − (Σy)² = 690/9 − 361/9 = 329/9; r = 7/√329.
		expect(row.discrimination.value).toBeCloseTo(7 / Math.sqrt(329), 10);
		expect(row.bars.map((b) => [b.key, b.count, b.correct])).toEqual([
			['a', 3, true],
			['b', 2, false],
			['c', 1, false],
			['d', 0, false]
		]);
		// Three answers are too few for the statistics.
		expect(rows.find((r) => r.id === mr.id)!.facility).toMatchObject({ value: null, reason: expect.stringMatching(/Not enough answers/) });
		expect(rows.find((r) => r.id === sa.id)!.bars.map((b) => b.count)).toEqual([0, 1]);
	});

	it('opens a question to who chose each option, and finds the evidence near misses', async () => {
		const q = (await questionResults(handle, scope, q1.id))!;
		expect(q.groups.map((g) => [g.key, g.students.map((s) => s.name)])).toEqual([
			['a', ['Ana', 'Ben', 'Eve']],
			['b', ['Cy', 'Dee']],
			['c', ['Fay']],
			['d', []]
		]);
		expect(q.groups[1].students[0]).toMatchObject({ certainty: 'Very sure', marks: -6, fraction: 0 });
		const evidence = (await questionResults(handle, scope, fe.id))!;
		expect(evidence.bars.map((b) => [b.key, b.count])).toEqual([
			['right', 1],
			['partly', 1],
			['wrong', 1]
		]);
		expect(evidence.groups.find((g) => g.key === 'partly')!.students.map((s) => s.name)).toEqual(['Ben']);
		const multiple = (await questionResults(handle, scope, mr.id))!;
		expect(multiple.groups.find((g) => g.key === 'a')!.students.map((s) => s.name)).toEqual(['Ana', 'Ben']);
		expect(await questionResults(handle, scope, 'no-such-question')).toBeNull();
	});

	it('shows a student what they chose, the marks, accuracy apart from the score, and what they were shown', async () => {
		const [ana, , cy] = students;
		const n = scope.questions.length;
		const min = scope.questions.reduce((s, q) => s + (q.certainty ? -6 : 0), 0);
		const max = scope.questions.reduce((s, q) => s + (q.certainty ? 3 : 1), 0);
		// Cy: Q1 very sure and wrong (−6), Q3 right not sure (1), the rest wrong not sure (0).
		const c = await studentResults(handle, scope, cy.id, null, now);
		expect(c.accuracy).toBe(`1 of ${n} right (${Math.round(100 / n)}%)`);
		expect(c.score).toBe(`Certainty-based score: −5 (range −${-min} to ${max})`);
		expect(c.questions[0]).toMatchObject({ answer: expect.any(String), certainty: 'Very sure', marks: -6, verdict: { words: 'Not right' }, seen: null });
		// Feedback after submitting: Cy has not, so saw nothing; Ana has, with no attempts left, so saw the right answers.
		const a = await studentResults(handle, scope, ana.id, null, now);
		expect(a.questions[0].seen).toMatchObject({ rightAnswers: true, fraction: 1 });
		expect(a.questions[0].seen!.options.filter((o) => o.correct).map((o) => o.value)).toEqual(['a']);
		expect(a.questions.find((q) => q.id === fe.id)!.answer).toMatch(/^“/);
		expect(a.questions.find((q) => q.id === sa.id)).toMatchObject({ answer: 'The writer says so, not Kelly.', awaiting: true });
		const history = await studentHistory(handle, scope, ana.id);
		expect(history).toHaveLength(1);
		expect(history[0]).toMatchObject({ here: true, label: 'This assignment, attempt 1' });
		expect(history[0].accuracy).toBe(a.accuracy);
		// Another class's student, or none, is a 404.
		expect((await refusal(studentResults(handle, scope, 'nobody', null, now))).status).toBe(404);
	});

	it('signals open dashboards when an answer is saved or graded, and the version moves', async () => {
		const before = await resultsVersion(handle, scope);
		const heard: string[] = [];
		const stop = await handle.pubsub.subscribe(resultsTopic(scope), { message: (m) => heard.push(m) });
		const { assignment } = await teacherAssignment(handle, teacherId, classId, scope.id);
		const dee = students[3];
		const attempt = await startAttempt(handle, dee.id, assignment, now);
		await saveAssignmentAnswer(handle, assignment, attempt, mr, { choices: ['e'], certainty: 1 }, pack.text.length, now);
		await expect.poll(() => heard.length, { timeout: 5000 }).toBeGreaterThan(0);
		expect(heard[0]).toMatch(/^s:/);
		expect(await resultsVersion(handle, scope)).not.toBe(before);

		// Grading a written answer signals too (after the coalescing interval).
		const count = heard.length;
		const [written] = await handle.db
			.select({ id: handle.tables.responses.id, answeredAt: handle.tables.responses.answeredAt })
			.from(handle.tables.responses)
			.where(eq(handle.tables.responses.questionId, sa.id))
			.orderBy(asc(handle.tables.responses.id));
		await gradeWrittenAnswer(handle, assignment, written.id, [0], '', written.answeredAt.getTime(), now);
		await expect.poll(() => heard.length, { timeout: 5000 }).toBeGreaterThan(count);
		stop();
	});

	it('counts a live session, and shows each student what the session revealed to them', async () => {
		const quizId = scope.quizId;
		const session = await startLiveSession(handle, teacherId, classId, quizId, { pacing: 'teacher', askCertainty: true, names: 'none' });
		const command = async (type: 'start' | 'reveal' | 'lock') => {
			const { version } = await teacherLiveSession(handle, teacherId, session.id);
			await commandLiveSession(handle, teacherId, session.id, version, { type } as Parameters<typeof commandLiveSession>[4]);
		};
		await command('start');
		const live = await dashboardScope(handle, teacherId, 'live', session.id);
		const heard: string[] = [];
		const stop = await handle.pubsub.subscribe(resultsTopic(live), { message: (m) => heard.push(m) });
		const me = (i: number) => ({ id: students[i].id, displayName: students[i].displayName, classId, className: 'Civics' });
		// Q1 live: Ana right and very sure, Ben wrong and very sure.
		for (const [i, choice] of [[0, 'a'], [1, 'b']] as const) {
			await studentLiveContext(handle, [me(i)], session.id);
			await answerLive(handle, me(i), session.id, q1.id, { choices: [choice], certainty: 3 }, pack.text.length);
		}
		await expect.poll(() => heard.length, { timeout: 5000 }).toBeGreaterThan(0);
		stop();
		// The assignment's six answers to Q1 do not count here.
		const row = (await resultsOverview(handle, live)).find((r) => r.id === q1.id)!;
		expect(row).toMatchObject({ answered: 2, right: 1, confidentlyWrong: 1, percentRight: 50 });
		// Before the reveal Ben has seen nothing; after it, his result and the right answer.
		expect((await studentResults(handle, live, students[1].id, null, now)).questions[0].seen).toBeNull();
		await command('lock');
		await command('reveal');
		const ben = await studentResults(handle, await dashboardScope(handle, teacherId, 'live', session.id), students[1].id, null, now);
		expect(ben.questions[0]).toMatchObject({ marks: -6, seen: { rightAnswers: true } });
		// His attempts at the quiz: the assignment's and this session's, oldest first.
		const history = await studentHistory(handle, live, students[1].id);
		expect(history.map((h) => h.label)).toEqual(['Another assignment, attempt 1', 'This live session']);
	});

	// Several app servers exist only on PostgreSQL (SQLite is one server per file).
	if (ENGINE === 'postgres')
		it('reaches a dashboard open on a second app server (LISTEN/NOTIFY)', async () => {
		const second = await openDatabase(process.env.TEST_DATABASE_URL);
		try {
			const heard: string[] = [];
			await second.pubsub.subscribe(resultsTopic(scope), { message: (m) => heard.push(m) });
			const { assignment } = await teacherAssignment(handle, teacherId, classId, scope.id);
			const attempt = await startAttempt(handle, students[4].id, assignment, now);
			await saveAssignmentAnswer(handle, assignment, attempt, mr, { choices: ['a'], certainty: 1 }, pack.text.length, now);
			await expect.poll(() => heard.length, { timeout: 5000 }).toBeGreaterThan(0);
			// The second server reads the new answer from the shared database.
			expect(await resultsVersion(second, scope)).toBe(await resultsVersion(handle, scope));
			expect((await questionFigures(second, scope)).get(mr.id)!.answered).toBe(4);
		} finally {
			await second.close();
		}
	});

	it('is the teacher’s only', async () => {
		expect((await refusal(dashboardScope(handle, 'someone-else', 'assignment', scope.id))).status).toBe(404);
	});
});
