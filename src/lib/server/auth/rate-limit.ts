/**
 * Rate limits on sign-in, sign-up, setup and joining, per IP address and per account
 * or code. Counters live in the database (rate-limiter-flexible's Drizzle store), so
 * they hold on SQLite and PostgreSQL alike, and across several app servers.
 */
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { hashSecret } from './tokens';
import { m } from '$lib/paraglide/messages';

/** A 429 refusal that knows how long the limiter says to wait (for the Retry-After header). */
export class TooManyAttempts extends DomainError {
	/** Whole seconds until the limit's window ends. */
	readonly retryAfter: number;
	constructor(msBeforeNext: number) {
		const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
		super(m.auth_err_too_many({ wait: waitText(seconds) }), 429);
		this.retryAfter = seconds;
	}
}

interface LimitSpec {
	points: number;
	seconds: number;
}

/**
 * Attempts allowed per window. Joining is generous per IP: a class may share one address.
 * No kit-wide or account-wide count ever refuses anyone by itself (a stranger could trip
 * it on purpose); those counts only switch on the smaller "under attack" allowances.
 */
export const LIMITS = {
	/** Sign-in attempts from one address, for any account (browsers trusted for the account skip it). */
	signInPerIp: { points: 30, seconds: 600 },
	/** Sign-in attempts for one account from one address: the brute-force brake. */
	signInFailuresPerAccount: { points: 10, seconds: 900 },
	/** The same, checked only while the account is under attack (see the next line). */
	signInFailuresPerAccountInAttack: { points: 3, seconds: 900 },
	/** Wrong passwords for one account from anywhere; more than this means it is under attack. Never a lock. */
	signInFailuresPerAccountTotal: { points: 50, seconds: 900 },
	/** Sign-in attempts through one trusted device cookie, so a stolen cookie cannot brute-force. */
	signInFailuresPerDevice: { points: 10, seconds: 900 },
	signUpPerIp: { points: 10, seconds: 600 },
	setupPerIp: { points: 10, seconds: 600 },
	/** Names joining one class (a roster holds at most 200); joins never count per address. */
	joinPerClass: { points: 200, seconds: 600 },
	/** Practice attempts started from one address (a class may share it). */
	practiceStartsPerIp: { points: 300, seconds: 600 },
	/** Wrong class and rejoin codes from one address. A school behind one address shares this, so it is generous. */
	wrongCodesPerIp: { points: 200, seconds: 600 },
	/** The same codes, checked only during a flood: what one address may still get wrong then. */
	wrongCodesPerIpInFlood: { points: 20, seconds: 600 },
	/** Web addresses one teacher asks the server to fetch (each is an outgoing request the kit makes for them). */
	articleFetchesPerTeacher: { points: 30, seconds: 600 },
	/** Wrong codes from everyone; more than this is a flood. It slows guessers and alerts the admin, never refuses a right code. */
	wrongCodesTotal: { points: 300, seconds: 600 }
} satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMITS;
export type Limiters = Record<LimitName, RateLimiterDrizzle>;

/**
 * One limiter per rule. `scale` multiplies every allowance: load tests from one address
 * set RATE_LIMIT_SCALE so the limiter still runs (and costs what it costs) without
 * refusing them; never raise it for real use. `sweep: false` stops the clean-up timer.
 */
export function createLimiters({ db, tables }: DatabaseHandle, options: { scale?: number; sweep?: boolean } = {}): Limiters {
	const scale = Math.max(1, options.scale ?? 1);
	return Object.fromEntries(
		Object.entries(LIMITS).map(([name, spec]) => [
			name,
			new RateLimiterDrizzle({
				storeClient: db,
				schema: tables.rateLimits,
				keyPrefix: name,
				points: spec.points * scale,
				duration: spec.seconds,
				clearExpiredByTimeout: options.sweep ?? true
			})
		])
	) as Limiters;
}

/** "4 minutes", "1 minute", "30 seconds": how long to wait, in words. */
export function waitText(seconds: number): string {
	if (seconds >= 90) {
		const minutes = Math.ceil(seconds / 60);
		return minutes === 1 ? m.auth_wait_minutes_one() : m.auth_wait_minutes({ count: minutes });
	}
	const s = Math.max(1, Math.ceil(seconds));
	return s === 1 ? m.auth_wait_seconds_one() : m.auth_wait_seconds({ count: s });
}

let keySalt = '';

/**
 * Keys are stored as salted SHA-256 hashes, so the counters table holds no addresses
 * or emails. The salt is kept in the database, so every app server shares it.
 */
export function setLimitKeySalt(salt: string) {
	keySalt = salt;
}

function storedKey(key: string): string {
	return hashSecret(`${keySalt}:${key}`);
}

/** The part of a client address a limit counts: an IPv6 /64 (one household or device), or the IPv4 address. */
export function addressKey(address: string): string {
	const v4 = address.match(/^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i);
	if (v4) return v4[1];
	if (address.includes(':')) {
		const full = address.split('%')[0];
		const [head, tail = ''] = full.split('::');
		const groups = [...head.split(':').filter(Boolean)];
		const tailGroups = tail.split(':').filter(Boolean);
		while (groups.length + tailGroups.length < 8) groups.push('0');
		return [...groups, ...tailGroups].slice(0, 4).map((g) => g.toLowerCase()).join(':') + '::/64';
	}
	return address;
}

/** Counts one attempt against `key`; throws a 429 TooManyAttempts saying how long to wait once over. */
export async function consume(limiter: RateLimiterDrizzle, key: string): Promise<void> {
	try {
		await limiter.consume(storedKey(key));
	} catch (error) {
		if (error instanceof RateLimiterRes) throw new TooManyAttempts(error.msBeforeNext);
		throw error;
	}
}

/** Counts one attempt against `key` without refusing; returns the count in this window and the milliseconds left in it. */
export async function count(limiter: RateLimiterDrizzle, key: string): Promise<{ points: number; msLeft: number }> {
	const state = await limiter.penalty(storedKey(key), 1);
	return { points: state.consumedPoints, msLeft: Math.max(0, state.msBeforeNext) };
}

/** The attempts counted against `key` in its current window, and the milliseconds until it ends. */
export async function counted(limiter: RateLimiterDrizzle, key: string): Promise<{ points: number; msLeft: number }> {
	const state = await limiter.get(storedKey(key));
	return state && state.msBeforeNext > 0 ? { points: state.consumedPoints, msLeft: state.msBeforeNext } : { points: 0, msLeft: 0 };
}

/** Throws the same 429 if `key` is already over its limit, without counting an attempt. */
export async function ensureNotBlocked(limiter: RateLimiterDrizzle, key: string): Promise<void> {
	const state = await limiter.get(storedKey(key));
	if (state && state.remainingPoints <= 0 && state.msBeforeNext > 0) throw new TooManyAttempts(state.msBeforeNext);
}

/** Forgets the attempts against `key` (a successful sign-in clears its failures). */
export async function resetLimit(limiter: RateLimiterDrizzle, key: string): Promise<void> {
	await limiter.delete(storedKey(key));
}
