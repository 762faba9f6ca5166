/**
 * Route parameters come from the address, decoded: `/teach/articles/%00` gives an id with a
 * NUL character in it, which PostgreSQL refuses with an error (a 500) before any "not found".
 * No id, slug or code the kit makes holds a control character, so such a request is simply
 * a page that does not exist.
 */

/** Whether any of `params` holds a control character (C0, or DEL). */
export function hasControlCharacters(params: Partial<Record<string, string>>): boolean {
	// eslint-disable-next-line no-control-regex
	return Object.values(params).some((value) => value !== undefined && /[\u0000-\u001f\u007f]/.test(value));
}
