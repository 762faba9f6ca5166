/**
 * Teacher accounts: the first-run setup that creates the admin, sign-up (open, or by
 * invite link when the admin says so), the admin's approval of open sign-ups, sign-in,
 * and the admin's settings.
 */
import { and, asc, count, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { hashSecret, isToken, randomToken } from '../auth/tokens';

export type SignupMode = 'open' | 'invite';
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const SETUP_DONE = 'setup-complete';
const SIGNUP_MODE = 'signup-mode';

export interface TeacherInput {
	name: string;
	email: string;
	password: string;
}

/** Checks the fields of a new account; returns the tidied values or throws a 400 naming the problem. */
export async function checkTeacherInput(input: TeacherInput): Promise<TeacherInput> {
	const name = input.name.replace(/\s+/g, ' ').trim();
	const email = input.email.trim().toLowerCase();
	if (name.length === 0 || name.length > 80) throw new DomainError(m.auth_err_name());
	if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new DomainError(m.auth_err_email());
	const problem = await passwordProblem(input.password, [email, name]);
	if (problem) throw new DomainError(problem);
	return { name, email, password: input.password };
}

/** True until the first teacher has been created. */
export async function needsSetup({ db, tables: t }: DatabaseHandle): Promise<boolean> {
	const [row] = await db.select({ value: t.settings.value }).from(t.settings).where(eq(t.settings.key, SETUP_DONE));
	return !row;
}

/** The admin's choice of who may sign up. */
export async function signupMode({ db, tables: t }: DatabaseHandle): Promise<SignupMode> {
	const [row] = await db.select({ value: t.settings.value }).from(t.settings).where(eq(t.settings.key, SIGNUP_MODE));
	return row?.value === 'open' ? 'open' : 'invite';
}

/** Sets who may sign up. */
export async function setSignupMode({ db, tables: t }: DatabaseHandle, mode: SignupMode) {
	await db
		.insert(t.settings)
		.values({ key: SIGNUP_MODE, value: mode })
		.onConflictDoUpdate({ target: t.settings.key, set: { value: mode } });
}

/**
 * Creates the first teacher as admin. The settings row written first is the lock:
 * a second setup racing this one fails on its key and nothing else is written.
 */
export async function createFirstTeacher(handle: DatabaseHandle, input: TeacherInput, mode: SignupMode) {
	const checked = await checkTeacherInput(input);
	const passwordHash = await hashPassword(checked.password);
	const { db, tables: t } = handle;
	const id = randomToken();
	await db.transaction(async (tx) => {
		const claimed = await tx
			.insert(t.settings)
			.values({ key: SETUP_DONE, value: new Date().toISOString() })
			.onConflictDoNothing()
			.returning();
		if (claimed.length === 0) throw new DomainError(m.auth_err_setup_done(), 403);
		await tx.insert(t.teachers).values({ id, name: checked.name, email: checked.email, passwordHash, isAdmin: true, approvedAt: new Date() });
		await tx
			.insert(t.settings)
			.values({ key: SIGNUP_MODE, value: mode })
			.onConflictDoUpdate({ target: t.settings.key, set: { value: mode } });
	});
	return { id };
}

/**
 * Creates a teacher account; with invite-only sign-up, `inviteToken` must be a live invite.
 * An invite is the admin's consent, so its account is approved at once; an open sign-up
 * waits (approvedAt null) until the admin approves it, and `approved` says which.
 */
export async function signUpTeacher(handle: DatabaseHandle, input: TeacherInput, inviteToken: string | null) {
	if (await needsSetup(handle)) throw new DomainError(m.auth_err_not_set_up(), 403);
	const mode = await signupMode(handle);
	const checked = await checkTeacherInput(input);
	const { db, tables: t } = handle;
	const invite = inviteToken ? await liveInvite(handle, inviteToken) : null;
	if (mode === 'invite' && !invite) {
		throw new DomainError(
			inviteToken ? m.auth_err_invite_invalid() : m.auth_err_invite_only(),
			403
		);
	}
	const [existing] = await db.select({ id: t.teachers.id }).from(t.teachers).where(eq(t.teachers.email, checked.email));
	if (existing) throw new DomainError(m.auth_err_email_taken(), 409);

	const passwordHash = await hashPassword(checked.password);
	const id = randomToken();
	const approved = await db.transaction(async (tx) => {
		let invited = false;
		if (invite) {
			const used = await tx
				.update(t.teacherInvites)
				.set({ usedAt: new Date() })
				.where(and(eq(t.teacherInvites.id, invite.id), isNull(t.teacherInvites.usedAt)))
				.returning();
			if (used.length === 0 && mode === 'invite') throw new DomainError(m.auth_err_invite_used(), 410);
			// Under open sign-up an invite someone else has just used is no consent: this account waits.
			invited = used.length > 0;
		}
		const approvedAt = invited ? new Date() : null;
		await tx.insert(t.teachers).values({ id, name: checked.name, email: checked.email, passwordHash, isAdmin: false, approvedAt });
		return invited;
	});
	return { id, approved };
}

/** Teachers waiting for the admin's approval, oldest sign-up first. */
export async function pendingTeachers({ db, tables: t }: DatabaseHandle) {
	return db
		.select({ id: t.teachers.id, name: t.teachers.name, email: t.teachers.email, createdAt: t.teachers.createdAt })
		.from(t.teachers)
		.where(isNull(t.teachers.approvedAt))
		.orderBy(asc(t.teachers.createdAt), asc(t.teachers.email));
}

/** How many teachers wait for the admin's approval. */
export async function pendingTeacherCount({ db, tables: t }: DatabaseHandle): Promise<number> {
	const [row] = await db.select({ n: count() }).from(t.teachers).where(isNull(t.teachers.approvedAt));
	return row.n;
}

/** Throws a 403 unless `adminId` is the (approved) admin: approving and refusing are theirs alone. */
async function checkAdmin({ db, tables: t }: DatabaseHandle, adminId: string) {
	const [admin] = await db
		.select({ id: t.teachers.id })
		.from(t.teachers)
		.where(and(eq(t.teachers.id, adminId), eq(t.teachers.isAdmin, true), isNotNull(t.teachers.approvedAt)));
	if (!admin) throw new DomainError(m.rest_err_admin_approves(), 403);
}

const NOT_WAITING = 'No teacher with that account is waiting for approval.';

/** Why nothing was changed for `teacherId`: no such teacher (404), or already approved (409). */
async function notWaiting({ db, tables: t }: DatabaseHandle, teacherId: string, already: string): Promise<never> {
	const [row] = await db.select({ id: t.teachers.id }).from(t.teachers).where(eq(t.teachers.id, teacherId));
	throw row ? new DomainError(already, 409) : new DomainError(NOT_WAITING, 404);
}

/**
 * Lets a waiting teacher in; it takes effect on their next request, since the session
 * reads the approval each time. Only a waiting account changes (a conditional write), so
 * two admins' tabs approving at once approve it once.
 */
export async function approveTeacher(handle: DatabaseHandle, adminId: string, teacherId: string, now = new Date()) {
	await checkAdmin(handle, adminId);
	if (!isToken(teacherId)) throw new DomainError(NOT_WAITING, 404);
	const { db, tables: t } = handle;
	const [row] = await db
		.update(t.teachers)
		.set({ approvedAt: now })
		.where(and(eq(t.teachers.id, teacherId), isNull(t.teachers.approvedAt)))
		.returning({ name: t.teachers.name, email: t.teachers.email });
	return row ?? notWaiting(handle, teacherId, 'That teacher is already approved.');
}

/**
 * Refuses a waiting teacher by deleting the account (its sessions go with it, so it is
 * signed out at once). An approved teacher is never deleted this way (409).
 */
export async function refuseTeacher(handle: DatabaseHandle, adminId: string, teacherId: string) {
	await checkAdmin(handle, adminId);
	if (!isToken(teacherId)) throw new DomainError(NOT_WAITING, 404);
	const { db, tables: t } = handle;
	const [row] = await db
		.delete(t.teachers)
		.where(and(eq(t.teachers.id, teacherId), isNull(t.teachers.approvedAt)))
		.returning({ name: t.teachers.name, email: t.teachers.email });
	return row ?? notWaiting(handle, teacherId, 'That teacher is already approved, so their account cannot be refused.');
}

// A real argon2id hash of a random string, checked when the email is unknown so that
// a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/** The teacher with this email and password, or null. */
export async function authenticate({ db, tables: t }: DatabaseHandle, email: string, password: string) {
	const [teacher] = await db
		.select({ id: t.teachers.id, passwordHash: t.teachers.passwordHash })
		.from(t.teachers)
		.where(eq(t.teachers.email, email.trim().toLowerCase()));
	if (!teacher) {
		decoyHash ??= hashPassword(randomToken());
		await verifyPassword(await decoyHash, password);
		return null;
	}
	return (await verifyPassword(teacher.passwordHash, password)) ? { id: teacher.id } : null;
}

/** A new one-time invite link token (shown once; only its hash is stored). */
export async function createInvite({ db, tables: t }: DatabaseHandle, createdBy: string, now = new Date()) {
	const token = randomToken();
	await db.insert(t.teacherInvites).values({
		id: randomToken(),
		tokenHash: hashSecret(token),
		createdBy,
		createdAt: now,
		expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS)
	});
	return token;
}

/** The unused, unexpired invite for `token`, or null. */
export async function liveInvite({ db, tables: t }: DatabaseHandle, token: string, now = new Date()) {
	if (token.length > 64) return null;
	const [invite] = await db
		.select({ id: t.teacherInvites.id })
		.from(t.teacherInvites)
		.where(
			and(eq(t.teacherInvites.tokenHash, hashSecret(token)), isNull(t.teacherInvites.usedAt), gt(t.teacherInvites.expiresAt, now))
		);
	return invite ?? null;
}

/** How many invites are waiting to be used. */
export async function openInviteCount({ db, tables: t }: DatabaseHandle, now = new Date()) {
	const [row] = await db
		.select({ n: count() })
		.from(t.teacherInvites)
		.where(and(isNull(t.teacherInvites.usedAt), gt(t.teacherInvites.expiresAt, now)));
	return row.n;
}
