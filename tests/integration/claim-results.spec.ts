import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import type { ContentPack } from '../../src/lib/server/content/read-pack';
import { signUpTeacher } from '../../src/lib/server/people/teachers';
import { createClass, addToRoster } from '../../src/lib/server/people/classes';
import { createAssignment, saveAssignmentAnswer, startAttempt } from '../../src/lib/server/quiz/assignments';
import { saveResponse, startPracticeAttempt, type AnswerInput } from '../../src/lib/server/quiz/responses';
import { answerLive, commandLiveSession, startLiveSession, teacherLiveSession } from '../../src/lib/server/live/sessions';
import { removeFromLiveSession } from '../../src/lib/server/live/roster';
import { readerArticle } from '../../src/lib/server/articles/reader-cache';
import { claimAnswerCounts, confusionCounts, selectionCounts, sourceClaimResults } from '../../src/lib/server/results/claim-results';
import { classClaims } from '../../src/lib/server/results/class-claims';
import { resultScope } from '../../src/lib/server/results/scope';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { seedClassroom } from '../fixtures/classroom';
import { refusal } from '../fixtures/refusal';
import { SLUG } from '../fixtures/content-pack';

const HOUR = 3_600_000;

/**
 * A small classroom whose figures are worked out by hand (see each expectation):
 * four students answer five questions of the pack's quiz in an assignment, two of them
 * answer again in a live session (a third is removed from it), a practice attempt and
 * another class answer too, and must count nowhere here.
 */
describe(`results by claim on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;
	let teacherId: string;
	let classId: string;
	let quizId: string;
	let assignmentId: string;
	let liveId: string;
	let students: { id: string; classId: string; displayName: string }[];
	let c13: { start: number; end: number };

	const q = (key: string) => handle.db.select().from(handle.tables.quizQuestions).where(eq(handle.tables.quizQuestions.id, `${quizId}/${key}`)).then((rows) => rows[0]);
	const claimId = (key: string) => `${SLUG}/${key}`;

	beforeEach(async () => {
		handle = await freshDatabase();
		({ pack, teacherId, classId, students, quizId } = await seedClassroom(handle, 'Ana\nBen\nCai\nDee'));
		const now = new Date();
		assignmentId = await createAssignment(handle, teacherId, classId, quizId, {
			opensAt: new Date(now.getTime() - HOUR),
			closesAt: new Date(now.getTime() + HOUR),
			maxAttempts: 1,
			feedback: 'after-submit',
			shuffle: false,
			answersEachAttempt: false
		});
		const [assignment] = await handle.db.select().from(handle.tables.assignments).where(eq(handle.tables.assignments.id, assignmentId));
		const quote = 'Under his watch, multiple cartel leaders have been extradited to the U.S.,';
		c13 = { start: pack.text.indexOf(quote), end: pack.text.indexOf(quote) + quote.length };
		expect(c13.start).toBeGreaterThan(0);
		const elsewhere = { start: 0, end: 10 };
		// Student → question → answer. Dee leaves q06 and q11 unanswered.
		const answers: Record<string, Record<string, AnswerInput>> = {
			Ana: { q09: { choices: ['writer'] }, q06: { choices: ['direct-quote'] }, q11: { choices: ['no-one-named'] }, q05: { span: c13 }, q03: { choices: ['a'] } },
			Ben: { q09: { choices: ['anna-kelly'] }, q06: { choices: ['paraphrase'] }, q11: { choices: ['anna-kelly'] }, q05: { span: elsewhere }, q03: { choices: ['b'] } },
			Cai: { q09: { choices: ['anna-kelly'] }, q06: { choices: ['direct-quote'] }, q05: { span: elsewhere } },
			Dee: { q09: { choices: ['no-one-named'] } }
		};
		for (const s of students) {
			const attempt = await startAttempt(handle, s.id, assignment);
			for (const [key, input] of Object.entries(answers[s.displayName])) {
				await saveAssignmentAnswer(handle, assignment, attempt, await q(key), { certainty: 2, ...input }, pack.text.length);
			}
		}

		// Live, at the students' own pace: Ana wrong, Ben right; Cai answers, then is removed.
		liveId = (await startLiveSession(handle, teacherId, classId, quizId, { pacing: 'student', askCertainty: true, names: 'none' })).id;
		await commandLiveSession(handle, teacherId, liveId, (await teacherLiveSession(handle, teacherId, liveId)).version, { type: 'start' });
		const [ana, ben, cai] = students;
		const q09 = (await q('q09')).id;
		await answerLive(handle, ana, liveId, q09, { choices: ['anna-kelly'], certainty: 3 }, pack.text.length);
		await answerLive(handle, ben, liveId, q09, { choices: ['writer'], certainty: 3 }, pack.text.length);
		await answerLive(handle, cai, liveId, q09, { choices: ['sheinbaum'], certainty: 3 }, pack.text.length);
		await removeFromLiveSession(handle, teacherId, liveId, cai.id);

		// Practice, and another class of Ada's: wrong answers that must not count here.
		const { attemptId } = await startPracticeAttempt(handle, quizId);
		const [practice] = await handle.db.select().from(handle.tables.attempts).where(eq(handle.tables.attempts.id, attemptId));
		await saveResponse(handle, practice, await q('q09'), { choices: ['sheinbaum'], certainty: 1 }, pack.text.length);
		const otherClass = (await createClass(handle, teacherId, 'History')).id;
		await addToRoster(handle, teacherId, otherClass, 'Eve');
		const [eve] = await handle.db.select().from(handle.tables.students).where(eq(handle.tables.students.classId, otherClass));
		const otherId = await createAssignment(handle, teacherId, otherClass, quizId, { opensAt: new Date(now.getTime() - HOUR), closesAt: new Date(now.getTime() + HOUR), maxAttempts: 1, feedback: 'after-submit', shuffle: false, answersEachAttempt: false });
		const [other] = await handle.db.select().from(handle.tables.assignments).where(eq(handle.tables.assignments.id, otherId));
		await saveAssignmentAnswer(handle, other, await startAttempt(handle, eve.id, other), await q('q09'), { choices: ['sheinbaum'], certainty: 1 }, pack.text.length);
	});
	afterEach(async () => handle.close());

	it('counts answers and wrong ones per claim and question in SQL, for one assignment', async () => {
		const rows = await claimAnswerCounts(handle, { kind: 'assignment', id: assignmentId });
		const byClaim = Object.fromEntries(rows.map((r) => [r.claimId, [r.answered, r.wrong]]));
		expect(byClaim).toEqual({
			[claimId('c19')]: [4, 3], // q09: only Ana chose the writer
			[claimId('c15')]: [3, 1], // q06: Ben chose a paraphrase
			[claimId('c23')]: [2, 1], // q11: Ben named Kelly
			[claimId('c13')]: [3, 2], // q05: Ben and Cai selected other words
			[claimId('c07')]: [2, 1] // q03: Ben chose b
		});
	});

	it('counts true against chosen speakers and forms, with an unnamed speaker read as "no one is named"', async () => {
		const rows = await confusionCounts(handle, { kind: 'assignment', id: assignmentId });
		const cells = rows.map((r) => `${r.claimId.split('/').pop()} ${r.kind} ${r.truth}→${r.chosen} ${r.count}`).sort();
		expect(cells).toEqual([
			'c15 form direct-quote→direct-quote 2',
			'c15 form direct-quote→paraphrase 1',
			'c19 speaker writer→anna-kelly 2',
			'c19 speaker writer→no-one-named 1',
			'c19 speaker writer→writer 1',
			'c23 speaker no-one-named→anna-kelly 1',
			'c23 speaker no-one-named→no-one-named 1'
		]);
	});

	it('counts each distinct selection of a find-the-evidence question', async () => {
		const q05 = (await q('q05')).id;
		expect(await selectionCounts(handle, { kind: 'assignment', id: assignmentId }, [q05])).toEqual([
			{ questionId: q05, start: 0, end: 10, count: 2 },
			{ questionId: q05, ...c13, count: 1 }
		]);
	});

	it('leaves students removed from a live session out of its figures', async () => {
		const rows = await claimAnswerCounts(handle, { kind: 'live', id: liveId });
		expect(rows.map((r) => [r.claimId, r.answered, r.wrong])).toEqual([[claimId('c19'), 2, 1]]);
		const cells = await confusionCounts(handle, { kind: 'live', id: liveId });
		expect(cells.map((c) => `${c.truth}→${c.chosen} ${c.count}`).sort()).toEqual(['writer→anna-kelly 1', 'writer→writer 1']);
	});

	it('puts each claim together: error rate, both matrices and its misreadings in words', async () => {
		const scope = await resultScope(handle, teacherId, 'assignment', assignmentId);
		const article = (await readerArticle(handle, SLUG))!;
		const { claims, overall } = await sourceClaimResults(handle, scope, article, scope.questions);
		const c19 = claims.find((c) => c.claim.key === 'c19')!;
		expect(c19.rate).toMatchObject({ answered: 4, wrong: 3, percent: 75, label: '75% wrong' });
		expect(c19.speakerName).toBe('The writer');
		expect(c19.speaker.rows).toEqual(['writer']);
		expect(c19.speaker.columns).toEqual(['writer', 'anna-kelly', 'no-one-named']);
		expect(c19.speaker.counts).toEqual([[1, 2, 1]]);
		expect(c19.top?.text).toBe("2 of 4 took the writer's own sentence for Anna Kelly's words");
		expect(c19.questions).toEqual([expect.objectContaining({ id: `${quizId}/q09`, number: 9, rate: expect.objectContaining({ percent: 75 }) })]);
		expect(claims.find((c) => c.claim.key === 'c15')!.top?.text).toBe('1 of 3 took a direct quote for a paraphrase');
		expect(claims.find((c) => c.claim.key === 'c01')!.rate.label).toBe('not asked');
		// Over every claim: the writer row of c19 and the unnamed row of c23 together.
		expect(overall.speaker.rows).toEqual(['writer', 'no-one-named']);
		expect(overall.speaker.total).toBe(6);
		expect(overall.speaker.right).toBe(2);
		expect(overall.form.counts).toEqual([[2, 1]]);
	});

	it('adds up each claim across every assignment and live session of the class, with each one linked', async () => {
		const view = await classClaims(handle, teacherId, classId);
		expect(view.articles.map((a) => a.slug)).toEqual([SLUG]);
		const [article] = view.articles;
		expect(article.sources.map((s) => s.kind)).toEqual(['assignment', 'live']);
		const c19 = article.claims.find((c) => c.claim.key === 'c19')!;
		// 4 + 2 answers (Cai's live answer and the practice and other class's do not count), 3 + 1 wrong.
		expect(c19.rate).toMatchObject({ answered: 6, wrong: 4, percent: 67 });
		expect(c19.top?.text).toBe("3 of 6 took the writer's own sentence for Anna Kelly's words");
		expect(c19.bySource.map((s) => [s.source.kind, s.rate.label, s.href])).toEqual([
			['assignment', '75% wrong', `/teach/results/assignment/${assignmentId}/claims#claim-c19`],
			['live', '50% wrong', `/teach/results/live/${liveId}/claims#claim-c19`]
		]);
		expect(article.claims.find((c) => c.claim.key === 'c15')!.bySource.map((s) => s.source.kind)).toEqual(['assignment']);
	});

	it('shows a class only to its teacher', async () => {
		const other = await signUpTeacher(handle, { name: 'Bo', email: 'bo@school.test', password: 'quiet meadow copper' }, null);
		expect((await refusal(classClaims(handle, other.id, classId))).status).toBe(404);
	});
});
