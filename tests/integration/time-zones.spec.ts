import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { rememberTimeZone, viewerTimeZone } from '../../src/lib/server/people/time-zones';
import { createAssignment, teacherAssignment } from '../../src/lib/server/quiz/assignments';
import { readSettings, settingsEcho } from '../../src/lib/server/quiz/assignment-form';
import { showTime } from '../../src/lib/server/local-time';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { seedClassroom } from '../fixtures/classroom';
import { refusal } from '../fixtures/refusal';

describe(`time zones on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let seeded: Awaited<ReturnType<typeof seedClassroom>>;
	beforeEach(async () => {
		handle = await freshDatabase();
		seeded = await seedClassroom(handle);
	});
	afterEach(async () => handle.close());

	const session = async (owner: Parameters<typeof createSession>[1]) => (await validateSessionToken(handle, (await createSession(handle, owner)).token))!;

	it('remembers a teacher’s zone on the account: a detected zone only when none is known, a chosen one always', async () => {
		const first = await session({ teacherId: seeded.teacherId });
		expect(first.timeZone).toBeNull();
		expect(await rememberTimeZone(handle, first, 'America/Chicago', { onlyIfUnset: true })).toBe('America/Chicago');
		// Another device of the same teacher detects another zone: the remembered one stays.
		const second = await session({ teacherId: seeded.teacherId });
		expect(second.timeZone).toBe('America/Chicago');
		await rememberTimeZone(handle, second, 'Europe/Madrid', { onlyIfUnset: true });
		expect((await session({ teacherId: seeded.teacherId })).timeZone).toBe('America/Chicago');
		// Choosing in Settings replaces it, spelled as the runtime spells it.
		expect(await rememberTimeZone(handle, second, 'US/Eastern')).toBe('America/New_York');
		expect((await session({ teacherId: seeded.teacherId })).timeZone).toBe('America/New_York');
	});

	it('remembers a student’s zone on that device’s session only', async () => {
		const phone = await session({ studentIds: [seeded.students[0].id] });
		const laptop = await session({ studentIds: [seeded.students[0].id] });
		await rememberTimeZone(handle, phone, 'America/Los_Angeles', { onlyIfUnset: true });
		const { db, tables: t } = handle;
		const rows = await db.select({ id: t.sessions.id, timeZone: t.sessions.timeZone }).from(t.sessions);
		expect(Object.fromEntries(rows.map((r) => [r.id, r.timeZone]))).toMatchObject({ [phone.id]: 'America/Los_Angeles', [laptop.id]: null });
		const [teacher] = await db.select({ timeZone: t.teachers.timeZone }).from(t.teachers);
		expect(teacher.timeZone).toBeNull();
		expect(viewerTimeZone((await validateSessionToken(handle, (await createSession(handle, { studentIds: [seeded.students[1].id] })).token))!)).toBe(
			Intl.DateTimeFormat().resolvedOptions().timeZone
		);
	});

	it('refuses a tampered zone with a 400 and stores nothing', async () => {
		const teacher = await session({ teacherId: seeded.teacherId });
		for (const bad of ['Mars/Olympus_Mons', '+05:00', '', 'America/Chicago"><script>']) {
			const refused = await refusal(rememberTimeZone(handle, teacher, bad));
			expect([refused.status, refused.message]).toEqual([400, expect.stringMatching(/not a time zone the kit knows/)]);
		}
		expect((await session({ teacherId: seeded.teacherId })).timeZone).toBeNull();
	});

	it('stores the instants a Chicago teacher typed, and shows them to a student in Los Angeles', async () => {
		const form = new FormData();
		// Across Chicago's fall-back change (Sunday 1 November 2026, 2:00 → 1:00).
		for (const [k, v] of Object.entries({ opensAt: '2026-10-30T08:00', closesAt: '2026-11-02T15:30', maxAttempts: '1', feedback: 'after-submit', zone: 'America/Chicago' })) form.set(k, v);
		const { settings, problem } = readSettings(form, 'UTC');
		expect(problem).toBeNull();
		const id = await createAssignment(handle, seeded.teacherId, seeded.classId, seeded.quizId, settings, new Date('2026-10-29T00:00:00Z'));
		const { assignment } = await teacherAssignment(handle, seeded.teacherId, seeded.classId, id);
		expect([assignment.opensAt.toISOString(), assignment.closesAt.toISOString()]).toEqual(['2026-10-30T13:00:00.000Z', '2026-11-02T21:30:00.000Z']);
		// Read back from storage, the form shows what the teacher typed, and a student elsewhere their own wall time.
		expect(settingsEcho(assignment, 'America/Chicago')).toMatchObject({ opensAt: '2026-10-30T08:00', closesAt: '2026-11-02T15:30' });
		expect([showTime(assignment.opensAt, 'America/Los_Angeles'), showTime(assignment.closesAt, 'America/Los_Angeles')]).toEqual([
			'Fri, Oct 30, 6:00 AM PDT',
			'Mon, Nov 2, 1:30 PM PST'
		]);
	});

	it('refuses a time the clocks skip, and a tampered zone, before anything is stored', async () => {
		const base = { opensAt: '2026-03-08T02:30', closesAt: '2026-03-09T09:00', maxAttempts: '1', feedback: 'after-submit' };
		const skipped = new FormData();
		for (const [k, v] of Object.entries({ ...base, zone: 'America/Chicago' })) skipped.set(k, v);
		expect(readSettings(skipped, 'UTC').problem).toMatch(/^The opening time, Sun, Mar 8, 2026, 2:30 AM, does not exist in America\/Chicago/);
		const tampered = new FormData();
		for (const [k, v] of Object.entries({ ...base, zone: 'Nowhere/Atlantis' })) tampered.set(k, v);
		expect(readSettings(tampered, 'UTC').problem).toMatch(/not a time zone the kit knows/);
		// Without the field (an older page) the teacher's own zone applies: UTC has no gap.
		const older = new FormData();
		for (const [k, v] of Object.entries(base)) older.set(k, v);
		expect(readSettings(older, 'UTC')).toMatchObject({ problem: null, settings: { opensAt: new Date('2026-03-08T02:30:00Z') } });
	});
});
