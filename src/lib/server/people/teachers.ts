/**
 * Teacher accounts: the first-run setup that creates the admin, sign-up (open, or by
 * invite link when the admin says so), sign-in, and the admin's settings.
 */
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { hashSecret, randomToken } from '../auth/tokens';

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
	if (name.length === 0 || name.length > 80) throw new DomainError('Enter your name (up to 80 characters).');
	if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new DomainError('Enter a valid email address.');
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
		if (claimed.length === 0) throw new DomainError('Setup is already done. Sign in instead.', 403);
		await tx.insert(t.teachers).values({ id, name: checked.name, email: checked.email, passwordHash, isAdmin: true, approvedAt: new Date() });
		await tx
			.insert(t.settings)
			.values({ key: SIGNUP_MODE, value: mode })
			.onConflictDoUpdate({ target: t.settings.key, set: { value: mode } });
	});
	return { id };
}

/** Creates a teacher account; with invite-only sign-up, `inviteToken` must be a live invite. */
export async function signUpTeacher(handle: DatabaseHandle, input: TeacherInput, inviteToken: string | null) {
	if (await needsSetup(handle)) throw new DomainError('The kit is not set up yet. Open /setup first.', 403);
	const mode = await signupMode(handle);
	const checked = await checkTeacherInput(input);
	const { db, tables: t } = handle;
	const invite = inviteToken ? await liveInvite(handle, inviteToken) : null;
	if (mode === 'invite' && !invite) {
		throw new DomainError(
			inviteToken
				? 'This invite link is not valid any more. Ask your admin for a new one.'
				: 'Sign-up is by invitation. Ask your Attribution Lab admin for an invite link.',
			403
		);
	}
	const [existing] = await db.select({ id: t.teachers.id }).from(t.teachers).where(eq(t.teachers.email, checked.email));
	if (existing) throw new DomainError('That email already has an account. Sign in instead.', 409);

	const passwordHash = await hashPassword(checked.password);
	const id = randomToken();
	await db.transaction(async (tx) => {
		if (invite) {
			const used = await tx
				.update(t.teacherInvites)
				.set({ usedAt: new Date() })
				.where(and(eq(t.teacherInvites.id, invite.id), isNull(t.teacherInvites.usedAt)))
				.returning();
			if (used.length === 0 && mode === 'invite') throw new DomainError('This invite link has just been used.', 410);
		}
		await tx.insert(t.teachers).values({ id, name: checked.name, email: checked.email, passwordHash, isAdmin: false, approvedAt: new Date() });
	});
	return { id };
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
