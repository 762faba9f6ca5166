// `npm start`: build the app if its sources changed since the last build, then serve it.
//
// The build takes most of a cold start, and a school's server usually restarts with
// nothing changed (a reboot, a new content pack). So a stamp next to build/ holds a hash
// of everything the build reads (scripts/build-stamp.js); when it matches and build/ is
// there, the build is skipped. The build runs quietly (warnings and errors only), so the
// ready line and the setup link are what the console ends with.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent, forgetStamp, sourceHash, writeStamp } from './build-stamp.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const sources = sourceHash(root);

if (buildIsCurrent(root, sources)) {
	console.log('The app is already built from these sources; starting.');
} else {
	console.log('Building the app (the sources changed since the last build, or it was never built)…');
	// A build that fails or is interrupted must not leave a stamp saying build/ is current.
	forgetStamp(root);
	const started = Date.now();
	const vite = join(createRequire(import.meta.url).resolve('vite/package.json'), '..', 'bin', 'vite.js');
	// Errors and warnings (stderr) pass straight through. Of stdout, SvelteKit's advice to run
	// `npm run preview` would mislead here (the server starts next), and blank lines go too.
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8' });
	const said = (result.stdout ?? '').split('\n').filter((line) => line.trim() !== '' && !line.includes('npm run preview'));
	if (said.length > 0) console.log(said.join('\n'));
	if (result.status !== 0) {
		console.error('\nThe build failed (the errors are above); the server was not started.');
		process.exit(result.status ?? 1);
	}
	writeStamp(root, sources);
	console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

await import('./serve.js');
