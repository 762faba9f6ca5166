import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true, discloseVersion: false },
	kit: {
		adapter: adapter({ out: 'build' }),
		// The server resolves routes for client-side navigation, so the browser does not
		// download the whole route manifest up front (it keeps the reader's JS in budget).
		router: { resolution: 'server' }
	}
};

export default config;
