import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import {
	approveTeacher,
	authenticate,
	createFirstTeacher,
	createInvite,
	needsSetup,
	pendingTeacherCount,
	pendingTeachers,
	refuseTeacher,
	setSignupMode,
	signUpTeacher
} from '../../src/lib/server/people/teachers';
import {
	addToRoster,
	createClass,
	createRejoinCode,
	deleteClass,
	exportClass,
	joinAsRosterStudent,
	joinWithName,
	ownedClass,
	regenerateJoinCode,
	setOpenJoin,
	useRejoinCode
} from '../../src/lib/server/people/classes';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { consume, createLimiters } from '../../src/lib/server/auth/rate-limit';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { refusal } from '../fixtures/refusal';

const ADA = { name: 'Ada', email: 'Ada@School.test', password: 'harbor lantern violet' };
const OLU = { name: 'Olu', email: 'olu@school.test', password: 'meadow copper tunnel' };

describe(`teachers on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	beforeEach(async () => (handle = await freshDatabase()));
	afterEach(async () => handle.close());

	it('runs setup once, making the first teacher admin', async () => {
		expect(await needsSetup(handle)).toBe(true);
		await createFirstTeacher(handle, ADA, 'invite');
		expect(await needsSetup(handle)).toBe(false);
		expect((await refusal(createFirstTeacher(handle, OLU, 'open'))).status).toBe(403);
		const teachers = await handle.db.select().from(handle.tables.teachers);
		expect(teachers.map((t) => [t.email, t.isAdmin])).toEqual([['ada@school.test', true]]);
		expect(teachers[0].passwordHash).toMatch(/^\$argon2id\$/);
	});

	it('lets only one of two simultaneous setups through', async () => {
		const results = await Promise.allSettled([createFirstTeacher(handle, ADA, 'open'), createFirstTeacher(handle, OLU, 'open')]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(await handle.db.select().from(handle.tables.teachers)).toHaveLength(1);
	});

	it('requires a live, unused invite when sign-up is by invitation', async () => {
		const { id: admin } = await createFirstTeacher(handle, ADA, 'invite');
		expect((await refusal(signUpTeacher(handle, OLU, null))).status).toBe(403);
		expect((await refusal(signUpTeacher(handle, OLU, 'forged-token'))).status).toBe(403);
		const invite = await createInvite(handle, admin);
		await signUpTeacher(handle, OLU, invite);
		expect((await refusal(signUpTeacher(handle, { ...OLU, email: 'x@school.test' }, invite))).status).toBe(403);
	});

	it('refuses a second account for one email, and weak passwords', async () => {
		await createFirstTeacher(handle, ADA, 'open');
		expect((await refusal(signUpTeacher(handle, { ...OLU, email: 'ADA@school.test' }, null))).status).toBe(409);
		expect((await refusal(signUpTeacher(handle, { ...OLU, password: 'short' }, null))).message).toMatch(/at least 8/);
		expect((await refusal(signUpTeacher(handle, { ...OLU, password: 'iloveyou' }, null))).message).toMatch(/commonly used/);
		await setSignupMode(handle, 'invite');
		expect((await refusal(signUpTeacher(handle, OLU, null))).status).toBe(403);
	});

	it('authenticates by email (any case) and password only', async () => {
		await createFirstTeacher(handle, ADA, 'open');
		expect(await authenticate(handle, ' ADA@school.TEST ', ADA.password)).not.toBeNull();
		expect(await authenticate(handle, ADA.email, 'harbor lantern violet!')).toBeNull();
		expect(await authenticate(handle, 'nobody@school.test', ADA.password)).toBeNull();
	});
});

describe(`approving open sign-ups on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let admin: string;
	beforeEach(async () => {
		handle = await freshDatabase();
		({ id: admin } = await createFirstTeacher(handle, ADA, 'open'));
	});
	afterEach(async () => handle.close());

	const PAT = { name: 'Pat', email: 'pat@school.test', password: 'gravel orchid signal' };
	async function approvedAt(id: string) {
		const [row] = await handle.db.select().from(handle.tables.teachers).where(eq(handle.tables.teachers.id, id));
		return row ? row.approvedAt : 'deleted';
	}
	async function sessionTeacher(token: string) {
		return (await validateSessionToken(handle, token))?.teacher ?? null;
	}

	it('approves the admin at setup, and makes an open sign-up wait', async () => {
		expect(await approvedAt(admin)).toBeInstanceOf(Date);
		const { id, approved } = await signUpTeacher(handle, OLU, null);
		expect(approved).toBe(false);
		expect(await approvedAt(id)).toBeNull();
		expect(await pendingTeacherCount(handle)).toBe(1);
		expect((await pendingTeachers(handle)).map((p) => [p.id, p.name, p.email])).toEqual([[id, 'Olu', 'olu@school.test']]);
		expect((await pendingTeachers(handle))[0].createdAt).toBeInstanceOf(Date);
	});

	it('approves an invite sign-up at once, whichever the sign-up mode', async () => {
		const first = await signUpTeacher(handle, OLU, await createInvite(handle, admin));
		expect(first.approved).toBe(true);
		expect(await approvedAt(first.id)).toBeInstanceOf(Date);
		await setSignupMode(handle, 'invite');
		const second = await signUpTeacher(handle, PAT, await createInvite(handle, admin));
		expect(second.approved).toBe(true);
		expect(await pendingTeacherCount(handle)).toBe(0);
	});

	it('marks a waiting teacher’s session pending, and approval shows on its next check', async () => {
		const { id } = await signUpTeacher(handle, OLU, null);
		const { token } = await createSession(handle, { teacherId: id });
		expect(await sessionTeacher(token)).toMatchObject({ id, approved: false, isAdmin: false });
		const { token: adminToken } = await createSession(handle, { teacherId: admin });
		expect(await sessionTeacher(adminToken)).toMatchObject({ approved: true, isAdmin: true });

		expect(await approveTeacher(handle, admin, id)).toEqual({ name: 'Olu', email: 'olu@school.test' });
		expect(await sessionTeacher(token)).toMatchObject({ id, approved: true });
		expect(await pendingTeachers(handle)).toEqual([]);
	});

	it('refuses a waiting teacher by deleting the account and its sessions', async () => {
		const { id } = await signUpTeacher(handle, OLU, null);
		const { token } = await createSession(handle, { teacherId: id });
		expect(await refuseTeacher(handle, admin, id)).toEqual({ name: 'Olu', email: 'olu@school.test' });
		expect(await approvedAt(id)).toBe('deleted');
		expect(await validateSessionToken(handle, token)).toBeNull();
		expect(await authenticate(handle, OLU.email, OLU.password)).toBeNull();
		// The address is free again: they may sign up anew, and wait again.
		expect((await signUpTeacher(handle, OLU, null)).approved).toBe(false);
	});

	it('lets only the admin approve or refuse', async () => {
		const { id: olu } = await signUpTeacher(handle, OLU, await createInvite(handle, admin));
		const { id: pat } = await signUpTeacher(handle, PAT, null);
		for (const actor of [olu, pat, 'not-a-teacher']) {
			expect((await refusal(approveTeacher(handle, actor, pat))).status).toBe(403);
			expect((await refusal(refuseTeacher(handle, actor, pat))).status).toBe(403);
		}
		// A waiting account marked admin by hand is still no admin until approved.
		await handle.db.update(handle.tables.teachers).set({ isAdmin: true }).where(eq(handle.tables.teachers.id, pat));
		expect((await refusal(approveTeacher(handle, pat, pat))).status).toBe(403);
		expect(await approvedAt(pat)).toBeNull();
	});

	it('never refuses an approved teacher, and approves once', async () => {
		const { id: olu } = await signUpTeacher(handle, OLU, await createInvite(handle, admin));
		expect((await refusal(refuseTeacher(handle, admin, olu))).status).toBe(409);
		expect((await refusal(refuseTeacher(handle, admin, admin))).status).toBe(409);
		expect(await approvedAt(olu)).toBeInstanceOf(Date);

		const { id: pat } = await signUpTeacher(handle, PAT, null);
		const results = await Promise.allSettled([approveTeacher(handle, admin, pat), approveTeacher(handle, admin, pat)]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect((await refusal(approveTeacher(handle, admin, pat))).status).toBe(409);
		expect((await refusal(refuseTeacher(handle, admin, pat))).status).toBe(409);
	});

	it('answers ids that cannot exist with a 404', async () => {
		for (const id of ['bad\u0000id', 'x'.repeat(300), '', 'abcdefghijklmnopqrstuvwx']) {
			expect((await refusal(approveTeacher(handle, admin, id))).status).toBe(404);
			expect((await refusal(refuseTeacher(handle, admin, id))).status).toBe(404);
		}
	});
});

describe(`classes and joining on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let ada: string;
	let olu: string;

	beforeEach(async () => {
		handle = await freshDatabase();
		({ id: ada } = await createFirstTeacher(handle, ADA, 'open'));
		({ id: olu } = await signUpTeacher(handle, OLU, null));
	});
	afterEach(async () => handle.close());

	async function classWith(names: string) {
		const { id } = await createClass(handle, ada, 'Civics');
		await addToRoster(handle, ada, id, names);
		const cls = await ownedClass(handle, ada, id);
		const students = await handle.db.select().from(handle.tables.students).where(eq(handle.tables.students.classId, id));
		return { cls, byName: Object.fromEntries(students.map((s) => [s.displayName, s.id])) };
	}

	it('answers ids that cannot exist (even with NUL bytes) with a 404, not a database error', async () => {
		const { cls } = await classWith('Ana');
		for (const id of ['bad\u0000id', 'x'.repeat(300), '']) {
			expect((await refusal(ownedClass(handle, ada, id))).status).toBe(404);
			expect((await refusal(joinAsRosterStudent(handle, cls.joinCode, id))).status).toBe(404);
		}
	});

	it('signs other devices out of a student when a rejoin code is used', async () => {
		const { cls, byName } = await classWith('Ana');
		await joinAsRosterStudent(handle, cls.joinCode, byName['Ana']);
		const impostor = await createSession(handle, { studentIds: [byName['Ana']] });
		const { code } = await createRejoinCode(handle, ada, cls.id, byName['Ana']);
		await useRejoinCode(handle, code);
		expect(await validateSessionToken(handle, impostor.token)).toBeNull();
	});

	it('keeps each teacher to their own classes', async () => {
		const { cls } = await classWith('Ana');
		expect((await refusal(ownedClass(handle, olu, cls.id))).status).toBe(404);
		expect((await refusal(addToRoster(handle, olu, cls.id, 'Intruder'))).status).toBe(404);
		expect((await refusal(deleteClass(handle, olu, cls.id))).status).toBe(404);
	});

	it('lets a rostered name join once; a second device needs a one-time rejoin code', async () => {
		const { cls, byName } = await classWith('Ana\nBen');
		await joinAsRosterStudent(handle, cls.joinCode, byName['Ana']);
		expect((await refusal(joinAsRosterStudent(handle, cls.joinCode, byName['Ana']))).status).toBe(409);

		const { code } = await createRejoinCode(handle, ada, cls.id, byName['Ana']);
		expect((await useRejoinCode(handle, code)).studentId).toBe(byName['Ana']);
		expect((await refusal(useRejoinCode(handle, code))).status).toBe(400);
	});

	it('lets a rejoin code expire after 15 minutes', async () => {
		const { cls, byName } = await classWith('Ana');
		const t0 = new Date();
		const { code } = await createRejoinCode(handle, ada, cls.id, byName['Ana'], t0);
		expect((await refusal(useRejoinCode(handle, code, new Date(t0.getTime() + 16 * 60 * 1000)))).status).toBe(400);
	});

	it('stops the old code working when a new join code is made, and refuses archived classes', async () => {
		const { cls, byName } = await classWith('Ana');
		await regenerateJoinCode(handle, ada, cls.id);
		expect((await refusal(joinAsRosterStudent(handle, cls.joinCode, byName['Ana']))).status).toBe(404);
	});

	it('with open join, takes typed names but not duplicates', async () => {
		const { cls } = await classWith('Ana');
		expect((await refusal(joinWithName(handle, cls.joinCode, 'Zoe'))).status).toBe(403);
		await setOpenJoin(handle, ada, cls.id, true);
		await joinWithName(handle, cls.joinCode, 'Zoe K');
		expect((await refusal(joinWithName(handle, cls.joinCode, ' zoe  k'))).status).toBe(409);
		expect((await refusal(joinWithName(handle, cls.joinCode, 'ANA'))).status).toBe(409);
	});

	it('exports what it stores, and deleting a class removes its students and their sign-ins', async () => {
		const { cls, byName } = await classWith('Ana\nBen');
		await joinAsRosterStudent(handle, cls.joinCode, byName['Ana']);
		const { token } = await createSession(handle, { studentIds: [byName['Ana']] });
		const exported = await exportClass(handle, ada, cls.id);
		expect(exported.students.map((s) => s.displayName)).toEqual(['Ana', 'Ben']);
		expect(Object.keys(exported.students[0]).sort()).toEqual(['addedAt', 'displayName', 'joinedAt']);

		await deleteClass(handle, ada, cls.id);
		expect(await handle.db.select().from(handle.tables.students)).toHaveLength(0);
		expect(await handle.db.select().from(handle.tables.sessionStudents)).toHaveLength(0);
		expect(await validateSessionToken(handle, token)).toBeNull();
	});
});

describe(`rate limits on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	beforeEach(async () => (handle = await freshDatabase()));
	afterEach(async () => handle.close());

	it('counts attempts in the database and refuses once over, saying how long to wait', async () => {
		const limits = createLimiters(handle, { sweep: false });
		for (let i = 0; i < 10; i++) await consume(limits.signInFailuresPerAccount, 'ada@school.test');
		const error = await refusal(consume(limits.signInFailuresPerAccount, 'ada@school.test'));
		expect(error.status).toBe(429);
		expect(error.message).toMatch(/Please wait 15 minutes/);
		// Another account, and a second limiter instance (another app server), see the same counts.
		await consume(limits.signInFailuresPerAccount, 'olu@school.test');
		const other = createLimiters(handle, { sweep: false });
		expect((await refusal(consume(other.signInFailuresPerAccount, 'ada@school.test'))).status).toBe(429);
	});
});
