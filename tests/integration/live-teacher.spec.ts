import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import type { ContentPack } from '../../src/lib/server/content/read-pack';
import { signUpTeacher } from '../../src/lib/server/people/teachers';
import { createClass, addToRoster, exportClass } from '../../src/lib/server/people/classes';
import Papa from 'papaparse';
import { studentsCsv } from '../../src/lib/classes/export';
import { saveResponse } from '../../src/lib/server/quiz/responses';
import { answerLive, commandLiveSession, joinLiveSession, liveCounts, liveSnapshot, liveTopic, startLiveSession, teacherLiveSession } from '../../src/lib/server/live/sessions';
import { eventStream } from '../../src/lib/server/live/event-stream';
import { liveRoster, removedViewers, removeFromLiveSession, renameInLiveSession } from '../../src/lib/server/live/roster';
import { classLiveSessions, liveContext, revealOf, sessionAnswers } from '../../src/lib/server/live/teacher-views';
import { liveResults } from '../../src/lib/server/live/results';
import { resultsCsv } from '../../src/lib/quiz/results-table';
import type { Command } from '../../src/lib/live/session-state';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { seedClassroom } from '../fixtures/classroom';
import { refusal } from '../fixtures/refusal';

const REMOVED_WORDS = 'Your teacher removed you from this session.';

describe(`the teacher's side of live sessions on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;
	let teacherId: string;
	let classId: string;
	let quizId: string;
	let students: { id: string; classId: string; displayName: string }[];
	let otherTeacher: string;

	beforeEach(async () => {
		handle = await freshDatabase();
		({ pack, teacherId, classId, students, quizId } = await seedClassroom(handle, 'Ana\nBen\nCai'));
		otherTeacher = (await signUpTeacher(handle, { name: 'Bo', email: 'bo@school.test', password: 'quiet meadow copper' }, null)).id;
	});
	afterEach(async () => handle.close());

	/** Starts a session and gives `commands` in order, as the teacher's screen would. */
	async function session(...commands: Command[]) {
		const { id } = await startLiveSession(handle, teacherId, classId, quizId, { pacing: 'teacher', askCertainty: true, names: 'none' });
		await command(id, ...commands);
		return id;
	}
	async function command(id: string, ...commands: Command[]) {
		for (const c of commands) await commandLiveSession(handle, teacherId, id, (await teacherLiveSession(handle, teacherId, id)).version, c);
	}
	const questions = async (id: string) => (await liveContext(handle, teacherId, id)).questions;
	/** Option values of question `q`: the right one and a wrong one. */
	const options = (q: { options: { value: string; correct: boolean }[] | null }) => ({
		right: q.options!.find((o) => o.correct)!.value,
		wrong: q.options!.find((o) => !o.correct)!.value
	});

	it("ends a removed student's open event streams with a \"removed\" event, and no one else's", async () => {
		const id = await session({ type: 'start' });
		const [ana, ben] = students;
		/** A student's stream of the session, as the route opens it: everything it receives, as text. */
		const watch = (viewer: string) => {
			const response = eventStream(handle, new Request('http://kit.test/events'), { topic: liveTopic(id), snapshot: () => liveSnapshot(handle, id), viewer });
			const reader = response.body!.getReader();
			const seen = { text: '', ended: false };
			void (async () => {
				for (;;) {
					const chunk = await reader.read();
					if (chunk.done) return void (seen.ended = true);
					seen.text += new TextDecoder().decode(chunk.value);
				}
			})();
			return { seen, cancel: () => reader.cancel() };
		};
		await joinLiveSession(handle, ana, id);
		await joinLiveSession(handle, ben, id);
		const bens = watch(ben.id);
		const anas = watch(ana.id);
		await expect.poll(() => bens.seen.text.includes('"joined":2') && anas.seen.text.includes('"joined":2')).toBe(true);
		await removeFromLiveSession(handle, teacherId, id, ben.id);
		await expect.poll(() => bens.seen.ended).toBe(true);
		// A code, not words: the same event serves every student, whatever their language.
		expect(bens.seen.text).toContain(`event: removed\ndata: ${JSON.stringify({ reason: 'removed' })}\n\n`);
		// Ana's stream stays open, never sees it, and gets the new count.
		await expect.poll(() => anas.seen.text.includes('"joined":1')).toBe(true);
		expect(anas.seen.ended).toBe(false);
		expect(anas.seen.text).not.toContain('removed');
		await anas.cancel();
	});

	it('ends a stream that opens as its student is removed, from what the database holds', async () => {
		const id = await session({ type: 'start' });
		const [ana, ben] = students;
		await joinLiveSession(handle, ana, id);
		await joinLiveSession(handle, ben, id);
		// The route checked Ben before the removal; his stream subscribes after it was published.
		await removeFromLiveSession(handle, teacherId, id, ben.id);
		expect([...(await removedViewers(handle, id)).keys()]).toEqual([ben.id]);
		const open = (viewer: string) =>
			eventStream(handle, new Request('http://kit.test/events'), {
				topic: liveTopic(id),
				snapshot: () => liveSnapshot(handle, id),
				viewer,
				endedViewers: () => removedViewers(handle, id)
			});
		const bens = await new Response(open(ben.id).body).text();
		expect(bens).toContain(`event: removed\ndata: ${JSON.stringify({ reason: 'removed' })}\n\n`);
		expect(bens).not.toContain('"joined"');
		// Ana's stream opens as usual.
		const reader = open(ana.id).body!.getReader();
		let text = '';
		while (!text.includes('"joined":1')) text += new TextDecoder().decode((await reader.read()).value);
		await reader.cancel();
	});

	it('removes a student: they cannot answer or rejoin, their answers are kept, and they count nowhere live', async () => {
		const id = await session({ type: 'start' });
		const [q1] = await questions(id);
		const [ana, ben, cai] = students;
		await answerLive(handle, ana, id, q1.id, { choices: [options(q1).right], certainty: 2 }, pack.text.length);
		await answerLive(handle, ben, id, q1.id, { choices: [options(q1).wrong], certainty: 3 }, pack.text.length);
		const session1 = await teacherLiveSession(handle, teacherId, id);
		expect(await liveCounts(handle, session1, q1.id)).toEqual({ joined: 2, answered: 2 });

		expect(await removeFromLiveSession(handle, teacherId, id, ben.id)).toEqual({ name: 'Ben' });
		const refused = await refusal(joinLiveSession(handle, ben, id));
		expect(refused.status).toBe(403);
		expect(refused.message).toBe(REMOVED_WORDS);
		expect((await refusal(answerLive(handle, ben, id, q1.id, { choices: [options(q1).right], certainty: 1 }, pack.text.length))).status).toBe(403);
		// Even a request that read his attempt before the removal cannot save: it was handed in.
		const [attempt] = await handle.db.select().from(handle.tables.attempts).where(eq(handle.tables.attempts.studentId, ben.id));
		expect(attempt.removedAt).not.toBeNull();
		expect((await refusal(saveResponse(handle, attempt, q1, { choices: [options(q1).right], certainty: 1 }, pack.text.length))).status).toBe(409);
		// His answer is kept, unchanged, but left out of the class's figures.
		const kept = await handle.db.select().from(handle.tables.responses).where(eq(handle.tables.responses.attemptId, attempt.id));
		expect(kept.map((r) => r.answer)).toEqual([{ type: 'choice', value: options(q1).wrong }]);
		expect(await liveCounts(handle, session1, q1.id)).toEqual({ joined: 1, answered: 1 });
		expect((await sessionAnswers(handle, id, q1.id)).map((a) => a.studentId)).toEqual([ana.id]);

		// A student who never joined can be kept out before they come; removing twice changes nothing.
		await removeFromLiveSession(handle, teacherId, id, cai.id);
		await removeFromLiveSession(handle, teacherId, id, cai.id);
		expect((await refusal(joinLiveSession(handle, cai, id))).message).toBe(REMOVED_WORDS);
		const roster = await liveRoster(handle, session1, q1.id);
		expect(roster.map((r) => [r.name, r.joined, r.removed, r.answered])).toEqual([
			['Ana', true, false, true],
			['Ben', true, true, true],
			['Cai', true, true, false]
		]);
		expect(await liveCounts(handle, session1, q1.id)).toEqual({ joined: 1, answered: 1 });
	});

	it('lets only the owning teacher remove, and only students of the session’s class', async () => {
		const id = await session();
		const otherClass = (await createClass(handle, teacherId, 'Other')).id;
		await addToRoster(handle, teacherId, otherClass, 'Zoe');
		const [zoe] = await handle.db.select().from(handle.tables.students).where(eq(handle.tables.students.classId, otherClass));
		expect((await refusal(removeFromLiveSession(handle, otherTeacher, id, students[0].id))).status).toBe(404);
		expect((await refusal(removeFromLiveSession(handle, teacherId, id, zoe.id))).status).toBe(404);
		expect((await refusal(removeFromLiveSession(handle, teacherId, id, 'not-a-student'))).status).toBe(404);
		expect((await refusal(removeFromLiveSession(handle, teacherId, 'not-a-session', students[0].id))).status).toBe(404);
		await joinLiveSession(handle, students[0], id);
	});

	it('renames a student for the class, by the class’s rules, only for the owning teacher', async () => {
		const id = await session({ type: 'start' });
		expect(await renameInLiveSession(handle, teacherId, id, students[1].id, 'Benji')).toEqual({ from: 'Ben' });
		const [ben] = await handle.db.select().from(handle.tables.students).where(eq(handle.tables.students.id, students[1].id));
		expect(ben.displayName).toBe('Benji');
		expect((await refusal(renameInLiveSession(handle, teacherId, id, students[1].id, 'ana'))).status).toBe(409);
		expect((await refusal(renameInLiveSession(handle, teacherId, id, students[1].id, ''))).status).toBe(400);
		expect((await refusal(renameInLiveSession(handle, otherTeacher, id, students[1].id, 'Mallory'))).status).toBe(404);
		// Renaming does not touch the session: Benji is still in it.
		await joinLiveSession(handle, { ...students[1] }, id);
	});

	it('adds up a revealed question for the teacher: bars with counts, the share right, the heat map, the note', async () => {
		const id = await session({ type: 'start' });
		const qs = await questions(id);
		const [ana, ben, cai] = students;
		const { right, wrong } = options(qs[0]);
		await answerLive(handle, ana, id, qs[0].id, { choices: [right], certainty: 3 }, pack.text.length);
		await answerLive(handle, ben, id, qs[0].id, { choices: [wrong], certainty: 3 }, pack.text.length);
		await answerLive(handle, cai, id, qs[0].id, { choices: [right], certainty: 1 }, pack.text.length);
		const ctx = await liveContext(handle, teacherId, id);
		const reveal = revealOf(qs[0], ctx.article, await sessionAnswers(handle, id, qs[0].id));
		expect(reveal).toMatchObject({ answered: 3, right: 2, percentRight: 67, confidentlyWrong: 1 });
		expect(reveal.bars.find((b) => b.correct)).toMatchObject({ count: 2, percent: 67 });
		expect(reveal.bars.reduce((sum, b) => sum + b.count, 0)).toBe(3);
		expect(reveal.rightAnswer).toHaveLength(1);

		// Question 2 is find-the-evidence: the words the class selected, counted over the paragraphs.
		await command(id, { type: 'next' });
		const key = qs[1].evidence![0];
		await answerLive(handle, ana, id, qs[1].id, { span: { start: key.start, end: key.end }, certainty: 2 }, pack.text.length);
		await answerLive(handle, ben, id, qs[1].id, { span: { start: key.start, end: key.end }, certainty: 2 }, pack.text.length);
		const heat = revealOf(qs[1], ctx.article, await sessionAnswers(handle, id, qs[1].id)).heat;
		const runs = heat.flatMap((b) => b.runs);
		expect(runs.find((r) => r.count === 2)?.text).toContain(key.exact.trim().split(/\s+/)[0]);
		expect(runs.filter((r) => r.count === 2).every((r) => r.key && r.level === 4)).toBe(true);
		expect(runs.filter((r) => r.count > 0).every((r) => r.count === 2)).toBe(true);
	});

	it('gives results per student and per question, with removed students marked, and lists the class’s sessions', async () => {
		const id = await session({ type: 'start' });
		const qs = await questions(id);
		const [ana, ben] = students;
		await answerLive(handle, ana, id, qs[0].id, { choices: [options(qs[0]).right], certainty: 3 }, pack.text.length);
		await answerLive(handle, ben, id, qs[0].id, { choices: [options(qs[0]).wrong], certainty: 3 }, pack.text.length);
		await removeFromLiveSession(handle, teacherId, id, ben.id);
		await command(id, { type: 'reveal' }, { type: 'end' });
		const ctx = await liveContext(handle, teacherId, id);
		const { questions: marked, rows, perQuestion } = await liveResults(handle, ctx);
		expect(rows.map((r) => [r.name, r.status, r.cells[0]?.fraction ?? null])).toEqual([
			['Ana', 'finished', 1],
			['Ben', 'removed', 0],
			['Cai', 'not started', null]
		]);
		// Very sure and right earns 3 under certainty-based marking, as the session asked.
		expect(rows[0].marks).toBe(3);
		// Ben's answer is his, kept; the class's figures leave him out.
		expect(perQuestion).toEqual([expect.objectContaining({ number: 1, answered: 1, right: 1, percentRight: 100, confidentlyWrong: 0 })]);
		// Only the question shown counts: an early end is marked out of what the class was asked.
		expect(marked.map((q) => q.number)).toEqual([1]);
		expect(rows[0].max).toBe(3);
		const csv = resultsCsv(marked, rows);
		expect(csv).toContain('Ben,removed');
		expect(csv.split('\r\n')).toHaveLength(4);

		// The class export carries the session's results beside the roster, in roster order.
		const exported = await exportClass(handle, teacherId, classId);
		expect(exported.results).toEqual([
			expect.objectContaining({
				kind: 'live',
				outOf: 3,
				questions: [{ number: 1, prompt: marked[0].prompt }],
				students: [
					{ displayName: 'Ana', status: 'finished', marks: 3, answers: [3] },
					{ displayName: 'Ben', status: 'removed', marks: rows[1].marks, answers: [rows[1].cells[0]!.marks] },
					{ displayName: 'Cai', status: 'not started', marks: null, answers: [null] }
				]
			})
		]);
		const exportedCsv = Papa.parse<string[]>(studentsCsv(exported).trim()).data;
		expect(exportedCsv.map((r) => [r[1], r[4]])).toEqual([
			['student', expect.stringMatching(/^Live: .+ \(\d{4}-\d{2}-\d{2}\), out of 3$/)],
			['Ana', '3'],
			['Ben', 'removed'],
			['Cai', '']
		]);

		const listed = await classLiveSessions(handle, classId);
		expect(listed).toHaveLength(1);
		expect(listed[0]).toMatchObject({ id, joined: 1 });
		expect(listed[0].endedAt).not.toBeNull();
		expect((await refusal(liveContext(handle, otherTeacher, id))).status).toBe(404);
	});

	it('marks without certainty when the session did not ask for it', async () => {
		const { id } = await startLiveSession(handle, teacherId, classId, quizId, { pacing: 'teacher', askCertainty: false, names: 'initials' });
		await command(id, { type: 'start' });
		const qs = await questions(id);
		await answerLive(handle, students[0], id, qs[0].id, { choices: [options(qs[0]).right] }, pack.text.length);
		const { rows, questions: marked } = await liveResults(handle, await liveContext(handle, teacherId, id));
		expect(marked.every((q) => q.certainty === false)).toBe(true);
		expect(rows[0]).toMatchObject({ marks: 1, status: 'in progress' });
	});
});
