import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import {
	addStudentToSession,
	createSession,
	invalidateSession,
	invalidateTeacherSessions,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { hashSecret } from '../../src/lib/server/auth/tokens';
import { createFirstTeacher } from '../../src/lib/server/people/teachers';
import { addToRoster, createClass, joinAsRosterStudent, removeStudent } from '../../src/lib/server/people/classes';
import { rememberLocale } from '../../src/lib/server/people/locales';
import { ENGINE, freshDatabase } from '../fixtures/database';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe(`sessions on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let teacherId: string;

	beforeEach(async () => {
		handle = await freshDatabase();
		({ id: teacherId } = await createFirstTeacher(handle, { name: 'Ada', email: 'ada@school.test', password: 'harbor lantern violet' }, 'open'));
	});
	afterEach(async () => handle.close());

	it('stores only a hash of the secret, and accepts the token', async () => {
		const { token } = await createSession(handle, { teacherId });
		const [id, secret] = token.split('.');
		const [row] = await handle.db.select().from(handle.tables.sessions).where(eq(handle.tables.sessions.id, id));
		expect(row.secretHash).toBe(hashSecret(secret));
		expect(JSON.stringify(row)).not.toContain(secret);
		expect((await validateSessionToken(handle, token))?.teacher?.email).toBe('ada@school.test');
	});

	it.each(['', 'nodot', 'a.b.c', 'unknownid.secret'])('refuses the malformed or unknown token %j', async (token) => {
		expect(await validateSessionToken(handle, token)).toBeNull();
	});

	it('refuses a token whose secret is wrong', async () => {
		const { token } = await createSession(handle, { teacherId });
		const [id] = token.split('.');
		expect(await validateSessionToken(handle, `${id}.wrongsecretwrongsecretxx`)).toBeNull();
	});

	it('slides forward while in use and ends after ten idle days', async () => {
		const t0 = new Date('2026-03-01T08:00:00Z');
		const { token } = await createSession(handle, { teacherId }, t0);
		const day9 = new Date(t0.getTime() + 9 * DAY);
		const seen = await validateSessionToken(handle, token, day9);
		expect(seen?.expiresAt.getTime()).toBe(day9.getTime() + 10 * DAY);
		// Because it slid on day 9, it is still valid on day 18.
		expect(await validateSessionToken(handle, token, new Date(t0.getTime() + 18 * DAY))).not.toBeNull();
		// Unused from day 18 for ten days: over, and removed.
		expect(await validateSessionToken(handle, token, new Date(t0.getTime() + 28 * DAY + HOUR))).toBeNull();
		expect(await handle.db.select().from(handle.tables.sessions)).toHaveLength(0);
	});

	it('signs out one device, or all of a teacher’s devices', async () => {
		const a = await createSession(handle, { teacherId });
		const b = await createSession(handle, { teacherId });
		await invalidateSession(handle, a.token.split('.')[0]);
		expect(await validateSessionToken(handle, a.token)).toBeNull();
		expect(await validateSessionToken(handle, b.token)).not.toBeNull();
		await invalidateTeacherSessions(handle, teacherId);
		expect(await validateSessionToken(handle, b.token)).toBeNull();
	});

	it('remembers the interface language on a device session; one chosen before signing in never replaces it', async () => {
		const c = await createClass(handle, teacherId, 'Civics');
		await addToRoster(handle, teacherId, c.id, 'Ana');
		const [ana] = await handle.db.select().from(handle.tables.students);
		const { token } = await createSession(handle, { studentIds: [ana.id] });
		const id = token.split('.')[0];
		expect((await validateSessionToken(handle, token))?.locale).toBeNull();

		await rememberLocale(handle, id, 'es', { onlyIfUnset: true });
		expect((await validateSessionToken(handle, token))?.locale).toBe('es');
		await rememberLocale(handle, id, 'en', { onlyIfUnset: true });
		expect((await validateSessionToken(handle, token))?.locale).toBe('es');
		await rememberLocale(handle, id, 'en');
		expect((await validateSessionToken(handle, token))?.locale).toBe('en');
	});

	it('lets one student device hold several classes, and ends when its students are gone', async () => {
		const c1 = await createClass(handle, teacherId, 'Civics');
		const c2 = await createClass(handle, teacherId, 'History');
		await addToRoster(handle, teacherId, c1.id, 'Ana');
		await addToRoster(handle, teacherId, c2.id, 'Ana');
		const [cls1] = await handle.db.select().from(handle.tables.classes).where(eq(handle.tables.classes.id, c1.id));
		const [cls2] = await handle.db.select().from(handle.tables.classes).where(eq(handle.tables.classes.id, c2.id));
		const students = await handle.db.select().from(handle.tables.students);
		const s1 = students.find((s) => s.classId === c1.id)!;
		const s2 = students.find((s) => s.classId === c2.id)!;

		await joinAsRosterStudent(handle, cls1.joinCode, s1.id);
		const { token } = await createSession(handle, { studentIds: [s1.id] });
		await joinAsRosterStudent(handle, cls2.joinCode, s2.id);
		await addStudentToSession(handle, token.split('.')[0], s2.id);
		expect((await validateSessionToken(handle, token))?.students.map((s) => s.className)).toEqual(['Civics', 'History']);

		await removeStudent(handle, teacherId, c1.id, s1.id);
		expect((await validateSessionToken(handle, token))?.students.map((s) => s.className)).toEqual(['History']);
		await removeStudent(handle, teacherId, c2.id, s2.id);
		expect(await validateSessionToken(handle, token)).toBeNull();
	});
});
