import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import type { ContentPack } from '../../src/lib/server/content/read-pack';
import { signUpTeacher } from '../../src/lib/server/people/teachers';
import { createAssignment } from '../../src/lib/server/quiz/assignments';
import { answerLive, commandLiveSession, startLiveSession, teacherLiveSession } from '../../src/lib/server/live/sessions';
import { removeFromLiveSession } from '../../src/lib/server/live/roster';
import { countedAttempts, resultScope } from '../../src/lib/server/results/scope';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { seedClassroom } from '../fixtures/classroom';
import { refusal } from '../fixtures/refusal';

describe(`a results dashboard's scope on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;
	let teacherId: string;
	let classId: string;
	let quizId: string;
	let students: { id: string; classId: string; displayName: string }[];

	beforeEach(async () => {
		handle = await freshDatabase();
		({ pack, teacherId, classId, students, quizId } = await seedClassroom(handle, 'Ana\nBen'));
	});
	afterEach(async () => handle.close());

	it('finds the teacher’s assignment, with the quiz’s questions numbered, and refuses anyone else', async () => {
		const now = Date.now();
		const aid = await createAssignment(handle, teacherId, classId, quizId, {
			opensAt: new Date(now - 60_000),
			closesAt: new Date(now + 3_600_000),
			maxAttempts: 1,
			feedback: 'after-submit',
			shuffle: false,
			answersEachAttempt: false
		});
		const scope = await resultScope(handle, teacherId, 'assignment', aid);
		expect(scope).toMatchObject({ kind: 'assignment', id: aid, base: `/teach/results/assignment/${aid}`, home: `/teach/classes/${classId}/assignments/${aid}`, classId, className: 'Civics', quizId });
		expect(scope.questions.map((q) => q.number)).toEqual(pack.quiz!.questions.map((_, i) => i + 1));
		expect(scope.questions.map((q) => q.certainty)).toEqual(pack.quiz!.questions.map((q) => q.certainty));

		const bo = (await signUpTeacher(handle, { name: 'Bo', email: 'bo@school.test', password: 'quiet meadow copper' }, null)).id;
		// One at a time: a refusal made before it is awaited would be an unhandled rejection.
		const others = [() => resultScope(handle, bo, 'assignment', aid), () => resultScope(handle, teacherId, 'live', aid), () => resultScope(handle, teacherId, 'assignment', 'x'.repeat(24))];
		for (const other of others) expect((await refusal(other())).status).toBe(404);
	});

	it('counts a live session’s students but not those the teacher removed, and marks certainty only where asked', async () => {
		const { id } = await startLiveSession(handle, teacherId, classId, quizId, { pacing: 'student', askCertainty: false, names: 'none' });
		await commandLiveSession(handle, teacherId, id, (await teacherLiveSession(handle, teacherId, id)).version, { type: 'start' });
		const scope = await resultScope(handle, teacherId, 'live', id);
		expect(scope.questions.every((q) => !q.certainty)).toBe(true);
		const [q1] = scope.questions;
		for (const student of students) await answerLive(handle, student, id, q1.id, { choices: [q1.options![0].value] }, pack.text.length);
		await removeFromLiveSession(handle, teacherId, id, students[1].id);
		const t = handle.tables;
		const counted = await handle.db.select({ studentId: t.attempts.studentId }).from(t.attempts).where(countedAttempts(handle, scope));
		expect(counted).toEqual([{ studentId: students[0].id }]);
	});
});
