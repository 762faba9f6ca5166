import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './scripts/paraglide-options.js';

export default defineConfig({
	plugins: [
		// Compiles messages/ into src/lib/paraglide (options and why: scripts/paraglide-options.js).
		// Not under Vitest, whose global setup compiles them instead (tests/paraglide-setup.ts).
		...(process.env.VITEST ? [] : [paraglideVitePlugin({ ...paraglideOptions, strategy: [...paraglideOptions.strategy] })]),
		sveltekit()
	],
	// Rolldown's plugin timing report is advice for tuning the build, printed as a warning on
	// every build; `npm start` shows warnings, and a newcomer needs the ready line, not this.
	build: { rolldownOptions: { checks: { pluginTimings: false } } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		environment: 'node',
		globalSetup: ['tests/paraglide-setup.ts'],
		// Integration specs share one database file per engine; run files one at a time.
		fileParallelism: false
	}
});
