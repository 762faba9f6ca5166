import { beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIsCurrent, forgetStamp, sourceHash, writeStamp } from '../../scripts/build-stamp.js';

/** When `npm start` may skip the build, on a small project in a temporary folder. */
describe('the build stamp', () => {
	let root: string;
	const write = async (path: string, text: string) => {
		await mkdir(join(root, path, '..'), { recursive: true });
		await writeFile(join(root, path), text);
	};
	/** As start.js does after a successful build. */
	const build = async () => {
		await write('build/handler.js', `// built ${Math.random()}`);
		writeStamp(root, sourceHash(root));
	};

	beforeEach(async () => {
		root = await mkdtemp(join(tmpdir(), 'attribution-lab-stamp-'));
		await write('src/routes/+page.svelte', '<h1>Hi</h1>');
		await write('src/content/articles/a/article.txt', 'Text.');
		await write('static/favicon.svg', '<svg/>');
		await write('package-lock.json', '{"lockfileVersion":3}');
		await write('svelte.config.js', 'export default {};');
	});

	it('is not current before the first build, and is after it', async () => {
		expect(buildIsCurrent(root)).toBe(false);
		await build();
		expect(buildIsCurrent(root)).toBe(true);
	});

	it.each([
		['a source file edited', 'src/routes/+page.svelte', '<h1>Hello</h1>'],
		['a source file added', 'src/lib/new.ts', 'export const x = 1;'],
		['a static file edited', 'static/favicon.svg', '<svg></svg>'],
		['a dependency changed', 'package-lock.json', '{"lockfileVersion":3,"x":1}'],
		['the Svelte config changed', 'svelte.config.js', 'export default { kit: {} };'],
		['a Vite config added', 'vite.config.ts', 'export default {};']
	])('asks for a build after %s', async (_, path, text) => {
		await build();
		await write(path, text);
		expect(buildIsCurrent(root)).toBe(false);
	});

	it('needs no build for an edited content pack: packs are read at start-up', async () => {
		await build();
		await write('src/content/articles/a/article.txt', 'Edited text.');
		await write('src/content/articles/b/article.txt', 'A new pack.');
		expect(buildIsCurrent(root)).toBe(true);
	});

	it('asks for a build when build/ is gone, or was rebuilt by other means', async () => {
		await build();
		await utimes(join(root, 'build/handler.js'), new Date(), new Date(Date.now() + 5000));
		expect(buildIsCurrent(root)).toBe(false);
		await build();
		await rm(join(root, 'build'), { recursive: true });
		expect(buildIsCurrent(root)).toBe(false);
	});

	it('is forgotten before a build, so a failed build is never trusted', async () => {
		await build();
		forgetStamp(root);
		expect(buildIsCurrent(root)).toBe(false);
	});
});
