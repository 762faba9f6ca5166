import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import type { ContentPack } from '../../src/lib/server/content/read-pack';
import { signUpTeacher } from '../../src/lib/server/people/teachers';
import { createClass, exportClass } from '../../src/lib/server/people/classes';
import {
	attemptsAt,
	createAssignment,
	ownAttempt,
	questionOrder,
	reviewPolicyFor,
	saveAssignmentAnswer,
	startAttempt,
	submitAssignmentAttempt,
	teacherAssignment,
	updateAssignment,
	type AssignmentSettings
} from '../../src/lib/server/quiz/assignments';
import { assignmentResults, gradeWrittenAnswer } from '../../src/lib/server/quiz/results';
import { feedbackView } from '../../src/lib/server/quiz/question-views';
import { readSettings } from '../../src/lib/server/quiz/assignment-form';
import { loadReaderArticle } from '../../src/lib/server/articles/reader';
import { toLocalInput } from '../../src/lib/server/local-time';
import { SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { seedClassroom } from '../fixtures/classroom';
import { refusal } from '../fixtures/refusal';

const HOUR = 3600_000;

describe(`assignments on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;
	let teacherId: string;
	let classId: string;
	let students: { id: string; displayName: string }[];
	const quizId = () => `${SLUG}/quiz-${pack.quiz!.id}`;
	const now = new Date('2026-11-24T10:00:00Z');
	const settings = (over: Partial<AssignmentSettings> = {}): AssignmentSettings => ({
		opensAt: new Date(now.getTime() - HOUR),
		closesAt: new Date(now.getTime() + HOUR),
		maxAttempts: 1,
		feedback: 'after-submit',
		shuffle: false,
		answersEachAttempt: false,
		...over
	});

	async function questions() {
		const { db, tables: t } = handle;
		return db.select().from(t.quizQuestions).where(eq(t.quizQuestions.quizId, quizId())).orderBy(asc(t.quizQuestions.sort));
	}
	async function assignment(over: Partial<AssignmentSettings> = {}, createdAt = now) {
		const id = await createAssignment(handle, teacherId, classId, quizId(), settings(over), createdAt);
		return (await teacherAssignment(handle, teacherId, classId, id)).assignment;
	}
	/** The right option value of a single-choice question. */
	const rightChoice = (q: Awaited<ReturnType<typeof questions>>[number]) => q.options!.find((o) => o.correct)!.value;

	beforeEach(async () => {
		handle = await freshDatabase();
		({ pack, teacherId, classId, students } = await seedClassroom(handle));
	});
	afterEach(async () => handle.close());

	it('refuses rules that cannot work, and quizzes or classes that are not the teacher’s', async () => {
		expect((await refusal(createAssignment(handle, teacherId, classId, quizId(), settings({ opensAt: new Date(now.getTime() + 2 * HOUR), closesAt: new Date(now.getTime() + HOUR) }), now))).message).toMatch(/after the opening/);
		expect((await refusal(createAssignment(handle, teacherId, classId, quizId(), settings({ maxAttempts: 0 }), now))).status).toBe(400);
		expect((await refusal(createAssignment(handle, teacherId, classId, 'no-such-quiz', settings(), now))).status).toBe(404);
		const other = await signUpTeacher(handle, { name: 'Bo', email: 'bo@school.test', password: 'quiet meadow copper' }, null);
		expect((await refusal(createAssignment(handle, other.id, classId, quizId(), settings(), now))).status).toBe(404);
		expect((await refusal(teacherAssignment(handle, other.id, classId, (await assignment()).id))).status).toBe(404);
	});

	it('opens and closes on time, and counts attempts', async () => {
		const early = await assignment({ opensAt: new Date(now.getTime() + HOUR), closesAt: new Date(now.getTime() + 2 * HOUR) });
		expect((await refusal(startAttempt(handle, students[0].id, early, now))).message).toMatch(/not opened/);
		// Set while it was still to close.
		const late = await assignment({ opensAt: new Date(now.getTime() - 2 * HOUR), closesAt: new Date(now.getTime() - HOUR) }, new Date(now.getTime() - 3 * HOUR));
		expect((await refusal(startAttempt(handle, students[0].id, late, now))).message).toMatch(/closed/);

		const a = await assignment({ maxAttempts: 2 });
		const first = await startAttempt(handle, students[0].id, a, now);
		// Starting again while one is in progress resumes it (a second device, a double click).
		expect((await startAttempt(handle, students[0].id, a, now)).id).toBe(first.id);
		await submitAssignmentAttempt(handle, a, first, now);
		const second = await startAttempt(handle, students[0].id, a, now);
		expect(second.number).toBe(2);
		await submitAssignmentAttempt(handle, a, second, now);
		expect((await refusal(startAttempt(handle, students[0].id, a, now))).message).toMatch(/used all 2 attempts/);
		expect(await attemptsAt(handle, students[0].id, a.id)).toHaveLength(2);
	});

	it('keeps attempts a close handed in handed in when the teacher reopens the assignment', async () => {
		const a = await assignment({ maxAttempts: 2 });
		const x = await startAttempt(handle, students[0].id, a, now);
		const later = new Date(a.closesAt.getTime() + HOUR);
		await updateAssignment(handle, teacherId, classId, a.id, { ...settings({ maxAttempts: 2 }), closesAt: new Date(later.getTime() + HOUR) }, later);
		const [closed] = await attemptsAt(handle, students[0].id, a.id);
		expect(closed.submittedAt).toEqual(a.closesAt);
		// A new attempt can start (one is left), but the closed one does not come back.
		const reopened = (await teacherAssignment(handle, teacherId, classId, a.id)).assignment;
		expect((await startAttempt(handle, students[0].id, reopened, later)).id).not.toBe(x.id);
	});

	it('refuses a closing time already past, and changes that would upset attempts under way', async () => {
		expect((await refusal(createAssignment(handle, teacherId, classId, quizId(), settings({ opensAt: new Date(0), closesAt: new Date(1000) }), now))).message).toMatch(/already passed/);
		const a = await assignment();
		await startAttempt(handle, students[0].id, a, now);
		expect((await refusal(updateAssignment(handle, teacherId, classId, a.id, settings({ shuffle: true }), now))).status).toBe(409);
		const later = { opensAt: new Date(now.getTime() + HOUR), closesAt: new Date(now.getTime() + 2 * HOUR) };
		expect((await refusal(updateAssignment(handle, teacherId, classId, a.id, settings(later), now))).message).toMatch(/cannot move into the future/);
		await updateAssignment(handle, teacherId, classId, a.id, settings({ maxAttempts: 3 }), now);
	});

	it('makes one attempt when two starts race, never one too many', async () => {
		const a = await assignment();
		const made = await Promise.all([1, 2, 3].map(() => startAttempt(handle, students[0].id, a, now)));
		expect(new Set(made.map((m) => m.id)).size).toBe(1);
		expect(await attemptsAt(handle, students[0].id, a.id)).toHaveLength(1);
	});

	it('saves answers idempotently, resumes them, and refuses saves after closing or submitting', async () => {
		const a = await assignment();
		const [q1, q2] = (await questions()).filter((q) => q.type === 'who-said-it' || q.type === 'whose-voice');
		const x = await startAttempt(handle, students[0].id, a, now);
		const answer = (q: typeof q1) => ({ choices: [rightChoice(q)], certainty: q.certainty ? (3 as const) : null });
		await saveAssignmentAnswer(handle, a, x, q1, answer(q1), pack.text.length, now);
		await saveAssignmentAnswer(handle, a, x, q1, answer(q1), pack.text.length, now);
		// Until submission, an answer can change: still one response.
		const wrong = q2.options!.find((o) => !o.correct)!.value;
		await saveAssignmentAnswer(handle, a, x, q2, { choices: [wrong], certainty: q2.certainty ? 1 : null }, pack.text.length, now);
		await saveAssignmentAnswer(handle, a, x, q2, answer(q2), pack.text.length, now);
		const rows = await handle.db.select().from(handle.tables.responses).where(eq(handle.tables.responses.attemptId, x.id));
		expect(rows).toHaveLength(2);
		expect(rows.every((r) => r.fraction === 1)).toBe(true);
		// Resume: the same attempt, with its answers, from anywhere.
		expect((await startAttempt(handle, students[0].id, a, now)).id).toBe(x.id);

		const after = new Date(a.closesAt.getTime() + 1);
		expect((await refusal(saveAssignmentAnswer(handle, a, x, q1, answer(q1), pack.text.length, after))).status).toBe(409);
		await submitAssignmentAttempt(handle, a, x, now);
		const [submitted] = await attemptsAt(handle, students[0].id, a.id);
		expect((await refusal(saveAssignmentAnswer(handle, a, submitted, q1, answer(q1), pack.text.length, now))).message).toMatch(/submitted/);
	});

	it('refuses an option that is not part of the question, and another student’s attempt', async () => {
		const a = await assignment();
		const [q] = await questions();
		const x = await startAttempt(handle, students[0].id, a, now);
		expect((await refusal(saveAssignmentAnswer(handle, a, x, q, { choices: ['zz'], certainty: 2 }, pack.text.length, now))).status).toBe(400);
		expect((await refusal(ownAttempt(handle, students[1].id, a.id, x.id))).status).toBe(403);
		expect((await ownAttempt(handle, students[0].id, a.id, x.id)).id).toBe(x.id);
		const saved = await handle.db.select().from(handle.tables.responses);
		expect(saved).toHaveLength(0);
	});

	it('locks the first answer when feedback shows after each question', async () => {
		const a = await assignment({ feedback: 'each-question' });
		const q = (await questions()).find((q) => q.type === 'who-said-it')!;
		const x = await startAttempt(handle, students[0].id, a, now);
		await saveAssignmentAnswer(handle, a, x, q, { choices: [rightChoice(q)], certainty: 1 }, pack.text.length, now);
		const wrong = q.options!.find((o) => !o.correct)!.value;
		await saveAssignmentAnswer(handle, a, x, q, { choices: [wrong], certainty: 3 }, pack.text.length, now);
		const [row] = await handle.db.select().from(handle.tables.responses);
		expect(row.answer).toEqual({ type: 'choice', value: rightChoice(q) });
	});

	it('shows feedback as the setting allows, and the right answers only once the student cannot use them', async () => {
		const policy = async (a: Awaited<ReturnType<typeof assignment>>, x: { id: string }, answered = true, at = now) => {
			const attempts = await attemptsAt(handle, students[0].id, a.id);
			return reviewPolicyFor(a, attempts.find((y) => y.id === x.id)!, attempts, answered, at);
		};
		const HELD = { feedback: true, rightAnswers: false };
		const ALL = { feedback: true, rightAnswers: true };
		const NONE = { feedback: false, rightAnswers: false };

		// Two attempts, feedback after submitting: the new-user trial's case.
		const two = await assignment({ maxAttempts: 2 });
		const first = await startAttempt(handle, students[0].id, two, now);
		expect(await policy(two, first)).toEqual(NONE);
		await submitAssignmentAttempt(handle, two, first, now);
		expect(await policy(two, first)).toEqual(HELD);
		// Attempt 2 under way: attempt 1's review still holds them back.
		const second = await startAttempt(handle, students[0].id, two, now);
		expect(await policy(two, first)).toEqual(HELD);
		expect(await policy(two, second)).toEqual(NONE);
		await submitAssignmentAttempt(handle, two, second, now);
		expect([await policy(two, first), await policy(two, second)]).toEqual([ALL, ALL]);

		// An attempt left but the assignment closed: everything.
		const unused = await assignment({ maxAttempts: 3 });
		const only = await startAttempt(handle, students[0].id, unused, now);
		await submitAssignmentAttempt(handle, unused, only, now);
		expect([await policy(unused, only), await policy(unused, only, true, unused.closesAt)]).toEqual([HELD, ALL]);

		// The teacher chose right answers after every attempt.
		const each = await assignment({ maxAttempts: 2, answersEachAttempt: true });
		const early = await startAttempt(handle, students[0].id, each, now);
		await submitAssignmentAttempt(handle, each, early, now);
		expect(await policy(each, early)).toEqual(ALL);

		// After each question, two attempts: right or not at once, the right answer later.
		const perQuestion = await assignment({ feedback: 'each-question', maxAttempts: 2 });
		const going = await startAttempt(handle, students[0].id, perQuestion, now);
		expect([await policy(perQuestion, going, false), await policy(perQuestion, going, true)]).toEqual([NONE, HELD]);
		// One attempt: as before, everything once a question is answered (the answer is final).
		const once = await assignment({ feedback: 'each-question' });
		const sole = await startAttempt(handle, students[0].id, once, now);
		expect([await policy(once, sole, false), await policy(once, sole, true)]).toEqual([NONE, ALL]);

		// After closing: nothing before, whatever the other settings.
		const close = await assignment({ feedback: 'after-close', answersEachAttempt: true });
		const done = await startAttempt(handle, students[0].id, close, now);
		await submitAssignmentAttempt(handle, close, done, now);
		expect([await policy(close, done), await policy(close, done, true, close.closesAt)]).toEqual([NONE, ALL]);
	});

	it('keeps the right answers out of the feedback while they are held back', async () => {
		const article = (await loadReaderArticle(handle, SLUG))!;
		const a = await assignment({ maxAttempts: 2 });
		const qs = await questions();
		const choice = qs.find((q) => q.type === 'multiple-choice')!;
		const evidence = qs.find((q) => q.type === 'find-evidence')!;
		const x = await startAttempt(handle, students[0].id, a, now);
		const wrong = choice.options!.find((o) => !o.correct)!;
		await saveAssignmentAnswer(handle, a, x, choice, { choices: [wrong.value], certainty: 2 }, pack.text.length, now);
		// A selection far from the key words.
		await saveAssignmentAnswer(handle, a, x, evidence, { span: { start: 0, end: 20 }, certainty: 1 }, pack.text.length, now);
		const responses = await handle.db.select().from(handle.tables.responses);
		const of = (q: { id: string }) => responses.find((r) => r.questionId === q.id)!;

		const held = feedbackView(choice, of(choice), article, { feedback: true, rightAnswers: false })!;
		expect(held).toMatchObject({ rightAnswers: false, fraction: 0, explanation: null, claim: null, notes: [], evidence: [] });
		expect(held.options).toEqual([expect.objectContaining({ value: wrong.value, chosen: true, correct: false, feedback: wrong.feedback })]);
		const heldEvidence = feedbackView(evidence, of(evidence), article, { feedback: true, rightAnswers: false })!;
		expect(heldEvidence).toMatchObject({ evidence: [], explanation: null, claim: null, selected: pack.text.slice(0, 20) });
		expect(JSON.stringify([held, heldEvidence])).not.toContain('"correct":true');

		const all = feedbackView(choice, of(choice), article, { feedback: true, rightAnswers: true })!;
		expect(all.options.map((o) => [o.chosen, o.correct])).toEqual(expect.arrayContaining([[true, false], [false, true]]));
		expect(all.explanation).toBe(choice.explanation);
		expect(feedbackView(evidence, of(evidence), article, { feedback: true, rightAnswers: true })!.evidence.length).toBeGreaterThan(0);
		expect(feedbackView(choice, of(choice), article, { feedback: false, rightAnswers: false })).toBeNull();
	});

	it('stores the right-answers choice from the form, refuses anything else, and lets it change after students start', async () => {
		const form = (answers?: string) => {
			const f = new FormData();
			for (const [k, v] of Object.entries({ opensAt: toLocalInput(new Date(now.getTime() - HOUR), 'UTC'), closesAt: toLocalInput(new Date(now.getTime() + HOUR), 'UTC'), maxAttempts: '2', feedback: 'after-submit' })) f.set(k, v);
			if (answers !== undefined) f.set('answers', answers);
			return readSettings(f, 'UTC').settings;
		};
		const created = await createAssignment(handle, teacherId, classId, quizId(), form('each'), now);
		expect((await teacherAssignment(handle, teacherId, classId, created)).assignment.answersEachAttempt).toBe(true);
		// A form without the field (an older page) takes the safe choice.
		const older = await createAssignment(handle, teacherId, classId, quizId(), form(), now);
		expect((await teacherAssignment(handle, teacherId, classId, older)).assignment.answersEachAttempt).toBe(false);
		const refused = await refusal(createAssignment(handle, teacherId, classId, quizId(), form('always'), now));
		expect([refused.status, refused.message]).toEqual([400, 'Choose when students see the right answers.']);

		const { assignment: a } = await teacherAssignment(handle, teacherId, classId, created);
		await startAttempt(handle, students[0].id, a, now);
		await updateAssignment(handle, teacherId, classId, created, form('last'), now);
		expect((await teacherAssignment(handle, teacherId, classId, created)).assignment.answersEachAttempt).toBe(false);
	});

	it('shuffles the question order per attempt when asked, and keeps it stable', async () => {
		const qs = await questions();
		const shuffled = await assignment({ shuffle: true });
		const plain = await assignment({ shuffle: false });
		expect(questionOrder(plain, 'attempt-1', qs).map((q) => q.key)).toEqual(qs.map((q) => q.key));
		const one = questionOrder(shuffled, 'attempt-1', qs).map((q) => q.key);
		expect(questionOrder(shuffled, 'attempt-1', qs).map((q) => q.key)).toEqual(one);
		expect(one).not.toEqual(qs.map((q) => q.key));
		expect([...one].sort()).toEqual(qs.map((q) => q.key).sort());
	});

	describe('writes that race a hand-in, a close or a change', () => {
		/** The attempt row as a request read it before another request handed it in. */
		async function staleAfterSubmit(a: Awaited<ReturnType<typeof assignment>>) {
			const x = await startAttempt(handle, students[0].id, a, now);
			await submitAssignmentAttempt(handle, a, x, now);
			return x; // still says submittedAt: null
		}
		const count = async () => (await handle.db.select().from(handle.tables.responses)).length;

		it.each(['after-submit', 'each-question'] as const)('refuses an answer that lands after the attempt was handed in (%s), saving nothing', async (feedback) => {
			const a = await assignment({ feedback });
			const stale = await staleAfterSubmit(a);
			const q = (await questions()).find((q) => q.type === 'who-said-it')!;
			const refused = await refusal(saveAssignmentAnswer(handle, a, stale, q, { choices: [rightChoice(q)], certainty: q.certainty ? 2 : null }, pack.text.length, now));
			expect(refused.status).toBe(409);
			expect(refused.message).toMatch(/handed in/);
			expect(await count()).toBe(0);
		});

		it('refuses a change to an answer saved before the hand-in, keeping the saved one', async () => {
			const a = await assignment();
			const x = await startAttempt(handle, students[0].id, a, now);
			const q = (await questions()).find((q) => q.type === 'who-said-it')!;
			const [first, second] = q.options!.map((o) => o.value);
			await saveAssignmentAnswer(handle, a, x, q, { choices: [first], certainty: q.certainty ? 2 : null }, pack.text.length, now);
			await submitAssignmentAttempt(handle, a, x, now);
			expect((await refusal(saveAssignmentAnswer(handle, a, x, q, { choices: [second], certainty: q.certainty ? 2 : null }, pack.text.length, now))).status).toBe(409);
			const [kept] = await handle.db.select().from(handle.tables.responses);
			expect(kept.answer).toEqual({ type: 'choice', value: first });
		});

		it('hands open attempts in when the teacher closes now, so a late answer is refused', async () => {
			const a = await assignment();
			const x = await startAttempt(handle, students[0].id, a, now);
			await updateAssignment(handle, teacherId, classId, a.id, { ...settings(), opensAt: a.opensAt, closesAt: now }, now);
			const [closed] = await attemptsAt(handle, students[0].id, a.id);
			expect(closed.submittedAt).toEqual(now);
			const q = (await questions())[0];
			// The request read the assignment and attempt just before the close.
			expect((await refusal(saveAssignmentAnswer(handle, a, x, q, { choices: [q.options![0].value], certainty: 2 }, pack.text.length, new Date(now.getTime() - 1)))).status).toBe(409);
			expect(await count()).toBe(0);
		});

		it('lets the teacher grade an answer after the hand-in', async () => {
			const a = await assignment();
			const written = (await questions()).find((q) => q.type === 'short-answer')!;
			const x = await startAttempt(handle, students[0].id, a, now);
			await saveAssignmentAnswer(handle, a, x, written, { text: 'Mine.', certainty: written.certainty ? 2 : null }, pack.text.length, now);
			await submitAssignmentAttempt(handle, a, x, now);
			const [response] = await handle.db.select().from(handle.tables.responses);
			await gradeWrittenAnswer(handle, a, response.id, [0], 'Fine.', response.answeredAt.getTime());
			const [graded] = await handle.db.select().from(handle.tables.responses);
			expect(graded.gradedAt).not.toBeNull();
		});

		it('refuses a grade for an answer the student has changed since the teacher read it', async () => {
			const a = await assignment();
			const written = (await questions()).find((q) => q.type === 'short-answer')!;
			const x = await startAttempt(handle, students[0].id, a, now);
			const answer = (text: string, at: Date) => saveAssignmentAnswer(handle, a, x, written, { text, certainty: written.certainty ? 2 : null }, pack.text.length, at);
			await answer('First thought.', now);
			const [read] = await handle.db.select().from(handle.tables.responses);
			await answer('Second thought.', new Date(now.getTime() + 1000));
			const refused = await refusal(gradeWrittenAnswer(handle, a, read.id, [0], 'For the first.', read.answeredAt.getTime()));
			expect(refused.status).toBe(409);
			const [after] = await handle.db.select().from(handle.tables.responses);
			expect(after).toMatchObject({ answer: { type: 'text', text: 'Second thought.' }, gradedAt: null, comment: null });
		});
	});

	it('grades written answers against the rubric, and the results table counts them', async () => {
		const a = await assignment();
		const written = (await questions()).find((q) => q.type === 'short-answer')!;
		const x = await startAttempt(handle, students[0].id, a, now);
		await saveAssignmentAnswer(handle, a, x, written, { text: 'The heading says more than the quote.', certainty: written.certainty ? 2 : null }, pack.text.length, now);
		let { rows } = await assignmentResults(handle, a, now);
		const ana = rows.find((r) => r.studentId === x.studentId)!;
		expect(ana.awaiting).toBe(1);
		expect(rows.find((r) => r.studentId !== x.studentId)!.status).toBe('not started');

		const [response] = await handle.db.select().from(handle.tables.responses);
		expect((await refusal(gradeWrittenAnswer(handle, a, response.id, [99], '', null))).status).toBe(400);
		const rubric = written.rubric!;
		const { points, total } = await gradeWrittenAnswer(handle, a, response.id, [0], 'Good start.', null);
		expect(points).toBe(rubric[0].points);
		expect(total).toBe(rubric.reduce((s, r) => s + r.points, 0));
		const [graded] = await handle.db.select().from(handle.tables.responses);
		expect(graded.fraction).toBeCloseTo(points / total);
		expect(graded.comment).toBe('Good start.');
		({ rows } = await assignmentResults(handle, a, now));
		expect(rows.find((r) => r.studentId === x.studentId)!.awaiting).toBe(0);
		// The class export carries the same results: the graded answer's marks, in roster order.
		const exported = await exportClass(handle, teacherId, classId);
		const row = rows.find((r) => r.studentId === x.studentId)!;
		expect(exported.results).toEqual([
			expect.objectContaining({
				kind: 'assignment',
				date: a.opensAt,
				students: [
					// (Its status is read at today's date, when the test's assignment has long closed.)
					expect.objectContaining({ displayName: students[0].displayName, marks: row.marks }),
					expect.objectContaining({ displayName: students[1].displayName, status: 'not started', marks: null })
				]
			})
		]);
		expect(exported.results![0].students[0].answers.filter((m) => m !== null)).toHaveLength(1);

		// A changed answer replaces the graded one in place, and the old grading goes with it.
		const later = new Date(now.getTime() + 60_000);
		await saveAssignmentAnswer(handle, a, x, written, { text: 'A second thought.', certainty: written.certainty ? 3 : null }, pack.text.length, later);
		const [changed, ...others] = await handle.db.select().from(handle.tables.responses);
		expect(others).toHaveLength(0);
		expect(changed).toMatchObject({ id: response.id, answer: { type: 'text', text: 'A second thought.' }, fraction: null, marks: null, rubricMet: null, comment: null, gradedAt: null });
		expect(changed.answeredAt.getTime()).toBe(later.getTime());
		({ rows } = await assignmentResults(handle, a, now));
		expect(rows.find((r) => r.studentId === x.studentId)!.awaiting).toBe(1);

		// A response from another assignment cannot be graded through this one.
		const other = await assignment();
		expect((await refusal(gradeWrittenAnswer(handle, other, response.id, [0], '', null))).status).toBe(404);
	});
});
