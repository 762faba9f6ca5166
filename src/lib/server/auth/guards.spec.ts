import { describe, expect, it } from 'vitest';
import { safeNext } from './guards';
import { addressKey } from './rate-limit';
import { isLoopback, issueSetupToken, maySetUp } from '../setup-gate';

const ORIGIN = 'http://lab.school.test';

describe('safeNext', () => {
	it.each([
		['/teach/classes/abc', '/teach/classes/abc'],
		['/teach?x=1', '/teach?x=1'],
		[null, '/teach'],
		['https://evil.example/', '/teach'],
		['//evil.example/', '/teach'],
		['/\\evil.example', '/teach'],
		['/\t/evil.example', '/teach'],
		['/\n', '/teach'],
		['teach', '/teach'],
		['/%2F%2Fevil.example', '/%2F%2Fevil.example']
	])('%j → %j', (value, expected) => {
		expect(safeNext(value, ORIGIN)).toBe(expected);
	});
});

describe('addressKey', () => {
	it.each([
		['203.0.113.9', '203.0.113.9'],
		['::ffff:203.0.113.9', '203.0.113.9'],
		['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
		['2001:db8:1:2::1', '2001:db8:1:2::/64'],
		['2001:DB8::1', '2001:db8:0:0::/64']
	])('%s counts as %s', (address, key) => expect(addressKey(address)).toBe(key));
});

describe('setup gate', () => {
	it('allows the computer running the kit', () => {
		for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a)).toBe(true);
		expect(isLoopback('192.168.1.20')).toBe(false);
		expect(maySetUp('127.0.0.1', '')).toBe(true);
	});

	it('allows another device only with the printed token', () => {
		const token = issueSetupToken();
		expect(maySetUp('192.168.1.20', '')).toBe(false);
		expect(maySetUp('192.168.1.20', 'guess')).toBe(false);
		expect(maySetUp('192.168.1.20', token)).toBe(true);
	});
});
