import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Rolldown's plugin timing report is advice for tuning the build, printed as a warning on
	// every build; `npm start` shows warnings, and a newcomer needs the ready line, not this.
	build: { rolldownOptions: { checks: { pluginTimings: false } } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		environment: 'node',
		// Integration specs share one database file per engine; run files one at a time.
		fileParallelism: false
	}
});
