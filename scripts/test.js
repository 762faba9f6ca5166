// npm test: type check, unit and integration tests on SQLite, the integration suite
// again on PostgreSQL, then end-to-end tests against a fresh build in Chromium (with
// nginx in front of two app servers for the several-servers run and the fault tests).
// Ends with one line, "N passed, N failed", and a non-zero exit if anything failed.
import { spawnSync } from 'node:child_process';
import { paraglideCompileArgs } from './paraglide-options.js';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const RESULTS = 'tmp/test-results';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const totals = { passed: 0, failed: 0 };
const problems = [];

function run(label, command, args, env = {}) {
	console.log(`\n▶ ${label}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) problems.push(label);
	return result.status === 0;
}

/** Adds a Vitest JSON report's counts to the totals. */
function countVitest(file) {
	if (!existsSync(file)) return;
	const report = JSON.parse(readFileSync(file, 'utf8'));
	totals.passed += report.numPassedTests;
	totals.failed += report.numFailedTests;
}

/** Adds a Playwright JSON report's counts to the totals. */
function countPlaywright(file) {
	if (!existsSync(file)) return;
	const { stats } = JSON.parse(readFileSync(file, 'utf8'));
	totals.passed += stats.expected + stats.flaky;
	totals.failed += stats.unexpected;
	if (stats.flaky > 0) console.log(`\nNote: ${stats.flaky} end-to-end test(s) passed only on retry (flaky); see the list above.`);
}

/** A free local port, so two test runs on one machine never share a server. */
function freePort() {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function findPostgres() {
	const dirs = [process.env.PG_BIN, '/usr/local/bin', '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];
	return dirs.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

function ensureChromium() {
	if (existsSync(CHROMIUM)) return true;
	if (process.getuid?.() === 0) {
		console.log('\nChromium is missing; installing it with: apt-get install -y chromium');
		run('apt-get update', 'apt-get', ['update', '-qq']);
		run('Install Chromium', 'apt-get', ['install', '-y', '-qq', 'chromium']);
		if (existsSync(CHROMIUM)) return true;
	}
	console.error(
		`\nThe end-to-end tests need Chromium at ${CHROMIUM}.\n` +
			'Install it with:  sudo apt-get install -y chromium\n' +
			'(or point CHROMIUM_PATH at another Chromium binary), then run npm test again.'
	);
	return false;
}

const NGINX_CANDIDATES = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];
const findNginx = () => NGINX_CANDIDATES.find((p) => p && existsSync(p));

/**
 * The two-server end-to-end run and the fault tests put nginx in front of the app servers.
 * Debian's package is installed when missing, as Chromium is. The tests never use the
 * system's nginx service: they run their own, on a free loopback port, from a config in a
 * temporary folder (tests/cluster/cluster.js).
 */
function ensureNginx() {
	if (findNginx()) return findNginx();
	if (process.getuid?.() === 0) {
		console.log('\nnginx is missing; installing it with: apt-get install -y nginx');
		run('apt-get update', 'apt-get', ['update', '-qq']);
		run('Install nginx', 'apt-get', ['install', '-y', '-qq', 'nginx'], { DEBIAN_FRONTEND: 'noninteractive' });
		if (findNginx()) return findNginx();
	}
	console.error(
		'\nThe end-to-end tests with several app servers need nginx.\n' +
			'Install it with:  sudo apt-get install -y nginx\n' +
			'(or point NGINX_PATH at an nginx binary), then run npm test again.'
	);
	return null;
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

// The messages compile into src/lib/paraglide, which the type check reads (a build or Vitest would compile them too).
run('Type check (svelte-check)', 'npx', paraglideCompileArgs) &&
	run('Type check (svelte-check)', 'npx', ['svelte-kit', 'sync']) &&
	run('Type check (svelte-check)', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error']);

const sqliteReport = `${RESULTS}/vitest-sqlite.json`;
run('Unit and integration tests on SQLite', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${sqliteReport}`], {
	TEST_DATABASE_URL: ''
});
countVitest(sqliteReport);

const pgReport = `${RESULTS}/vitest-postgres.json`;
const pgArgs = ['vitest', 'run', 'tests/integration', '--reporter=default', '--reporter=json', `--outputFile.json=${pgReport}`];
if (process.env.TEST_DATABASE_URL) {
	run('Integration tests on PostgreSQL', 'npx', pgArgs);
} else if (findPostgres()) {
	run('Integration tests on PostgreSQL (throwaway server)', 'scripts/with-postgres.sh', ['npx', ...pgArgs]);
} else {
	console.error(
		'\nThe PostgreSQL suite needs a server. Set TEST_DATABASE_URL=postgres://… or install PostgreSQL ' +
			'(apt-get install -y postgresql) so scripts/with-postgres.sh can start a throwaway one.'
	);
	problems.push('Integration tests on PostgreSQL (no server)');
}
countVitest(pgReport);

const nginx = ensureNginx();
if (!nginx) problems.push('nginx missing (the two-server end-to-end tests fail without it)');
if (ensureChromium()) {
	if (run('Build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
		const e2eReport = `${RESULTS}/playwright.json`;
		run('End-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], {
			PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
			E2E_PORT: String(await freePort()),
			...(nginx ? { NGINX_PATH: nginx } : {})
		});
		countPlaywright(e2eReport);
	}
} else {
	problems.push('End-to-end tests (Chromium missing)');
}

console.log('');
if (problems.length > 0) console.log(`Steps that failed: ${problems.join('; ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(problems.length > 0 || totals.failed > 0 ? 1 : 0);
