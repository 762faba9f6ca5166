import { describe, expect, it } from 'vitest';
import { setDeviceKey, trustDevice, trustedDevice } from './device-cookie';

const ADA = 'ada@school.test';
const OLU = 'olu@school.test';

describe('device cookie', () => {
	it('vouches for the account it was made for, and no other', () => {
		const cookie = trustDevice(undefined, ADA);
		expect(trustedDevice(cookie, ADA)).toMatch(/^[a-z2-7]{24}$/);
		expect(trustedDevice(cookie, OLU)).toBeNull();
		expect(cookie).not.toContain('ada');
	});

	it.each([
		['empty', ''],
		['garbage', 'not a cookie'],
		['a signature cut short', (c: string) => c.slice(0, -1)],
		['a character changed', (c: string) => c.slice(0, -2) + (c.at(-2) === 'A' ? 'B' : 'A') + c.at(-1)],
		['a nonce changed', (c: string) => (c[0] === 'a' ? 'b' : 'a') + c.slice(1)],
		['an extra part', (c: string) => `${c}.x`]
	])('does not trust %s', (_, change) => {
		const cookie = trustDevice(undefined, ADA);
		const forged = typeof change === 'string' ? change : change(cookie);
		expect(trustedDevice(forged, ADA)).toBeNull();
	});

	it('stops vouching when the installation secret is another', () => {
		const cookie = trustDevice(undefined, ADA);
		setDeviceKey('another installation');
		expect(trustedDevice(cookie, ADA)).toBeNull();
	});

	it('keeps a few accounts on one browser, replacing an account’s old entry, newest first', () => {
		const first = trustDevice(undefined, ADA);
		const both = trustDevice(first, OLU);
		expect(trustedDevice(both, ADA)).toBe(trustedDevice(first, ADA));
		expect(trustedDevice(both, OLU)).not.toBeNull();
		const again = trustDevice(both, ADA);
		expect(again.split('~')).toHaveLength(2);
		expect(trustedDevice(again, ADA)).not.toBe(trustedDevice(first, ADA));

		let many = again;
		for (const n of [1, 2, 3, 4]) many = trustDevice(many, `t${n}@school.test`);
		expect(many.split('~')).toHaveLength(4);
		expect(trustedDevice(many, 't4@school.test')).not.toBeNull();
		expect(trustedDevice(many, ADA)).toBeNull();
	});
});
