import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { PAGE_CSP } from './scripts/security-headers.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true, discloseVersion: false },
	kit: {
		adapter: adapter({ out: 'build' }),
		// The server resolves routes for client-side navigation, so the browser does not
		// download the whole route manifest up front (it keeps the reader's JS in budget).
		router: { resolution: 'server' },
		// Hashes, not nonces: public pages are replayed from a cache of rendered bytes.
		// The directives and why each is there: scripts/security-headers.js.
		csp: { mode: 'hash', directives: PAGE_CSP }
	}
};

export default config;
