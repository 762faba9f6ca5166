/**
 * Fetches a web page for a teacher who gave its address, safely: http and https only,
 * every host name resolved by us and every address checked (address-guard.ts) before
 * the connection is made to that same checked address, so a name cannot resolve to a
 * public address for the check and a private one for the connection. Redirects are
 * followed by hand (at most MAX_REDIRECTS), each new address checked the same way. The
 * whole fetch has a time limit and the page a size cap. Every refusal is a FetchRefused
 * with words a teacher understands, and a 4xx status.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { refusalFor } from './address-guard';
import { consume, type Limiters } from '../auth/rate-limit';

export const FETCH_LIMITS = { maxBytes: 2 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 3 } as const;

/** A refusal to fetch, with its message for the form. */
export class FetchRefused extends DomainError {
	constructor(message: string, status: 400 | 413 | 422 = 400) {
		super(message, status);
		this.name = 'FetchRefused';
	}
}

export interface FetchOptions {
	maxBytes?: number;
	timeoutMs?: number;
	maxRedirects?: number;
	/** Tests only: lets the fixture server on loopback be reached. Production never sets it (see loopbackAllowedForTests). */
	allowLoopback?: boolean;
	/** Tests only: a resolver standing in for DNS. */
	resolve?: (host: string) => Promise<LookupAddress[]>;
}

export interface FetchedPage {
	/** The address the page finally came from, after redirects. */
	url: string;
	html: string;
}

/**
 * Whether this server process may fetch from loopback: only when started for the
 * end-to-end tests with ARTICLE_FETCH_LOOPBACK_FOR_TESTS=allow, which no deployment sets.
 */
export function loopbackAllowedForTests(): boolean {
	return process.env.ARTICLE_FETCH_LOOPBACK_FOR_TESTS === 'allow';
}

function resolveAll(host: string): Promise<LookupAddress[]> {
	return new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
}

/** The address to connect to for `host`, checked; a refusal when any of its addresses is not public. */
async function checkedAddress(host: string, options: FetchOptions): Promise<LookupAddress> {
	const bare = host.replace(/^\[|\]$/g, '');
	let addresses: LookupAddress[];
	if (isIP(bare)) addresses = [{ address: bare, family: isIP(bare) }];
	else {
		try {
			addresses = await (options.resolve ?? resolveAll)(bare);
		} catch {
			throw new FetchRefused(m.author_fetch_no_site({ host: bare }));
		}
	}
	if (addresses.length === 0) throw new FetchRefused(m.author_fetch_no_site({ host: bare }));
	// Every address must be public: a name that also points inward is refused outright.
	for (const a of addresses) {
		const refusal = refusalFor(a.address, options.allowLoopback);
		if (refusal) throw new FetchRefused(refusal);
	}
	return addresses[0];
}

/**
 * Only the web's own ports: another port on a public host is usually a service that is
 * not a web page (mail, databases, admin consoles), which a teacher's address must not
 * make the server talk to. The fixture server of the tests listens on a random loopback
 * port, so allowLoopback (tests only) lifts this too.
 */
const WEB_PORTS = new Set(['', '80', '443']);

function parseAddress(input: string, base: string | undefined, options: FetchOptions): URL {
	let url: URL;
	try {
		url = new URL(input, base);
	} catch {
		throw new FetchRefused(m.author_fetch_not_address());
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new FetchRefused(m.author_fetch_scheme({ scheme: url.protocol.replace(':', '') }));
	}
	if (url.username || url.password) throw new FetchRefused(m.author_fetch_credentials());
	if (!WEB_PORTS.has(url.port) && !options.allowLoopback) {
		throw new FetchRefused(m.author_fetch_port({ port: url.port }));
	}
	return url;
}

interface Hop {
	status: number;
	location: string | null;
	contentType: string;
	body: Buffer | null;
}

/** One request to `url`, connected to `target` (already checked), read up to the size cap. */
function request(url: URL, target: LookupAddress, options: Required<Pick<FetchOptions, 'maxBytes'>>, signal: AbortSignal): Promise<Hop> {
	// The socket connects to the address we checked, whatever DNS would say now.
	const lookup: LookupFunction = (_host, opts, callback) => {
		if (opts && (opts as { all?: boolean }).all) (callback as (e: null, a: LookupAddress[]) => void)(null, [target]);
		else callback(null, target.address, target.family);
	};
	const client = url.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const req = client.request(
			url,
			{ method: 'GET', lookup, signal, headers: { Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'User-Agent': 'AttributionLab/1 (classroom article import)' } },
			(res) => {
				const status = res.statusCode ?? 0;
				const contentType = String(res.headers['content-type'] ?? '');
				if (status >= 300 && status < 400) {
					// Destroyed, not drained: a hostile server could send an endless body with its redirect.
					res.destroy();
					resolve({ status, location: res.headers.location ?? null, contentType, body: null });
					return;
				}
				const declared = Number(res.headers['content-length'] ?? NaN);
				if (declared > options.maxBytes) {
					res.destroy();
					reject(new FetchRefused(m.author_fetch_too_big({ max: options.maxBytes / 1024 / 1024 }), 413));
					return;
				}
				const chunks: Buffer[] = [];
				let size = 0;
				res.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > options.maxBytes) {
						res.destroy();
						reject(new FetchRefused(m.author_fetch_too_big({ max: options.maxBytes / 1024 / 1024 }), 413));
						return;
					}
					chunks.push(chunk);
				});
				res.on('end', () => resolve({ status, location: null, contentType, body: Buffer.concat(chunks) }));
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end();
	});
}

/** The text of a page's body, decoded by its declared character set (UTF-8 otherwise). */
function decode(body: Buffer, contentType: string): string {
	const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
	try {
		return new TextDecoder(charset).decode(body);
	} catch {
		return new TextDecoder('utf-8').decode(body);
	}
}

/** `work`, or a refusal once `signal` aborts (the fetch's time limit), whichever comes first. */
function withinTime<T>(work: Promise<T>, signal: AbortSignal, timeoutMs: number): Promise<T> {
	const late = () => new FetchRefused(m.author_fetch_slow({ seconds: Math.round(timeoutMs / 1000) }));
	if (signal.aborted) return Promise.reject(late());
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(late());
		signal.addEventListener('abort', onAbort, { once: true });
		work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
	});
}

/** Fetches the page at `address` under the rules above; a FetchRefused says why not. */
export async function fetchArticlePage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
	const maxBytes = options.maxBytes ?? FETCH_LIMITS.maxBytes;
	const timeoutMs = options.timeoutMs ?? FETCH_LIMITS.timeoutMs;
	const maxRedirects = options.maxRedirects ?? FETCH_LIMITS.maxRedirects;
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	try {
		let url = parseAddress(address.trim(), undefined, options);
		for (let hop = 0; ; hop++) {
			// The name lookup counts against the same time limit as the download.
			const target = await withinTime(checkedAddress(url.hostname, options), controller.signal, timeoutMs);
			let result: Hop;
			try {
				result = await request(url, target, { maxBytes }, controller.signal);
			} catch (error) {
				if (error instanceof FetchRefused) throw error;
				if (controller.signal.aborted) {
					throw new FetchRefused(m.author_fetch_slow({ seconds: Math.round(timeoutMs / 1000) }));
				}
				throw new FetchRefused(m.author_fetch_unreachable());
			}
			if (result.status >= 300 && result.status < 400) {
				if (!result.location) throw new FetchRefused(m.author_fetch_no_location());
				if (hop >= maxRedirects) throw new FetchRefused(m.author_fetch_redirects({ max: maxRedirects }));
				url = parseAddress(result.location, url.href, options);
				continue;
			}
			if (result.status === 404 || result.status === 410) throw new FetchRefused(m.author_fetch_missing());
			if (result.status === 401 || result.status === 403) throw new FetchRefused(m.author_fetch_forbidden());
			if (result.status < 200 || result.status >= 300) throw new FetchRefused(m.author_fetch_error({ status: result.status }));
			const type = result.contentType.split(';')[0].trim().toLowerCase();
			if (type && type !== 'text/html' && type !== 'application/xhtml+xml') {
				throw new FetchRefused(m.author_fetch_type({ type: type.slice(0, 60) }), 422);
			}
			return { url: url.href, html: decode(result.body ?? Buffer.alloc(0), result.contentType) };
		}
	} finally {
		clearTimeout(timer);
	}
}

/**
 * A teacher's fetch, counted against their own limit first (LIMITS.articleFetchesPerTeacher):
 * every address is a request the server makes on their behalf, so one account cannot turn
 * it into a scanner or a flood. Over the limit it is a 429 saying how long to wait.
 */
export async function fetchForTeacher(limiters: Pick<Limiters, 'articleFetchesPerTeacher'>, teacherId: string, address: string, options: FetchOptions = {}): Promise<FetchedPage> {
	await consume(limiters.articleFetchesPerTeacher, `teacher:${teacherId}`);
	return fetchArticlePage(address, options);
}
