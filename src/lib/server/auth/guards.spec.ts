import { describe, expect, it } from 'vitest';
import { safeNext } from './guards';
import { addressKey } from './rate-limit';
import { isLoopback } from '../setup-gate';

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
	it('knows the computer running the kit by its loopback address', () => {
		for (const a of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a)).toBe(true);
		for (const a of ['192.168.1.20', '::ffff:10.0.0.1', '128.0.0.1']) expect(isLoopback(a)).toBe(false);
	});
});
