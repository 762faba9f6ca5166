import { defineConfig } from '@playwright/test';

// npm test picks a free port and passes it down; 4173 when Playwright is run by hand.
const PORT = Number(process.env.E2E_PORT || 4173);

/** End-to-end tests run against the built app (npm run build) in Debian's Chromium. */
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	// axe over the whole reader takes about 20 s on a busy 2-core machine; 30 s was too close.
	timeout: 45_000,
	// In CI only, one retry absorbs a rare stall of headless Chromium under parallel load
	// (seen once in about ten full runs). A retried test is reported as "flaky", and one
	// that fails twice still fails the run.
	retries: process.env.CI ? 1 : 0,
	forbidOnly: true,
	reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
	use: {
		baseURL: `http://localhost:${PORT}`,
		// A stuck step fails with its own line instead of silently using up the test's time.
		actionTimeout: 20_000,
		navigationTimeout: 20_000,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// A fresh SQLite file each run, migrated and seeded by the app itself at start.
		command: `rm -rf tmp/e2e-${PORT} && node scripts/serve.js`,
		env: { PORT: String(PORT), DATABASE_URL: `tmp/e2e-${PORT}/kit.db` },
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
