/**
 * Rate limits on sign-in, sign-up, setup and joining, per IP address and per account
 * or code. Counters live in the database (rate-limiter-flexible's Drizzle store), so
 * they hold on SQLite and PostgreSQL alike, and across several app servers.
 */
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { hashSecret } from './tokens';

interface LimitSpec {
	points: number;
	seconds: number;
}

/** Attempts allowed per window. Joining is generous per IP: a class may share one address. */
export const LIMITS = {
	signInPerIp: { points: 30, seconds: 600 },
	/** Wrong passwords for one account from one address: the brute-force brake. */
	signInFailuresPerAccount: { points: 10, seconds: 900 },
	/** Wrong passwords for one account from anywhere: high, so strangers cannot lock a teacher out cheaply. */
	signInFailuresPerAccountTotal: { points: 100, seconds: 900 },
	signUpPerIp: { points: 10, seconds: 600 },
	setupPerIp: { points: 10, seconds: 600 },
	joinPerIp: { points: 300, seconds: 600 },
	joinPerClass: { points: 200, seconds: 600 },
	/** Practice attempts started from one address (a class may share it). */
	practiceStartsPerIp: { points: 300, seconds: 600 },
	/** A school behind one address shares this; generous, with a kit-wide ceiling below. */
	wrongCodesPerIp: { points: 200, seconds: 600 },
	/** Wrong class codes from everyone: keeps guessing the code space out of reach. */
	wrongCodesTotal: { points: 1000, seconds: 600 }
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
		return `${minutes} minute${minutes === 1 ? '' : 's'}`;
	}
	const s = Math.max(1, Math.ceil(seconds));
	return `${s} second${s === 1 ? '' : 's'}`;
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

/** Counts one attempt against `key`; throws a 429 DomainError saying how long to wait once over. */
export async function consume(limiter: RateLimiterDrizzle, key: string): Promise<void> {
	try {
		await limiter.consume(storedKey(key));
	} catch (error) {
		if (error instanceof RateLimiterRes) {
			throw new DomainError(`Too many attempts. Please wait ${waitText(error.msBeforeNext / 1000)} and try again.`, 429);
		}
		throw error;
	}
}

/** Throws the same 429 if `key` is already over its limit, without counting an attempt. */
export async function ensureNotBlocked(limiter: RateLimiterDrizzle, key: string): Promise<void> {
	const state = await limiter.get(storedKey(key));
	if (state && state.remainingPoints <= 0 && state.msBeforeNext > 0) {
		throw new DomainError(`Too many attempts. Please wait ${waitText(state.msBeforeNext / 1000)} and try again.`, 429);
	}
}

/** Forgets the attempts against `key` (a successful sign-in clears its failures). */
export async function resetLimit(limiter: RateLimiterDrizzle, key: string): Promise<void> {
	await limiter.delete(storedKey(key));
}
