/**
 * The addresses this server knows as its own. Anyone can send any Host header, and with
 * no ORIGIN set the app builds absolute addresses (the JSON-LD export's annotation ids)
 * from it; a page rendered for a made-up host must never land in the shared page cache,
 * or one forged request would decide what every later visitor gets. So only requests
 * for a known host are cached: loopback names, the machine's own interface addresses
 * (what a student's device types, as the README advises), ORIGIN's host, and the
 * operator's ALLOWED_HOSTS. Anything else is still answered, rendered fresh each time.
 */
import { networkInterfaces } from 'node:os';

export interface HostSettings {
	/** The port the server listens on. */
	port: string;
	/** The machine's own interface addresses (IPv4 or IPv6, without brackets). */
	addresses: string[];
	/** ORIGIN, when set. */
	origin?: string;
	/** ALLOWED_HOSTS: comma-separated `name` or `name:port` entries (a full URL also works). */
	allowedHosts?: string;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** `hostname:port` of a URL, with the scheme's default port filled in. */
function hostPort(url: URL): string {
	return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

/** A Host-style entry parsed the way the request URL was, so case and IPv6 spelling agree; null if unusable. */
function parseHost(entry: string): URL | null {
	const trimmed = entry.trim();
	if (!trimmed) return null;
	try {
		const url = new URL(trimmed.includes('://') ? trimmed : `http://${trimmed}`);
		return url.hostname && url.pathname === '/' && !url.username && !url.search ? url : null;
	} catch {
		return null;
	}
}

/** An interface address as it appears in a Host header (IPv6 in brackets). */
function hostName(address: string): string {
	return address.includes(':') ? `[${address}]` : address;
}

/**
 * The known hosts as `hostname:port` strings, plus the ALLOWED_HOSTS entries that could
 * not be read (so the operator can be told). The machine's own names count only on the
 * kit's port. An ALLOWED_HOSTS entry with a port is exact; one without counts on the
 * kit's port and on 80 and 443, where browsers leave the port out (behind a proxy).
 */
export function knownHostSet(settings: HostSettings): { hosts: Set<string>; unreadable: string[] } {
	const hosts = new Set<string>();
	const unreadable: string[] = [];
	for (const name of [...LOOPBACK_NAMES, ...settings.addresses.map(hostName)]) {
		const url = parseHost(`${name}:${settings.port}`);
		if (url) hosts.add(hostPort(url));
	}
	const origin = settings.origin ? parseHost(settings.origin) : null;
	if (origin) hosts.add(hostPort(origin));
	for (const entry of (settings.allowedHosts ?? '').split(',')) {
		if (!entry.trim()) continue;
		const url = parseHost(entry);
		if (!url) {
			unreadable.push(entry.trim());
		} else if (entry.includes('://') || /:\d+$/.test(entry.trim())) {
			hosts.add(hostPort(url));
		} else {
			for (const port of [settings.port, '80', '443']) hosts.add(`${url.hostname}:${port}`);
		}
	}
	return { hosts, unreadable };
}

/** The machine's interface addresses, read now. */
export function interfaceAddresses(): string[] {
	return Object.values(networkInterfaces())
		.flat()
		.filter((info) => info !== undefined)
		// A link-local IPv6 address needs a zone id, which a Host header cannot carry.
		.map((info) => info.address.replace(/%.*$/, ''));
}

/** Settings from the environment: PORT, ORIGIN, ALLOWED_HOSTS and the live interfaces. */
export function hostSettingsFromEnv(): HostSettings {
	return {
		port: process.env.PORT || '3000',
		addresses: interfaceAddresses(),
		origin: process.env.ORIGIN,
		allowedHosts: process.env.ALLOWED_HOSTS
	};
}

/**
 * Answers "is this request's host one of ours?". The machine's addresses can change
 * while the kit runs (a laptop joins another network), so an unknown host re-reads them,
 * at most once per `refreshMs`, which keeps a flood of made-up hosts cheap.
 */
export class KnownHosts {
	#hosts = new Set<string>();
	#readAt = -Infinity;
	#warned = false;
	readonly #settings: () => HostSettings;
	readonly #refreshMs: number;

	constructor(settings: () => HostSettings, refreshMs = 10_000) {
		this.#settings = settings;
		this.#refreshMs = refreshMs;
	}

	/** Whether `url` (the request's URL) names a host this server knows as its own. */
	has(url: URL, now = Date.now()): boolean {
		const host = hostPort(url);
		if (this.#hosts.has(host)) return true;
		if (now - this.#readAt < this.#refreshMs) return false;
		this.#readAt = now;
		const { hosts, unreadable } = knownHostSet(this.#settings());
		this.#hosts = hosts;
		if (unreadable.length && !this.#warned) {
			this.#warned = true;
			console.warn(`ALLOWED_HOSTS: could not read ${unreadable.map((e) => `"${e}"`).join(', ')} (use name or name:port).`);
		}
		return hosts.has(host);
	}
}
