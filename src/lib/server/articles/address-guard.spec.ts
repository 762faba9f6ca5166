import { describe, expect, it } from 'vitest';
import { embeddedIPv4, refusalFor } from './address-guard';

describe('refusalFor', () => {
	it.each([
		'127.0.0.1',
		'127.1.2.3',
		'10.0.0.5',
		'172.16.0.1',
		'172.31.255.255',
		'192.168.1.1',
		'169.254.169.254',
		'100.64.0.1',
		'0.0.0.0',
		'224.0.0.1',
		'255.255.255.255',
		'::1',
		'::',
		'fe80::1',
		'fe80::1%eth0',
		'fc00::1',
		'fd12:3456::1',
		'ff02::1',
		'::ffff:127.0.0.1',
		'::ffff:7f00:1',
		'::ffff:10.1.2.3',
		'::ffff:a9fe:a9fe',
		'64:ff9b::a00:1',
		'2002:c0a8:0101::1',
		'::127.0.0.1',
		'::ffff:0:127.0.0.1',
		'::ffff:0:7f00:1',
		'::ffff:0:10.1.2.3',
		'::ffff:0:a9fe:a9fe',
		'0:0:0:0:ffff:0:c0a8:101'
	])('refuses %s', (address) => {
		expect(refusalFor(address)).toMatch(/private or local network|this server itself/);
	});

	it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '::ffff:0:8.8.8.8', '2a00:1450:4001::200e'])('allows the public address %s', (address) => {
		expect(refusalFor(address)).toBeNull();
	});

	it.each([
		['Teredo (its relay would reach the IPv4 address inside, 192.168.1.1 here)', '2001:0:4136:e378:8000:63bf:3f57:fefe'],
		['Teredo, any', '2001::1'],
		['local-use NAT64 (translates to an address the local network chooses)', '64:ff9b:1::a00:1'],
		['local-use NAT64 of a public-looking address', '64:ff9b:1::808:808'],
		['NAT64 of a private address', '64:ff9b::c0a8:101'],
		['benchmarking', '2001:2::1'],
		['ORCHIDv2', '2001:20::1'],
		['documentation (2024)', '3fff::1'],
		['segment routing', '5f00::1']
	])('refuses %s: %s', (_, address) => {
		expect(refusalFor(address)).toMatch(/private or local network/);
	});

	it.each(['64:ff9b::808:808', '2001:4860:4860::8888', '2001:200::1'])('allows the public IPv6 address %s (well-known NAT64 of a public address; outside 2001::/23)', (address) => {
		expect(refusalFor(address)).toBeNull();
	});

	it('allows loopback only when a test asks, and never private addresses', () => {
		expect(refusalFor('127.0.0.1', true)).toBeNull();
		expect(refusalFor('::1', true)).toBeNull();
		expect(refusalFor('::ffff:127.0.0.1', true)).toBeNull();
		expect(refusalFor('10.0.0.1', true)).not.toBeNull();
		expect(refusalFor('169.254.169.254', true)).not.toBeNull();
	});

	it('refuses what is not an address', () => {
		expect(refusalFor('example.org')).not.toBeNull();
	});
});

describe('embeddedIPv4', () => {
	it.each([
		['::ffff:1.2.3.4', '1.2.3.4'],
		['::ffff:0102:0304', '1.2.3.4'],
		['64:ff9b::0102:0304', '1.2.3.4'],
		['::ffff:0:1.2.3.4', '1.2.3.4'],
		['::ffff:0:0102:0304', '1.2.3.4'],
		['2002:0102:0304::', '1.2.3.4'],
		['2606:4700::1111', null],
		['::1', null]
	])('%s carries %s', (v6, v4) => {
		expect(embeddedIPv4(v6)).toBe(v4);
	});
});
