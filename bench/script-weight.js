// The gzipped weight of every script a page loads (its HTML and its Link header name
// them), shared by the bench, which reports it, and an end-to-end test, which holds the
// reader to its 40 KB budget.
import { gzipSync } from 'node:zlib';

/**
 * Sum of the gzipped size of every script `pageUrl` loads.
 * @param {string} pageUrl
 * @param {string} html
 * @param {string | null} linkHeader
 * @returns {Promise<{ files: number, gzipBytes: number }>}
 */
export async function scriptWeight(pageUrl, html, linkHeader) {
	const urls = new Set();
	for (const match of `${linkHeader ?? ''} ${html}`.matchAll(/(?:<|["'(])((?:\.\.\/|\/)?_app\/immutable\/[^"'>)\s]+\.js)/g)) {
		urls.add(new URL(match[1], pageUrl).href);
	}
	let total = 0;
	for (const url of urls) total += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
	return { files: urls.size, gzipBytes: total };
}
