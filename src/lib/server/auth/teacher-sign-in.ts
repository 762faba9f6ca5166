/**
 * Checking a teacher's email and password under the sign-in limits. Takes the address
 * as a string, so tests can drive many addresses without HTTP.
 */
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { authenticate } from '../people/teachers';
import { consume, ensureNotBlocked, resetLimit, type Limiters } from './rate-limit';

export interface SignInAttempt {
	email: string;
	password: string;
	/** The client address, as `addressKey` gives it. */
	address: string;
}

/** The teacher whose email and password these are; a wrong pair is a 400, too many tries a 429. */
export async function signInTeacher(handle: DatabaseHandle, limits: Limiters, attempt: SignInAttempt) {
	const email = attempt.email.trim().toLowerCase();
	// Failures count per account and address (the brute-force brake), and per account
	// overall with a higher ceiling, so a stranger cannot cheaply lock a teacher out.
	const accountHere = `${email}|${attempt.address}`;
	await ensureNotBlocked(limits.signInFailuresPerAccountTotal, email);
	await consume(limits.signInPerIp, attempt.address);
	// Counted before checking, so a burst of parallel guesses cannot all get through.
	await consume(limits.signInFailuresPerAccount, accountHere);
	const teacher = await authenticate(handle, email, attempt.password);
	if (!teacher) {
		await consume(limits.signInFailuresPerAccountTotal, email);
		throw new DomainError('That email and password do not match an account.', 400);
	}
	await resetLimit(limits.signInFailuresPerAccount, accountHere);
	return teacher;
}
