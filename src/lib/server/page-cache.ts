/**
 * A cache of rendered public pages: the article pages look the same to every visitor
 * who is not signed in, so rendering them once per content change is enough. It holds
 * no per-user state and can be dropped at any time; each entry is tied to the
 * article's content stamp, which is re-read at most once per `stampTtlMs`, so an
 * edited pack (on this server or another sharing the database) shows within that time.
 */

import type { ViewerTemplate } from './viewer-template';

/** Query parameters the public pages read; an address with any other is rendered, not cached. */
const CACHEABLE_PARAMS = new Set(['layers', 'layer', 'speaker', 'form', 'check']);

/**
 * The cache key: origin, path and the parameters that matter, encoded, ordered by name
 * only (so repeated parameters keep their order); null when not cacheable. The origin is
 * part of it because a page may hold absolute addresses (the JSON-LD export's ids), so a
 * page rendered for one address must never be served to a visitor using another. Data
 * requests for client-side navigation are not cached: which parts they carry depends on
 * the client.
 */
export function pageCacheKey(url: URL, isDataRequest: boolean): string | null {
	const params = [...url.searchParams];
	if (isDataRequest || params.some(([name]) => !CACHEABLE_PARAMS.has(name)) || params.length > 8) return null;
	const sorted = params.map((p, i) => [p, i] as const).sort(([[a], i], [[b], j]) => a.localeCompare(b) || i - j);
	return `${url.origin}${url.pathname}?${new URLSearchParams(sorted.map(([p]) => p))}`;
}

export interface CachedPage {
	status: number;
	headers: [string, string][];
	body: ArrayBuffer;
	stamp: string;
	/** A page shared by signed-in students, with the slot for the name (viewer-template.ts). */
	viewer?: ViewerTemplate;
}

export interface PageCacheOptions {
	maxBytes: number;
	stampTtlMs: number;
}

export class PageCache {
	#pages = new Map<string, CachedPage>();
	#stamps = new Map<string, { value: string | null; readAt: number }>();
	#bytes = 0;
	readonly #readStamp: (slug: string) => Promise<string | null>;
	readonly #options: PageCacheOptions;

	constructor(readStamp: (slug: string) => Promise<string | null>, options: Partial<PageCacheOptions> = {}) {
		this.#readStamp = readStamp;
		this.#options = { maxBytes: 32 * 1024 * 1024, stampTtlMs: 1000, ...options };
	}

	/** The article's current content stamp, re-read from the database when stale. */
	async stamp(slug: string, now = Date.now()): Promise<string | null> {
		const known = this.#stamps.get(slug);
		if (known && now - known.readAt < this.#options.stampTtlMs) return known.value;
		const value = await this.#readStamp(slug);
		// Only real articles are remembered, so made-up addresses cannot grow this map.
		if (value === null) this.#stamps.delete(slug);
		else this.#stamps.set(slug, { value, readAt: now });
		return value;
	}

	/** The cached page for `key`, if it was rendered from the current content. */
	async get(key: string, slug: string): Promise<CachedPage | undefined> {
		const page = this.#pages.get(key);
		if (!page) return undefined;
		if (page.stamp !== (await this.stamp(slug))) {
			this.#delete(key);
			return undefined;
		}
		return page;
	}

	/** Keeps a rendered page, evicting the oldest ones beyond the size limit. */
	set(key: string, page: CachedPage) {
		if (page.body.byteLength > this.#options.maxBytes) return;
		this.#delete(key);
		this.#pages.set(key, page);
		this.#bytes += page.body.byteLength;
		for (const oldest of this.#pages.keys()) {
			if (this.#bytes <= this.#options.maxBytes) break;
			this.#delete(oldest);
		}
	}

	get size(): number {
		return this.#pages.size;
	}

	#delete(key: string) {
		const page = this.#pages.get(key);
		if (!page) return;
		this.#bytes -= page.body.byteLength;
		this.#pages.delete(key);
	}
}
