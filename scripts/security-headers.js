// The kit's security headers, in one place: svelte.config.js gives pages their
// Content-Security-Policy from PAGE_CSP (through kit.csp, which adds the hash of each
// page's inline start-up script), and scripts/serve.js puts RESPONSE_HEADERS on every
// response the server sends, static files included; a page's own policy then replaces
// the strict default one there.

/**
 * The pages' policy, as kit.csp directives. Scripts are allowed by hash, never
 * 'unsafe-inline', and hashes rather than nonces because public pages are served from a
 * cache of their rendered bytes, where a nonce would be replayed to every visitor.
 * Inline style attributes stay allowed (style-src-attr only): SvelteKit's page-change
 * announcer and app.html's wrapper use them, while <style> elements must come from us.
 * Images may be data: URIs (the join screen's QR code). Nothing is meant to be embedded
 * in another site yet, so frame-ancestors is 'none'. No upgrade-insecure-requests: a
 * classroom kit is usually plain http on a local address.
 * @type {NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']}
 */
export const PAGE_CSP = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self'],
	'style-src-attr': ['unsafe-inline'],
	'img-src': ['self', 'data:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

/** Browser features the kit never uses, switched off for it and anything it could embed. */
const DENIED_FEATURES = [
	'accelerometer',
	'autoplay',
	'camera',
	'display-capture',
	'encrypted-media',
	'geolocation',
	'gyroscope',
	'hid',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'publickey-credentials-get',
	'screen-wake-lock',
	'serial',
	'usb',
	'xr-spatial-tracking'
];

/**
 * Headers for every response. The Content-Security-Policy here is for what is not a
 * page (exports, scripts, styles, the favicon): such a response is never a document
 * that runs anything, so it may load nothing and be framed nowhere. Cross-Origin-
 * Resource-Policy only stops other sites embedding our files without CORS (an <img> or
 * <script> pointing here); tools that download the JSON-LD export or text.txt (curl, an
 * annotation server) are unaffected, and a page on another site could not read them
 * anyway, since the kit sends no CORS headers.
 * @type {Readonly<Record<string, string>>}
 */
export const RESPONSE_HEADERS = Object.freeze({
	'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'same-origin',
	'Permissions-Policy': DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '),
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin'
});

/**
 * Sets RESPONSE_HEADERS on `res` before anything answers; what the app sets later wins.
 * A 304 is the exception: a browser revalidating a page it stored (SvelteKit gives pages
 * an ETag) replaces the stored headers with the 304's, and SvelteKit's 304 carries no
 * policy of its own, so the strict default one would replace the page's and block all
 * its scripts and styles. A 304 therefore sends no policy, and the stored one stands.
 * @param {import('node:http').ServerResponse} res
 */
export function setSecurityHeaders(res) {
	for (const [name, value] of Object.entries(RESPONSE_HEADERS)) res.setHeader(name, value);
	const writeHead = res.writeHead;
	/** @type {typeof res.writeHead} */
	const writeHeadKeepingStoredPolicy = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
		if (status === 304) res.removeHeader('Content-Security-Policy');
		return writeHead.call(res, status, ...rest);
	};
	res.writeHead = writeHeadKeepingStoredPolicy;
}
