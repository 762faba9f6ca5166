/**
 * Which network addresses the server may fetch an article from: public ones only. A
 * teacher's web address must not make the server reach into the school's own network
 * (a printer's page, a router, a cloud metadata service) or itself, so private,
 * loopback, link-local, shared, multicast and reserved ranges are refused, for IPv4
 * and IPv6, including IPv4 addresses wrapped in IPv6 (mapped, translated, NAT64, 6to4), and the
 * IPv6 ranges that tunnel or translate to an IPv4 address we cannot check (Teredo,
 * local-use NAT64).
 */
import { BlockList, isIP } from 'node:net';
import { m } from '$lib/paraglide/messages';

const v4Ranges: [string, number][] = [
	['0.0.0.0', 8], // "this network"
	['10.0.0.0', 8], // private
	['100.64.0.0', 10], // shared address space (carrier NAT)
	['127.0.0.0', 8], // loopback
	['169.254.0.0', 16], // link-local (and cloud metadata at 169.254.169.254)
	['172.16.0.0', 12], // private
	['192.0.0.0', 24], // IETF protocol assignments
	['192.0.2.0', 24], // documentation
	['192.168.0.0', 16], // private
	['198.18.0.0', 15], // benchmarking
	['198.51.100.0', 24], // documentation
	['203.0.113.0', 24], // documentation
	['224.0.0.0', 4], // multicast
	['240.0.0.0', 4] // reserved, and broadcast
];
const v6Ranges: [string, number][] = [
	['::', 128], // unspecified
	['::1', 128], // loopback
	['64:ff9b:1::', 48], // local-use NAT64: translates to whatever the local network chooses, private included
	['100::', 64], // discard
	// IETF protocol assignments: Teredo (2001::/32) tunnels reach an IPv4 address, private ones
	// included, through a relay; benchmarking, ORCHID and the rest are no web server's address.
	['2001::', 23],
	['2001:db8::', 32], // documentation
	['3fff::', 20], // documentation (2024)
	['5f00::', 16], // segment routing (SRv6) identifiers
	['fc00::', 7], // unique local (private)
	['fe80::', 10], // link-local
	['fec0::', 10], // old site-local
	['ff00::', 8] // multicast
];

const blocked = new BlockList();
for (const [net, prefix] of v4Ranges) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of v6Ranges) blocked.addSubnet(net, prefix, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** The IPv6 address's 128 bits as eight 16-bit groups. */
function groups(v6: string): number[] {
	let address = v6.toLowerCase().replace(/%.*$/, '');
	// A dotted IPv4 tail (::ffff:1.2.3.4) becomes two groups.
	const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
	if (dotted) {
		const [a, b, c, d] = dotted[1].split('.').map(Number);
		address = address.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
	const h = head ? head.split(':') : [];
	const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
	const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
	return [...h, ...fill, ...t].map((g) => parseInt(g, 16));
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, translated, NAT64 or 6to4), if any. */
export function embeddedIPv4(v6: string): string | null {
	const g = groups(v6);
	const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
	const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
	if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return g[6] === 0 && g[7] <= 1 && g[5] === 0 ? null : v4(g[6], g[7]); // ::ffff:a.b.c.d and ::a.b.c.d
	if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6], g[7]); // IPv4-translated ::ffff:0:a.b.c.d (SIIT, RFC 2765)
	if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4(g[6], g[7]); // NAT64 64:ff9b::/96
	if (g[0] === 0x2002) return v4(g[1], g[2]); // 6to4
	return null;
}

/**
 * Why the server may not fetch from `address` (an IP address), in a teacher's words, or
 * null when it is a public address. `allowLoopback` exists only for tests (see
 * fetch-article.ts); private and link-local addresses are refused even then.
 */
export function refusalFor(address: string, allowLoopback = false): string | null {
	const family = isIP(address);
	if (family === 0) return m.author_fetch_bad_ip();
	const inner = family === 6 ? embeddedIPv4(address) : null;
	const [ip, type] = inner ? [inner, 'ipv4' as const] : [address.replace(/%.*$/, ''), family === 4 ? ('ipv4' as const) : ('ipv6' as const)];
	if (allowLoopback && loopback.check(ip, type)) return null;
	if (loopback.check(ip, type)) return m.author_fetch_loopback();
	if (blocked.check(ip, type)) {
		return m.author_fetch_private();
	}
	return null;
}
