/**
 * Where the language switch sends the browser back to: a path on this site, taken from
 * the form, or the home page for anything else (another site, a protocol-relative `//x`,
 * a backslash some browsers read as a slash, control characters), so the switch cannot be
 * used to send someone elsewhere.
 */
export function returnPath(value: unknown): string {
	if (typeof value !== 'string' || value.length > 2000) return '/';
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
	return value;
}
