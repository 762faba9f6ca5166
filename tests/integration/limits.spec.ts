/**
 * Guessing limits that must not let a stranger lock anyone out: wrong class codes
 * (a kit-wide flood slows guessers but never refuses a right code) and wrong passwords
 * (a flood slows untrusted attempts but never refuses the rightful teacher). Each
 * address is a string, as many addresses would reach the kit over HTTP.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { createFirstTeacher, signUpTeacher } from '../../src/lib/server/people/teachers';
import { addToRoster, createClass, createRejoinCode, ownedClass } from '../../src/lib/server/people/classes';
import { findClassByCode, findRejoinTarget } from '../../src/lib/server/people/class-code';
import { codeFlood } from '../../src/lib/server/auth/code-guessing';
import { createLimiters, LIMITS, type Limiters } from '../../src/lib/server/auth/rate-limit';
import { signInTeacher } from '../../src/lib/server/auth/teacher-sign-in';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { refusal } from '../fixtures/refusal';

const ADA = { name: 'Ada', email: 'ada@school.test', password: 'harbor lantern violet' };
const OLU = { name: 'Olu', email: 'olu@school.test', password: 'meadow copper tunnel' };

/** `n` distinct loopback-style addresses in a block of their own. */
const addresses = (block: number, n: number) => Array.from({ length: n }, (_, i) => `10.${block}.0.${i + 1}`);

/** Runs `fn` for every address at once, each address's tries one after another; returns what each try did. */
async function fromEach<T>(list: string[], tries: number, fn: (address: string, i: number) => Promise<T>) {
	const outcomes = await Promise.all(
		list.map(async (address) => {
			const mine: (T | unknown)[] = [];
			for (let i = 0; i < tries; i++) mine.push(await fn(address, i).catch((e: unknown) => e));
			return mine;
		})
	);
	return outcomes.flat();
}

/** The statuses of refusals among `outcomes`, counted. */
function statuses(outcomes: unknown[]) {
	const counts: Record<string, number> = {};
	for (const o of outcomes) {
		const key = o && typeof o === 'object' && 'status' in o ? String(o.status) : 'ok';
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

// Each test counts hundreds of attempts (and checks up to 120 passwords with argon2),
// one database round trip at a time per address, as the app would.
const SLOW = { timeout: 60_000 };

describe(`wrong class codes on ${ENGINE}`, SLOW, () => {
	let handle: DatabaseHandle;
	let limits: Limiters;
	let code: string;
	let wrong: string;
	let classId: string;
	let teacherId: string;
	let warn: { mock: { calls: unknown[][] } };

	beforeEach(async () => {
		// The flood warning is checked below, and kept out of the test output.
		warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		handle = await freshDatabase();
		limits = createLimiters(handle, { sweep: false });
		({ id: teacherId } = await createFirstTeacher(handle, ADA, 'invite'));
		({ id: classId } = await createClass(handle, teacherId, 'Civics'));
		await addToRoster(handle, teacherId, classId, 'Ana\nBen');
		code = (await ownedClass(handle, teacherId, classId)).joinCode;
		wrong = code === 'ZZZZZZ' ? 'ZZZZZY' : 'ZZZZZZ';
	});
	afterEach(async () => {
		vi.restoreAllMocks();
		await handle.close();
	});

	const tryCode = (address: string, input: string) => findClassByCode(handle, limits, address, input);
	/**
	 * Ten addresses sending wrong codes: 35 each is over the flood ceiling; the issue's
	 * flood, 110 each, was over the old kit-wide ceiling of 1,000, which then refused everyone.
	 */
	const flood = (each = 35) => fromEach(addresses(9, 10), each, (address) => tryCode(address, wrong));

	it('admits a right code from any other address during a kit-wide flood, and tells the admin', async () => {
		expect(await codeFlood(limits)).toBeNull();
		const outcomes = await flood(110);
		// A fresh address gets in, on the code form and on the name-list page alike (both call this).
		for (const fresh of addresses(1, 5)) expect((await tryCode(fresh, ` ${code.toLowerCase()} `)).id).toBe(classId);
		// Each flooding address was slowed down to its flood allowance, then refused.
		expect(statuses(outcomes)['404']).toBeGreaterThan(LIMITS.wrongCodesTotal.points);
		expect(statuses(outcomes)['429']).toBeGreaterThan(0);
		const state = await codeFlood(limits);
		expect(state?.wrongCodes).toBeGreaterThan(LIMITS.wrongCodesTotal.points);
		expect(state?.secondsLeft).toBeGreaterThan(0);
		// One warning for the window, however long the flood goes on.
		await fromEach(addresses(2, 5), 10, (address) => tryCode(address, wrong));
		expect(warn.mock.calls.filter(([line]) => /wrong class/.test(String(line)))).toHaveLength(1);
	});

	it('refuses an address over its own limit with a right code as with a wrong one, saying how long to wait', async () => {
		const [guesser] = addresses(3, 1);
		const normal = LIMITS.wrongCodesPerIp.points;
		await fromEach([guesser], normal, (address) => tryCode(address, wrong));
		for (const input of [code, wrong]) {
			const refused = await refusal(tryCode(guesser, input));
			expect(refused.status).toBe(429);
			expect(refused.message).toMatch(/Please wait \d+ minutes?/);
			expect((refused as { retryAfter?: number }).retryAfter).toBeGreaterThan(0);
			expect((refused as { retryAfter?: number }).retryAfter).toBeLessThanOrEqual(LIMITS.wrongCodesPerIp.seconds);
		}
		// Then a flood: the guesser stays refused, and another address is not.
		await flood();
		expect((await refusal(tryCode(guesser, code))).status).toBe(429);
		expect((await tryCode('10.4.0.1', code)).id).toBe(classId);
	});

	it('holds each address to the smaller flood allowance only while a flood is on', async () => {
		const strict = LIMITS.wrongCodesPerIpInFlood.points;
		const [careful, busy] = addresses(5, 2);
		// Before the flood a classroom behind one address may mistype more than the flood allowance.
		await fromEach([careful], strict - 5, (address) => tryCode(address, wrong));
		const before = await fromEach([busy], strict + 5, (address) => tryCode(address, wrong));
		expect(statuses(before)).toEqual({ '404': strict + 5 });

		await flood();
		expect(await codeFlood(limits)).not.toBeNull();
		// Over the flood allowance: refused, right code or wrong.
		expect((await refusal(tryCode(busy, code))).status).toBe(429);
		// Under it: five more wrong codes are answered as wrong, then the address waits too.
		const after = await fromEach([careful], 5, (address) => tryCode(address, wrong));
		expect(statuses(after)).toEqual({ '404': 5 });
		expect((await tryCode('10.6.0.1', code)).id).toBe(classId);
		expect((await refusal(tryCode(careful, code))).status).toBe(429);
		expect((await refusal(tryCode(careful, wrong))).status).toBe(429);
	});

	it('counts wrong rejoin codes against the same per-address allowance', async () => {
		const [ana] = (await handle.db.select().from(handle.tables.students)).filter((s) => s.displayName === 'Ana');
		const { code: rejoin } = await createRejoinCode(handle, teacherId, classId, ana.id);
		const strict = LIMITS.wrongCodesPerIpInFlood.points;
		await flood();
		const [guesser] = addresses(7, 1);
		const tries = await fromEach([guesser], strict, (address) => findRejoinTarget(handle, limits, address, 'ABCDEFGH'));
		expect(statuses(tries)).toEqual({ '400': strict });
		// Wrong rejoin codes used up this address's flood allowance: its right class code waits too.
		expect((await refusal(tryCode(guesser, code))).status).toBe(429);
		expect((await refusal(findRejoinTarget(handle, limits, guesser, rejoin))).status).toBe(429);
		// Another address uses the rejoin code as usual.
		expect((await findRejoinTarget(handle, limits, '10.8.0.1', rejoin)).studentId).toBe(ana.id);
	});
});

describe(`wrong passwords on ${ENGINE}`, SLOW, () => {
	let handle: DatabaseHandle;
	let limits: Limiters;
	let delays: number[];

	beforeEach(async () => {
		handle = await freshDatabase();
		limits = createLimiters(handle, { sweep: false });
		delays = [];
		await createFirstTeacher(handle, ADA, 'open');
		await signUpTeacher(handle, OLU, null);
	});
	afterEach(async () => handle.close());

	/** A sign-in whose deliberate slowing is recorded rather than waited for. */
	const signIn = (address: string, password: string, device?: string, email = ADA.email) =>
		signInTeacher(handle, limits, { email, password, address, device }, { slowDown: async (ms: number) => void delays.push(ms) });
	/**
	 * The flood: 12 addresses, 10 wrong passwords each (120 in all, over the old
	 * ceiling of 100). Once the account is under attack, each address is held to the
	 * smaller allowance, so some of the 120 are refused before they are checked.
	 */
	const passwordFlood = async (extra: string[] = []) => {
		const list = [...addresses(20, 12 - extra.length), ...extra];
		const counted = statuses(await fromEach(list, 10, (address, i) => signIn(address, `wrong guess ${i}`)));
		expect((counted['400'] ?? 0) + (counted['429'] ?? 0)).toBe(120);
		delays = [];
		return counted;
	};

	it('lets the rightful teacher sign in from a new address after 120 failures from 12 others', async () => {
		const counted = await passwordFlood();
		const teacher = await signIn('10.30.0.1', ADA.password);
		expect(teacher.id).toBeTruthy();
		// Well over the account's ceiling failed before the smaller allowance per address stopped the rest.
		expect(counted['400']).toBeGreaterThan(LIMITS.signInFailuresPerAccountTotal.points);
		expect(counted['429']).toBeGreaterThan(0);
		// Each guessing address is over its own limit: refused even with the right password.
		expect((await refusal(signIn(addresses(20, 1)[0], ADA.password))).status).toBe(429);
	});

	it('slows untrusted attempts while the account is under attack, with a smaller allowance per address', async () => {
		await signIn('10.31.0.1', ADA.password);
		expect(delays).toEqual([]);
		await passwordFlood();
		await signIn('10.31.0.2', ADA.password);
		expect(delays).toHaveLength(1);
		expect(delays[0]).toBeGreaterThanOrEqual(500);
		expect(delays[0]).toBeLessThanOrEqual(2000);
		const strict = LIMITS.signInFailuresPerAccountInAttack.points;
		for (let i = 0; i < strict; i++) expect((await refusal(signIn('10.31.0.3', `typo ${i}`))).status).toBe(400);
		expect((await refusal(signIn('10.31.0.3', ADA.password))).status).toBe(429);
	});

	it('trusts a browser that signed in before: it passes the account throttle, within its own failure limit', async () => {
		const home = await signIn('10.32.0.1', ADA.password);
		expect(home.device).toMatch(/^[a-z2-7]{24}\.[\w-]{43}$/);
		// The school's address is one of the guessing ones: over its own limit for this account.
		const school = '10.32.0.2';
		await passwordFlood([school]);
		expect((await refusal(signIn(school, ADA.password))).status).toBe(429);
		const trusted = await signIn(school, ADA.password, home.device);
		expect(trusted.id).toBe(home.id);
		expect(delays).toEqual([]);
		// A stolen device cookie gets only its own few tries, then waits like anyone.
		const tries = LIMITS.signInFailuresPerDevice.points;
		for (let i = 0; i < tries; i++) expect((await refusal(signIn(`10.33.0.${i}`, `guess ${i}`, trusted.device))).status).toBe(400);
		expect((await refusal(signIn('10.33.0.99', ADA.password, trusted.device))).status).toBe(429);
	});

	it('does not trust a tampered device cookie, or one from another account', async () => {
		const ada = await signIn('10.34.0.1', ADA.password);
		const olu = await signIn('10.34.0.1', OLU.password, undefined, OLU.email);
		const school = '10.34.0.2';
		await passwordFlood([school]);
		const last = ada.device.at(-1) === 'a' ? 'b' : 'a';
		for (const forged of [olu.device, ada.device.slice(0, -1) + last, 'not-a-device-cookie', `${ada.device}x`]) {
			expect((await refusal(signIn(school, ADA.password, forged))).status).toBe(429);
		}
		// One browser can be trusted for two teachers (a shared staff-room computer).
		const both = await signIn('10.34.0.1', OLU.password, ada.device, OLU.email);
		expect((await signIn(school, ADA.password, both.device)).id).toBe(ada.id);
	});
});
