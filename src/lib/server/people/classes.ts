/**
 * Classes, their join codes and rosters, and students joining them. Every function
 * that changes a class takes the owning teacher's id and refuses other teachers' classes
 * with a 404, so a forged id reveals nothing.
 */
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { hashSecret, randomCode, randomToken } from '../auth/tokens';
import { CODE_ALPHABET, JOIN_CODE_LENGTH, REJOIN_CODE_LENGTH } from '$lib/classes/codes';
import { announceClassChange } from './join-screen';
import { classResults } from '../quiz/class-results';
import { MAX_ROSTER_CHARS, MAX_ROSTER_NAMES, nameKey, nameProblem, parseRoster, tidyName } from '$lib/classes/roster';

export const REJOIN_LIFETIME_MS = 15 * 60 * 1000;

/** Ids the kit makes are 24 lowercase base32 characters; anything else cannot be one. */
const isId = (value: string) => /^[a-z2-7]{24}$/.test(value);
const MAX_CLASS_NAME = 80;

function className(input: string): string {
	const name = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
	if (name.length === 0) throw new DomainError(m.teach_err_class_name());
	if (/[\p{Cc}\p{Cf}]/u.test(name)) throw new DomainError(m.teach_err_class_invisible());
	if (name.length > MAX_CLASS_NAME) throw new DomainError(m.teach_err_class_long({ max: MAX_CLASS_NAME }));
	return name;
}

/** A join code no other class has. */
async function freshJoinCode({ db, tables: t }: DatabaseHandle): Promise<string> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const code = randomCode(CODE_ALPHABET, JOIN_CODE_LENGTH);
		const [taken] = await db.select({ id: t.classes.id }).from(t.classes).where(eq(t.classes.joinCode, code));
		if (!taken) return code;
	}
	throw new Error('Could not find a free join code.');
}

/** Creates a class for `teacherId`. */
export async function createClass(handle: DatabaseHandle, teacherId: string, name: string) {
	const id = randomToken();
	await handle.db.insert(handle.tables.classes).values({
		id,
		teacherId,
		name: className(name),
		joinCode: await freshJoinCode(handle),
		openJoin: false
	});
	return { id };
}

/** The teacher's classes, active first, each with its number of students. */
export async function listClasses({ db, tables: t }: DatabaseHandle, teacherId: string) {
	const rows = await db.select().from(t.classes).where(eq(t.classes.teacherId, teacherId)).orderBy(asc(t.classes.name));
	const ids = rows.map((c) => c.id);
	const studentRows = ids.length
		? await db.select({ classId: t.students.classId }).from(t.students).where(inArray(t.students.classId, ids))
		: [];
	return rows.map((c) => ({ ...c, students: studentRows.filter((s) => s.classId === c.id).length }));
}

/** The class if `teacherId` owns it; otherwise a 404, whether it exists or not. */
export async function ownedClass({ db, tables: t }: DatabaseHandle, teacherId: string, classId: string) {
	if (!isId(classId)) throw new DomainError(m.teach_err_no_class(), 404);
	const [row] = await db
		.select()
		.from(t.classes)
		.where(and(eq(t.classes.id, classId), eq(t.classes.teacherId, teacherId)));
	if (!row) throw new DomainError(m.teach_err_no_class(), 404);
	return row;
}

/** The class's roster in name order. */
export async function roster({ db, tables: t }: DatabaseHandle, classId: string) {
	return db
		.select({ id: t.students.id, displayName: t.students.displayName, claimedAt: t.students.claimedAt, createdAt: t.students.createdAt })
		.from(t.students)
		.where(eq(t.students.classId, classId))
		.orderBy(asc(t.students.nameKey));
}

export async function renameClass(handle: DatabaseHandle, teacherId: string, classId: string, name: string) {
	await ownedClass(handle, teacherId, classId);
	await handle.db.update(handle.tables.classes).set({ name: className(name) }).where(eq(handle.tables.classes.id, classId));
	announceClassChange(handle, classId);
}

export async function setArchived(handle: DatabaseHandle, teacherId: string, classId: string, archived: boolean) {
	await ownedClass(handle, teacherId, classId);
	await handle.db
		.update(handle.tables.classes)
		.set({ archivedAt: archived ? new Date() : null })
		.where(eq(handle.tables.classes.id, classId));
	announceClassChange(handle, classId);
}

export async function setOpenJoin(handle: DatabaseHandle, teacherId: string, classId: string, open: boolean) {
	await ownedClass(handle, teacherId, classId);
	await handle.db.update(handle.tables.classes).set({ openJoin: open }).where(eq(handle.tables.classes.id, classId));
}

/** Gives the class a new join code; the old one stops working at once. */
export async function regenerateJoinCode(handle: DatabaseHandle, teacherId: string, classId: string) {
	await ownedClass(handle, teacherId, classId);
	const joinCode = await freshJoinCode(handle);
	await handle.db.update(handle.tables.classes).set({ joinCode }).where(eq(handle.tables.classes.id, classId));
	announceClassChange(handle, classId);
	return joinCode;
}

/** Adds pasted names to the roster; duplicates and bad lines are reported, not added. */
export async function addToRoster(handle: DatabaseHandle, teacherId: string, classId: string, text: string) {
	await ownedClass(handle, teacherId, classId);
	if (text.length > MAX_ROSTER_CHARS) {
		throw new DomainError(m.teach_err_roster_long({ max: MAX_ROSTER_CHARS.toLocaleString(getLocale()) }), 413);
	}
	const existing = (await roster(handle, classId)).map((s) => s.displayName);
	const parsed = parseRoster(text, existing);
	if (existing.length + parsed.names.length > MAX_ROSTER_NAMES) {
		throw new DomainError(m.teach_err_roster_full({ max: MAX_ROSTER_NAMES }), 413);
	}
	if (parsed.names.length > 0) {
		await handle.db
			.insert(handle.tables.students)
			.values(parsed.names.map((displayName) => ({ id: randomToken(), classId, displayName, nameKey: nameKey(displayName) })));
	}
	return parsed;
}

/** The student if they belong to `classId`; otherwise a 404. */
async function studentOf({ db, tables: t }: DatabaseHandle, classId: string, studentId: string) {
	if (!isId(studentId)) throw new DomainError(m.err_no_student(), 404);
	const [row] = await db
		.select()
		.from(t.students)
		.where(and(eq(t.students.id, studentId), eq(t.students.classId, classId)));
	if (!row) throw new DomainError(m.err_no_student(), 404);
	return row;
}

async function ensureNameFree({ db, tables: t }: DatabaseHandle, classId: string, name: string, exceptId?: string) {
	const [clash] = await db
		.select({ id: t.students.id })
		.from(t.students)
		.where(and(eq(t.students.classId, classId), eq(t.students.nameKey, nameKey(name))));
	if (clash && clash.id !== exceptId) {
		throw new DomainError(m.err_name_taken({ name: tidyName(name) }), 409);
	}
}

export async function renameStudent(handle: DatabaseHandle, teacherId: string, classId: string, studentId: string, name: string) {
	await ownedClass(handle, teacherId, classId);
	await studentOf(handle, classId, studentId);
	const problem = nameProblem(name);
	if (problem) throw new DomainError(problem);
	await ensureNameFree(handle, classId, name, studentId);
	await handle.db
		.update(handle.tables.students)
		.set({ displayName: tidyName(name), nameKey: nameKey(name) })
		.where(eq(handle.tables.students.id, studentId));
}

/** Removes a student and everything of theirs; their devices are signed out of the class. */
export async function removeStudent(handle: DatabaseHandle, teacherId: string, classId: string, studentId: string) {
	await ownedClass(handle, teacherId, classId);
	const student = await studentOf(handle, classId, studentId);
	await handle.db.delete(handle.tables.students).where(eq(handle.tables.students.id, studentId));
	announceClassChange(handle, classId);
	return { name: student.displayName };
}

/** A one-time code for the student to get back in on a new device; replaces any earlier one. */
export async function createRejoinCode(handle: DatabaseHandle, teacherId: string, classId: string, studentId: string, now = new Date()) {
	await ownedClass(handle, teacherId, classId);
	const student = await studentOf(handle, classId, studentId);
	const code = randomCode(CODE_ALPHABET, REJOIN_CODE_LENGTH);
	const expiresAt = new Date(now.getTime() + REJOIN_LIFETIME_MS);
	await handle.db
		.update(handle.tables.students)
		.set({ rejoinCodeHash: hashSecret(code), rejoinExpiresAt: expiresAt })
		.where(eq(handle.tables.students.id, studentId));
	return { code, expiresAt, name: student.displayName };
}

/** The joinable class with this code (not archived), or null. */
export async function classByJoinCode({ db, tables: t }: DatabaseHandle, code: string) {
	const [row] = await db.select().from(t.classes).where(eq(t.classes.joinCode, code));
	return row ?? null;
}

/** Names a student can pick when joining: roster students who have not joined on any device yet. */
export async function joinChoices({ db, tables: t }: DatabaseHandle, classId: string) {
	const rows = await db
		.select({ id: t.students.id, displayName: t.students.displayName, claimedAt: t.students.claimedAt })
		.from(t.students)
		.where(eq(t.students.classId, classId))
		.orderBy(asc(t.students.nameKey));
	return rows.map((r) => ({ id: r.id, displayName: r.displayName, taken: r.claimedAt !== null }));
}

function ensureJoinable(cls: { archivedAt: Date | null } | null) {
	if (!cls) throw new DomainError(m.err_code_wrong(), 404);
	if (cls.archivedAt) throw new DomainError(m.err_class_closed(), 410);
}

/**
 * Joins as a name from the roster. A name already taken on another device needs a
 * rejoin code from the teacher, so nobody can step into someone else's place.
 */
export async function joinAsRosterStudent(handle: DatabaseHandle, code: string, studentId: string) {
	const cls = await classByJoinCode(handle, code);
	ensureJoinable(cls);
	const { db, tables: t } = handle;
	if (!isId(studentId)) throw new DomainError(m.err_no_student(), 404);
	const claimed = await db
		.update(t.students)
		.set({ claimedAt: new Date() })
		.where(and(eq(t.students.id, studentId), eq(t.students.classId, cls!.id), isNull(t.students.claimedAt)))
		.returning({ id: t.students.id });
	if (claimed.length === 0) {
		await studentOf(handle, cls!.id, studentId);
		throw new DomainError(m.err_name_joined(), 409);
	}
	announceClassChange(handle, cls!.id);
	return { studentId: claimed[0].id, classId: cls!.id };
}

/** Joins a class that allows open join under a name the student types. */
export async function joinWithName(handle: DatabaseHandle, code: string, name: string) {
	const cls = await classByJoinCode(handle, code);
	ensureJoinable(cls);
	if (!cls!.openJoin) throw new DomainError(m.err_list_only(), 403);
	const problem = nameProblem(name);
	if (problem) throw new DomainError(problem);
	await ensureNameFree(handle, cls!.id, name);
	if ((await roster(handle, cls!.id)).length >= MAX_ROSTER_NAMES) {
		throw new DomainError(m.err_class_full(), 409);
	}
	const id = randomToken();
	try {
		await handle.db.insert(handle.tables.students).values({
			id,
			classId: cls!.id,
			displayName: tidyName(name),
			nameKey: nameKey(name),
			claimedAt: new Date()
		});
	} catch (error) {
		// Two students typing the same name at once: the unique index decides.
		if (/unique|23505/i.test(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}`)) {
			throw new DomainError(m.err_name_just_taken({ name: tidyName(name) }), 409);
		}
		throw error;
	}
	announceClassChange(handle, cls!.id);
	return { studentId: id, classId: cls!.id };
}

/** Whose a live rejoin code is (student and class), without using it; null when none. */
export async function rejoinTarget({ db, tables: t }: DatabaseHandle, code: string, now = new Date()) {
	const [row] = await db
		.select({ studentId: t.students.id, classId: t.students.classId })
		.from(t.students)
		.where(and(eq(t.students.rejoinCodeHash, hashSecret(code)), gt(t.students.rejoinExpiresAt, now)));
	return row ?? null;
}

/**
 * Uses a rejoin code: the student it belongs to, once; wrong, used or expired codes get
 * a 4xx. Every other device signed in as that student is signed out of them, so a rejoin
 * code also takes a name back from whoever had taken it.
 */
export async function useRejoinCode(handle: DatabaseHandle, code: string, now = new Date()) {
	const { db, tables: t } = handle;
	const [student] = await db
		.select({ id: t.students.id, classId: t.students.classId, archivedAt: t.classes.archivedAt })
		.from(t.students)
		.innerJoin(t.classes, eq(t.classes.id, t.students.classId))
		.where(and(eq(t.students.rejoinCodeHash, hashSecret(code)), gt(t.students.rejoinExpiresAt, now)));
	if (!student) throw new DomainError(m.err_rejoin_wrong(), 400);
	ensureJoinable(student);
	const used = await db
		.update(t.students)
		.set({ rejoinCodeHash: null, rejoinExpiresAt: null, claimedAt: now })
		.where(and(eq(t.students.id, student.id), eq(t.students.rejoinCodeHash, hashSecret(code))))
		.returning({ id: t.students.id });
	if (used.length === 0) throw new DomainError(m.err_rejoin_used(), 410);
	await db.delete(t.sessionStudents).where(eq(t.sessionStudents.studentId, student.id));
	return { studentId: student.id, classId: student.classId };
}

/** Everything stored about a class, for the teacher's export. */
export async function exportClass(handle: DatabaseHandle, teacherId: string, classId: string) {
	const cls = await ownedClass(handle, teacherId, classId);
	const students = await roster(handle, classId);
	return {
		class: { name: cls.name, joinCode: cls.joinCode, openJoin: cls.openJoin, createdAt: cls.createdAt, archivedAt: cls.archivedAt },
		students: students.map((s) => ({ displayName: s.displayName, addedAt: s.createdAt, joinedAt: s.claimedAt })),
		// Assignments and live sessions, each student in the same roster order as above.
		results: await classResults(handle, cls.id)
	};
}

/** Deletes a class and everything that belongs to it (students and their device sign-ins). */
export async function deleteClass(handle: DatabaseHandle, teacherId: string, classId: string) {
	await ownedClass(handle, teacherId, classId);
	await handle.db.delete(handle.tables.classes).where(eq(handle.tables.classes.id, classId));
	announceClassChange(handle, classId);
}
