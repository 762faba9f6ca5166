// The build stamp `npm start` keeps next to build/ (see scripts/start.js): a hash of
// everything the build reads, and when build/ was written.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** What the build reads: the app's sources and config, and the exact dependency versions. */
const INPUTS = [
	'src',
	'static',
	'messages',
	join('project.inlang', 'settings.json'),
	join('scripts', 'paraglide-options.js'),
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'package.json',
	'package-lock.json',
	'.env',
	'.env.production'
];
/** Read when the server starts, not bundled: a change needs a restart, not a build. */
const NOT_BUILT = [
	join('src', 'content'),
	// Written by the build itself from messages/ (Paraglide JS), which is hashed instead.
	join('src', 'lib', 'paraglide')
];

/** The stamp file for the project at `root`. @param {string} root */
export const stampFile = (root) => join(root, '.build-stamp');
/** @param {string} root */
const handlerFile = (root) => join(root, 'build', 'handler.js');

/** @param {string} root @param {string} path @returns {string[]} */
function files(root, path) {
	if (!existsSync(path)) return [];
	if (!statSync(path).isDirectory()) return [path];
	if (NOT_BUILT.includes(relative(root, path))) return [];
	return readdirSync(path)
		.sort()
		.flatMap((name) => files(root, join(path, name)));
}

/** A SHA-256 over each input file's path and contents, in a fixed order. @param {string} root */
export function sourceHash(root) {
	const hash = createHash('sha256');
	for (const file of INPUTS.flatMap((input) => files(root, join(root, input)))) {
		hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
	}
	return hash.digest('hex');
}

/**
 * The stamp: the sources' hash and when build/ was written. The second part catches a
 * build made by other means (`npm run build` of other sources, then reverting them),
 * which would otherwise sit under a stamp that still matches.
 * @param {string} root @param {string} sources
 */
function stampOf(root, sources) {
	return `${sources} ${existsSync(handlerFile(root)) ? statSync(handlerFile(root)).mtimeMs : 'none'}`;
}

/** True when build/ holds a build of exactly the sources hashed as `sources`, stamped by `writeStamp`. @param {string} root */
export function buildIsCurrent(root, sources = sourceHash(root)) {
	const file = stampFile(root);
	return existsSync(handlerFile(root)) && existsSync(file) && readFileSync(file, 'utf8').trim() === stampOf(root, sources);
}

/** Forgets the stamp, before a build that may fail or be interrupted. @param {string} root */
export function forgetStamp(root) {
	rmSync(stampFile(root), { force: true });
}

/** Records that build/ now holds a build of the sources hashed as `sources`. @param {string} root @param {string} sources */
export function writeStamp(root, sources) {
	writeFileSync(stampFile(root), `${stampOf(root, sources)}\n`);
}
