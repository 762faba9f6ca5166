// `npm start`: build the app if its sources changed since the last build, then serve it.
//
// The build takes most of a cold start, and a school's server usually restarts with
// nothing changed (a reboot, a new content pack). So a stamp next to build/ holds a hash
// of everything the build reads; when it matches and build/ is there, the build is
// skipped. Content packs (src/content) are read when the server starts, not built in, so
// editing one needs a restart but no build. The build runs quietly (warnings and errors
// only), so the ready line and the setup link are what the console ends with.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
/** The stamp sits beside build/, and is written only after a build succeeds. */
export const STAMP_FILE = join(root, '.build-stamp');

/** What the build reads: the app's sources and config, and the exact dependency versions. */
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', '.env', '.env.production'];
/** Read at start-up, not bundled: a change needs no build. */
const NOT_BUILT = [join('src', 'content')];

function files(path) {
	if (!existsSync(path)) return [];
	if (!statSync(path).isDirectory()) return [path];
	if (NOT_BUILT.includes(relative(root, path))) return [];
	return readdirSync(path)
		.sort()
		.flatMap((name) => files(join(path, name)));
}

/** A SHA-256 over each input file's path and contents, in a fixed order. */
export function sourceStamp() {
	const hash = createHash('sha256');
	for (const file of INPUTS.flatMap((input) => files(join(root, input)))) {
		hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
	}
	return hash.digest('hex');
}

/** True when build/ holds a build of exactly these sources. */
function buildIsCurrent(stamp) {
	return existsSync(join(root, 'build', 'handler.js')) && existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, 'utf8').trim() === stamp;
}

const stamp = sourceStamp();
if (buildIsCurrent(stamp)) {
	console.log('The app is already built from these sources; starting.');
} else {
	console.log('Building the app (the sources changed since the last build, or it was never built)…');
	// A build that fails or is interrupted must not leave an old stamp saying build/ is current.
	rmSync(STAMP_FILE, { force: true });
	const started = Date.now();
	const vite = join(createRequire(import.meta.url).resolve('vite/package.json'), '..', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('\nThe build failed (the errors are above); the server was not started.');
		process.exit(result.status ?? 1);
	}
	writeFileSync(STAMP_FILE, `${stamp}\n`);
	console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

await import('./serve.js');
