/**
 * Checking a teacher's email and password under the sign-in limits, as OWASP advises:
 * throttle and slow guessing, never lock the rightful owner out.
 *
 * - A browser with a device cookie for this account (it signed in before) is trusted:
 *   only its own failures count against it, so strangers cannot throttle it.
 * - Any other attempt counts per address (all accounts) and per account and address
 *   (the brute-force brake). Failures also count per account from everywhere; above that
 *   ceiling the account is "under attack", and untrusted attempts are slowed and held to
 *   a smaller allowance per address. That count never refuses anyone by itself, so the
 *   right password from an address that is not over its own limit always gets in.
 *
 * Takes the address as a string, so tests can drive many addresses without HTTP.
 */
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { authenticate } from '../people/teachers';
import { trustDevice, trustedDevice } from './device-cookie';
import { consume, count, counted, resetLimit, TooManyAttempts, type Limiters } from './rate-limit';
import { m } from '$lib/paraglide/messages';

/** How long an untrusted attempt waits while its account is under attack. */
export const UNDER_ATTACK_DELAY_MS = 1000;

export interface SignInAttempt {
	email: string;
	password: string;
	/** The client address, as `addressKey` gives it. */
	address: string;
	/** The browser's device cookie, if it sent one. */
	device?: string;
}

export interface SignInOptions {
	/** Waits `ms` (tests record it instead of waiting). */
	slowDown?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The teacher whose email and password these are, with the device cookie to set; a
 * wrong pair is a 400, an address or device over its own limit a 429.
 */
export async function signInTeacher(handle: DatabaseHandle, limits: Limiters, attempt: SignInAttempt, options: SignInOptions = {}) {
	const email = attempt.email.trim().toLowerCase();
	const nonce = trustedDevice(attempt.device, email);
	const deviceKey = `${email}|${nonce}`;
	const accountHere = `${email}|${attempt.address}`;
	// Every key is counted before the password is checked, so a burst of parallel
	// guesses cannot all get through before the first failure is counted.
	if (nonce) {
		await consume(limits.signInFailuresPerDevice, deviceKey);
	} else {
		await consume(limits.signInPerIp, attempt.address);
		await consume(limits.signInFailuresPerAccount, accountHere);
		const here = await count(limits.signInFailuresPerAccountInAttack, accountHere);
		const failures = await counted(limits.signInFailuresPerAccountTotal, email);
		if (failures.points > limits.signInFailuresPerAccountTotal.points) {
			// Under attack: a smaller allowance for this address, and a pause that makes a
			// guessing script slower without refusing anyone who is within their allowance.
			if (here.points > limits.signInFailuresPerAccountInAttack.points) throw new TooManyAttempts(here.msLeft);
			await (options.slowDown ?? wait)(UNDER_ATTACK_DELAY_MS);
		}
	}
	const teacher = await authenticate(handle, email, attempt.password);
	if (!teacher) {
		await count(limits.signInFailuresPerAccountTotal, email);
		throw new DomainError(m.auth_err_wrong_password(), 400);
	}
	if (nonce) {
		await resetLimit(limits.signInFailuresPerDevice, deviceKey);
	} else {
		await resetLimit(limits.signInFailuresPerAccount, accountHere);
		await resetLimit(limits.signInFailuresPerAccountInAttack, accountHere);
	}
	return { id: teacher.id, device: trustDevice(attempt.device, email) };
}
