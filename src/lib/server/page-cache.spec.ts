import { describe, expect, it } from 'vitest';
import { PageCache, pageCacheKey, type CachedPage } from './page-cache';

const page = (stamp: string, bytes = 10): CachedPage => ({ status: 200, headers: [], body: new ArrayBuffer(bytes), stamp });

describe('PageCache', () => {
	it('serves a page while the content stamp is unchanged, and drops it when it moves', async () => {
		let stamp = 'v1';
		const cache = new PageCache(async () => stamp, { stampTtlMs: 0 });
		cache.set('/a', page('v1'));
		expect(await cache.get('/a', 'a')).toBeDefined();
		stamp = 'v2';
		expect(await cache.get('/a', 'a')).toBeUndefined();
		expect(cache.size).toBe(0);
	});

	it('reads the stamp at most once per time-to-live', async () => {
		let reads = 0;
		const cache = new PageCache(async () => `v${++reads}`, { stampTtlMs: 1000 });
		expect(await cache.stamp('a', 0)).toBe('v1');
		expect(await cache.stamp('a', 999)).toBe('v1');
		expect(await cache.stamp('a', 1000)).toBe('v2');
	});

	it('evicts the oldest pages beyond its size limit', async () => {
		const cache = new PageCache(async () => 's', { maxBytes: 25, stampTtlMs: 0 });
		cache.set('/1', page('s'));
		cache.set('/2', page('s'));
		cache.set('/3', page('s'));
		expect(cache.size).toBe(2);
		expect(await cache.get('/1', 'x')).toBeUndefined();
		expect(await cache.get('/3', 'x')).toBeDefined();
	});
});

describe('pageCacheKey', () => {
	const key = (address: string, isDataRequest = false) => pageCacheKey(new URL(address), isDataRequest);

	it('keeps pages for different origins apart, so one address never gets another’s absolute links', () => {
		const path = '/articles/a/annotations.jsonld';
		expect(key(`http://localhost:3000${path}`)).not.toBe(key(`http://evil.example${path}`));
		expect(key(`http://localhost:3000${path}`)).not.toBe(key(`https://localhost:3000${path}`));
		expect(key(`http://localhost:3000${path}`)).toBe(key(`http://LOCALHOST:3000${path}`));
	});

	it('orders the parameters by name, keeping repeated ones in order', () => {
		expect(key('http://h/a?speaker=x&form=b&form=a')).toBe(key('http://h/a?form=b&speaker=x&form=a'));
		expect(key('http://h/a?form=a&form=b')).not.toBe(key('http://h/a?form=b&form=a'));
	});

	it('refuses data requests, unknown parameters and long queries', () => {
		expect(key('http://h/a', true)).toBeNull();
		expect(key('http://h/a?utm_source=x')).toBeNull();
		expect(key(`http://h/a?${'form=a&'.repeat(9)}`)).toBeNull();
	});
});
