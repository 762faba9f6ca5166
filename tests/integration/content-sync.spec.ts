import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { readPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { loadReaderArticle } from '../../src/lib/server/articles/reader';
import { copyContent, editPackFile, SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';

describe(`content packs on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let packDir: string;

	beforeEach(async () => {
		handle = await freshDatabase();
		({ packDir } = await copyContent());
	});
	afterEach(async () => handle.close());

	async function counts() {
		const { db, tables: t } = handle;
		const [annotations, claims, notes, versions] = await Promise.all([
			db.select().from(t.annotations),
			db.select().from(t.claims),
			db.select().from(t.notes),
			db.select().from(t.articleVersions)
		]);
		return { annotations: annotations.length, claims: claims.length, notes: notes.length, versions: versions.length };
	}

	it('loads the pack once and skips it when nothing changed', async () => {
		const pack = await readPack(packDir);
		expect(await syncPack(handle, pack)).toBe('created');
		const first = await counts();
		expect(first).toEqual({
			annotations: pack.claims.length + pack.notes.length,
			claims: pack.claims.length,
			notes: pack.notes.length,
			versions: 1
		});

		expect(await syncPack(handle, await readPack(packDir))).toBe('unchanged');
		expect(await counts()).toEqual(first);
	});

	it('applies an edited note in place, keeping its id', async () => {
		await syncPack(handle, await readPack(packDir));
		await editPackFile(packDir, 'notes.yaml', (s) => s.replace(/title: .*/, 'title: "An edited title"'));
		expect(await syncPack(handle, await readPack(packDir))).toBe('updated');

		const article = await loadReaderArticle(handle, SLUG);
		expect(article?.notes.find((n) => n.key === 'n01')?.title).toBe('An edited title');
		expect((await counts()).versions).toBe(1);
	});

	it('deletes a note the pack no longer has', async () => {
		await syncPack(handle, await readPack(packDir));
		await editPackFile(packDir, 'notes.yaml', (s) => s.replace(/\n {2}- id: n35\n[\s\S]*$/, '\n'));
		const pack = await readPack(packDir);
		await syncPack(handle, pack);
		const { db, tables: t } = handle;
		expect(await db.select().from(t.notes).where(eq(t.notes.annotationId, `${SLUG}/n35`))).toHaveLength(0);
		expect((await counts()).notes).toBe(pack.notes.length);
	});

	it('stores an edited text as a new version and anchors every claim to it', async () => {
		await syncPack(handle, await readPack(packDir));
		const edit = (s: string) => s.replace('the tension between cooperation', 'the growing tension between cooperation');
		await editPackFile(packDir, 'article.txt', edit);
		await editPackFile(packDir, 'claims.yaml', edit);
		expect(await syncPack(handle, await readPack(packDir))).toBe('updated');

		expect((await counts()).versions).toBe(2);
		const article = await loadReaderArticle(handle, SLUG);
		expect(article?.versionNumber).toBe(2);
		expect(article?.text).toContain('the growing tension');
		expect(article?.orphans).toEqual([]);
		for (const claim of article!.claims) expect(article!.text.slice(claim.start, claim.end)).toBe(claim.quote);
	});
});
