/**
 * A cache of rendered public pages: the article pages look the same to every visitor
 * who is not signed in, so rendering them once per content change is enough. It holds
 * no per-user state and can be dropped at any time; each entry is tied to the
 * article's content stamp, which is re-read at most once per `stampTtlMs`, so an
 * edited pack (on this server or another sharing the database) shows within that time.
 */

export interface CachedPage {
	status: number;
	headers: [string, string][];
	body: ArrayBuffer;
	stamp: string;
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
