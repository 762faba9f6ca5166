/**
 * Entity tags for documents the kit serves by address (an annotation by its id), so a
 * client that already holds the current version gets a 304 instead of the bytes again.
 */
import { createHash } from 'node:crypto';

/** A strong entity tag for `body`: a hash of its bytes, so it changes exactly when they do. */
export function etagOf(body: string): string {
	return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether an If-None-Match header matches `etag`, as RFC 9110 compares them for GET:
 * weakly (a W/ prefix is ignored), against any tag of a comma-separated list, or `*`.
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
	if (!header) return false;
	const bare = (tag: string) => tag.trim().replace(/^W\//, '');
	return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
