import { describe, expect, it } from 'vitest';
import { KnownHosts, knownHostSet, type HostSettings } from './known-hosts';

const settings = (over: Partial<HostSettings> = {}): HostSettings => ({
	port: '3000',
	addresses: ['127.0.0.1', '192.168.1.20', '::1', 'fe80::1c2:3ff:fe4:5'],
	...over
});
const known = (address: string, over: Partial<HostSettings> = {}) =>
	new KnownHosts(() => settings(over)).has(new URL(address));

describe('KnownHosts', () => {
	it.each([
		['http://localhost:3000/', true],
		['http://127.0.0.1:3000/', true],
		['http://[::1]:3000/', true],
		['http://192.168.1.20:3000/', true],
		['http://[fe80::1c2:3ff:fe4:5]:3000/', true],
		['http://evil.example/', false],
		['http://evil.example:3000/', false],
		['http://192.168.1.20:3001/', false],
		['http://localhost/', false],
		['http://127.0.0.2:3000/', false]
	])('%s is known: %s', (address, expected) => {
		expect(known(address)).toBe(expected);
	});

	it('knows ORIGIN’s host, with its scheme’s default port', () => {
		expect(known('https://lab.example.school/', { origin: 'https://lab.example.school' })).toBe(true);
		expect(known('http://lab.example.school/', { origin: 'https://lab.example.school' })).toBe(false);
	});

	it('reads ALLOWED_HOSTS: a name counts on the kit’s port and where browsers omit it; a port is exact', () => {
		const allowedHosts = ' Lab.School.Test , kit.test:8080,http://proxy.test:81';
		expect(known('http://lab.school.test:3000/', { allowedHosts })).toBe(true);
		expect(known('http://lab.school.test/', { allowedHosts })).toBe(true);
		expect(known('https://lab.school.test/', { allowedHosts })).toBe(true);
		expect(known('http://lab.school.test:4000/', { allowedHosts })).toBe(false);
		expect(known('http://kit.test:8080/', { allowedHosts })).toBe(true);
		expect(known('http://kit.test:3000/', { allowedHosts })).toBe(false);
		expect(known('http://proxy.test:81/', { allowedHosts })).toBe(true);
		expect(known('http://proxy.test/', { allowedHosts })).toBe(false);
	});

	it('an entry with a default port is exact too', () => {
		expect(known('http://kit.test/', { allowedHosts: 'kit.test:80' })).toBe(true);
		expect(known('http://kit.test:3000/', { allowedHosts: 'kit.test:80' })).toBe(false);
	});

	it('reports ALLOWED_HOSTS entries it cannot read instead of guessing', () => {
		expect(knownHostSet(settings({ allowedHosts: 'good.test, bad host, x/y,' })).unreadable).toEqual(['bad host', 'x/y']);
	});

	it('re-reads the machine’s addresses for an unknown host, at most once per interval', () => {
		let addresses = ['10.0.0.5'];
		let reads = 0;
		const hosts = new KnownHosts(() => (reads++, settings({ addresses })), 10_000);
		expect(hosts.has(new URL('http://10.0.0.5:3000/'), 0)).toBe(true);
		addresses = ['10.0.0.9'];
		expect(hosts.has(new URL('http://10.0.0.9:3000/'), 5_000)).toBe(false);
		expect(hosts.has(new URL('http://evil.example/'), 6_000)).toBe(false);
		expect(reads).toBe(1);
		expect(hosts.has(new URL('http://10.0.0.9:3000/'), 10_000)).toBe(true);
		expect(reads).toBe(2);
	});
});
