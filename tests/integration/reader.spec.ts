import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { readPack, type ContentPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { loadReaderArticle } from '../../src/lib/server/articles/reader';
import { toAnnotationCollection } from '../../src/lib/articles/web-annotation';
import { copyContent, SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';

describe(`the reader model on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;

	beforeAll(async () => {
		handle = await freshDatabase();
		pack = await readPack((await copyContent()).packDir);
		await syncPack(handle, pack);
	});
	afterAll(async () => handle.close());

	it('returns null for an article that does not exist', async () => {
		expect(await loadReaderArticle(handle, 'no-such-article')).toBeNull();
	});

	it('anchors every claim and note exactly, with none orphaned', async () => {
		const article = (await loadReaderArticle(handle, SLUG))!;
		expect(article.orphans).toEqual([]);
		expect(article.claims).toHaveLength(pack.claims.length);
		expect(article.notes).toHaveLength(pack.notes.length);
		expect(article.claims.map((c) => c.number)).toEqual(pack.claims.map((_, i) => i + 1));
	});

	it('rebuilds the whole text from its blocks', async () => {
		const article = (await loadReaderArticle(handle, SLUG))!;
		const rendered = article.blocks.map((b) => b.pieces.map((p) => p.text).join('')).join('\n');
		expect(rendered).toBe(article.text);
		expect(article.blocks.filter((b) => b.kind === 'heading')).toHaveLength(5);
	});

	it('links every note to the claims it overlaps', async () => {
		const article = (await loadReaderArticle(handle, SLUG))!;
		for (const note of article.notes) {
			const owners = article.claims.filter((c) => c.noteKeys.includes(note.key));
			expect(owners.map((c) => c.key), note.key).toContain(note.homeClaim);
		}
	});

	it('exports every claim and note as W3C annotations whose selectors index the text', async () => {
		const article = (await loadReaderArticle(handle, SLUG))!;
		const collection = toAnnotationCollection(article, 'http://example.test/articles/x');
		expect(collection.type).toBe('AnnotationCollection');
		expect(collection.total).toBe(pack.claims.length + pack.notes.length);
		const items = collection.first.items;
		expect(items.filter((a) => a.motivation === 'classifying')).toHaveLength(pack.claims.length);
		expect(new Set(items.map((a) => a.motivation))).toEqual(new Set(['classifying', 'commenting', 'assessing']));
		for (const item of items) {
			const [quote, position] = item.target.selector as [
				{ type: string; exact: string; prefix: string; suffix: string },
				{ type: string; start: number; end: number }
			];
			expect(quote.type).toBe('TextQuoteSelector');
			expect(position.type).toBe('TextPositionSelector');
			expect(article.text.slice(position.start, position.end)).toBe(quote.exact);
			expect(article.text.slice(0, position.start).endsWith(quote.prefix)).toBe(true);
		}
		const kelly = items.find((a) => a.id.endsWith(`/${pack.claims.find((c) => c.speaker === 'anna-kelly')!.id}`))!;
		expect(kelly.body).toContainEqual({ type: 'TextualBody', purpose: 'identifying', value: 'Anna Kelly' });
	});

	it('finds a note again by its quote when its stored position is stale', async () => {
		const { db, tables: t } = handle;
		const id = `${SLUG}/${pack.notes[0].id}`;
		await db.update(t.annotations).set({ positionStart: 0, positionEnd: 5 }).where(eq(t.annotations.id, id));
		const note = (await loadReaderArticle(handle, SLUG))!.notes.find((n) => n.key === pack.notes[0].id)!;
		expect(note.quote).toBe(pack.notes[0].quote);
	});

	it('lists a note whose words are gone as an orphan instead of dropping it', async () => {
		const { db, tables: t } = handle;
		const id = `${SLUG}/${pack.notes[1].id}`;
		await db
			.update(t.annotations)
			.set({ quoteExact: 'Words that were never in this article at all, anywhere.', positionStart: 0, positionEnd: 10 })
			.where(eq(t.annotations.id, id));
		const article = (await loadReaderArticle(handle, SLUG))!;
		expect(article.orphans).toEqual([expect.objectContaining({ kind: 'note', key: pack.notes[1].id })]);
		expect(article.notes.some((n) => n.key === pack.notes[1].id)).toBe(false);
	});
});
