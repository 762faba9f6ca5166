import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import {
	authenticate,
	createFirstTeacher,
	createInvite,
	needsSetup,
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
