/**
 * Privacy housekeeping for the admin: how much student data the kit holds, per teacher,
 * and deleting a teacher who leaves with every class of theirs (students, attempts,
 * answers and sessions go with them through the schema's cascades).
 */
import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { isToken } from '../auth/tokens';
import { announceClassChange } from './join-screen';

/** What one teacher's classes hold. */
export interface HeldCounts {
	classes: number;
	students: number;
	attempts: number;
	responses: number;
}

const NONE: HeldCounts = { classes: 0, students: 0, attempts: 0, responses: 0 };

/**
 * Counts per teacher (every account, the admin first, then by name) and in all, plus the
 * anonymous practice attempts and their answers, which belong to no teacher.
 */
export async function studentDataHeld({ db, tables: t }: DatabaseHandle) {
	const teachers = await db
		.select({ id: t.teachers.id, name: t.teachers.name, email: t.teachers.email, isAdmin: t.teachers.isAdmin, approvedAt: t.teachers.approvedAt })
		.from(t.teachers);
	const classes = await db.select({ teacherId: t.classes.teacherId, n: count() }).from(t.classes).groupBy(t.classes.teacherId);
	const students = await db
		.select({ teacherId: t.classes.teacherId, n: count() })
		.from(t.students)
		.innerJoin(t.classes, eq(t.students.classId, t.classes.id))
		.groupBy(t.classes.teacherId);
	const attempts = await db
		.select({ teacherId: t.classes.teacherId, n: count() })
		.from(t.attempts)
		.innerJoin(t.students, eq(t.attempts.studentId, t.students.id))
		.innerJoin(t.classes, eq(t.students.classId, t.classes.id))
		.groupBy(t.classes.teacherId);
	const responses = await db
		.select({ teacherId: t.classes.teacherId, n: count() })
		.from(t.responses)
		.innerJoin(t.attempts, eq(t.responses.attemptId, t.attempts.id))
		.innerJoin(t.students, eq(t.attempts.studentId, t.students.id))
		.innerJoin(t.classes, eq(t.students.classId, t.classes.id))
		.groupBy(t.classes.teacherId);
	const practiceWhere = and(isNull(t.attempts.studentId), isNotNull(t.attempts.practiceKeyHash));
	const [practice] = await db.select({ n: count() }).from(t.attempts).where(practiceWhere);
	const [practiceResponses] = await db
		.select({ n: count() })
		.from(t.responses)
		.innerJoin(t.attempts, eq(t.responses.attemptId, t.attempts.id))
		.where(practiceWhere);

	const of = (rows: { teacherId: string; n: number }[], id: string) => Number(rows.find((r) => r.teacherId === id)?.n ?? 0);
	const perTeacher = teachers
		.map(({ approvedAt, ...teacher }) => ({
			...teacher,
			/** A teacher still waiting holds nothing yet; the admin refuses them, not deletes them. */
			approved: approvedAt !== null,
			held: {
				classes: of(classes, teacher.id),
				students: of(students, teacher.id),
				attempts: of(attempts, teacher.id),
				responses: of(responses, teacher.id)
			} satisfies HeldCounts
		}))
		.sort((a, b) => Number(b.isAdmin) - Number(a.isAdmin) || a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
	const total = perTeacher.reduce<HeldCounts>(
		(sum, { held }) => ({
			classes: sum.classes + held.classes,
			students: sum.students + held.students,
			attempts: sum.attempts + held.attempts,
			responses: sum.responses + held.responses
		}),
		NONE
	);
	return { perTeacher, total, practice: { attempts: Number(practice.n), responses: Number(practiceResponses.n) } };
}

const noSuchTeacher = () => m.settings_err_no_teacher();

/**
 * Deletes a teacher's account and every class of theirs, with their students, attempts,
 * answers, quizzes, invites and sessions. Only the admin may, never their own account
 * (the kit would have no admin), and only after typing the teacher's email (`confirmEmail`).
 */
export async function deleteTeacherAndClasses(handle: DatabaseHandle, adminId: string, teacherId: string, confirmEmail: string) {
	const { db, tables: t } = handle;
	const [admin] = await db
		.select({ id: t.teachers.id })
		.from(t.teachers)
		.where(and(eq(t.teachers.id, adminId), eq(t.teachers.isAdmin, true), isNotNull(t.teachers.approvedAt)));
	if (!admin) throw new DomainError(m.settings_err_admin_only(), 403);
	if (!isToken(teacherId)) throw new DomainError(noSuchTeacher(), 404);
	if (teacherId === adminId) throw new DomainError(m.settings_err_self(), 403);

	const deleted = await db.transaction(async (tx) => {
		const [teacher] = await tx
			.select({ email: t.teachers.email, isAdmin: t.teachers.isAdmin })
			.from(t.teachers)
			.where(eq(t.teachers.id, teacherId));
		if (!teacher) throw new DomainError(noSuchTeacher(), 404);
		if (teacher.isAdmin) throw new DomainError(m.settings_err_admin_account(), 403);
		if (confirmEmail.trim().toLowerCase() !== teacher.email) {
			throw new DomainError(m.settings_err_type_email({ email: teacher.email }));
		}
		const classes = await tx.select({ id: t.classes.id }).from(t.classes).where(eq(t.classes.teacherId, teacherId));
		// Conditional on the row still being there: two admin tabs at once delete it once.
		const [row] = await tx
			.delete(t.teachers)
			.where(and(eq(t.teachers.id, teacherId), eq(t.teachers.isAdmin, false)))
			.returning({ name: t.teachers.name, email: t.teachers.email });
		if (!row) throw new DomainError(noSuchTeacher(), 404);
		return { ...row, classIds: classes.map((c) => c.id) };
	});
	// Open join screens of those classes learn that they are gone.
	for (const classId of deleted.classIds) announceClassChange(handle, classId);
	return { name: deleted.name, email: deleted.email, classes: deleted.classIds.length };
}
