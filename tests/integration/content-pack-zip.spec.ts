import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { readAllPacks } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { buildArticlePack, packZip } from '../../src/lib/server/content/pack-export';
import { importPack, readPackUpload } from '../../src/lib/server/content/pack-import';
import { readZip } from '../../src/lib/server/content/zip';
import { loadReaderArticle } from '../../src/lib/server/articles/reader';
import { addFact, editorModel, saveClaim, saveNote, type ClaimInput } from '../../src/lib/server/articles/annotation-editor';
import { articleForTeacher, copyArticle, createTeacherArticle, setArticlePublication } from '../../src/lib/server/articles/teacher-articles';
import { checkParts } from '../../src/lib/articles/article-parts';
import { createInvite, signUpTeacher } from '../../src/lib/server/people/teachers';
import { seedClassroom } from '../fixtures/classroom';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { SLUG } from '../fixtures/content-pack';
import { refusal } from '../fixtures/refusal';

const BODY = 'The council met on Tuesday. It voted for new buses.\n\n## What next\n\n“We need buses now,” said Tom Reed. Riders agree.';
const SENTENCES = ['The council met on Tuesday.', 'It voted for new buses.', 'What next', '“We need buses now,” said Tom Reed.', 'Riders agree.'];

const pasted = () => {
	const result = checkParts({ title: 'Council backs buses', body: BODY, outlet: '', author: '', date: '', originalUrl: '', language: 'en' });
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.parts;
};

const newSpeaker: ClaimInput = {
	speaker: 'new',
	newSpeaker: { name: 'The writer', role: 'writer', description: 'The article’s unnamed writer', stake: 'A story people read' },
	form: 'writer',
	relationship: 'Writes the story',
	check: 'unverified',
	checkNote: '',
	facts: []
};

/** Unzips a downloaded pack under a fresh `src/content`-like folder and loads it the way start-up does. */
async function loadIntoFreshDatabase(zip: Uint8Array) {
	const root = await mkdtemp(join(tmpdir(), 'attribution-lab-pack-zip-'));
	for (const file of readZip(zip)) {
		const path = join(root, 'articles', file.name);
		await mkdir(dirname(path), { recursive: true });
		await writeFile(path, file.data);
	}
	const packs = await readAllPacks(root);
	const fresh = await freshDatabase();
	for (const pack of packs) await syncPack(fresh, pack);
	return { fresh, packs };
}

describe(`content packs as zips on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let ada: string;
	let bob: string;

	beforeEach(async () => {
		handle = await freshDatabase();
		ada = (await seedClassroom(handle)).teacherId;
		bob = (await signUpTeacher(handle, { name: 'Bob', email: 'bob@school.test', password: 'harbor lantern violet' }, await createInvite(handle, ada))).id;
	});
	afterEach(async () => handle.close());

	/** Ada's pasted article, every word in a claim, with a note citing a checked fact. */
	async function annotatedPaste() {
		const { id } = await createTeacherArticle(handle, ada, pasted());
		const text = (await editorModel(handle, ada, id)).version.text;
		const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
		const revision = async () => (await articleForTeacher(handle, ada, id)).revision;
		const fact = await addFact(handle, ada, id, await revision(), { text: 'The vote was 7 to 2', origin: 'Council minutes', checked: true });
		let speaker = 'new';
		for (const words of SENTENCES) {
			await saveClaim(handle, ada, id, await revision(), null, span(words), { ...newSpeaker, speaker });
			speaker = (await editorModel(handle, ada, id)).speakers[0].key;
		}
		await saveNote(handle, ada, id, await revision(), null, span('Tom Reed'), { layer: 'sourcing', title: 'Who is Tom Reed?', body: 'He chairs the riders’ union.', checkIt: '', facts: [fact] });
		return { id, span, revision, speaker };
	}

	it('downloads the shipped article a teacher copied, and the zip loads into a fresh database as the same article', async () => {
		const copy = await copyArticle(handle, ada, SLUG);
		const built = await buildArticlePack(handle, ada, copy.id);
		if (!built.ok) throw new Error(built.problems.join('\n'));
		const zip = packZip(built.slug, built.sources);
		expect(readZip(zip).map((f) => f.name)).toEqual(['article.yaml', 'article.txt', 'claims.yaml', 'notes.yaml'].map((n) => `${copy.slug}/${n}`));

		// Read before the fresh database: on PostgreSQL it replaces this one (same server, schema dropped).
		const original = await loadReaderArticle(handle, SLUG);
		const { fresh, packs } = await loadIntoFreshDatabase(zip);
		try {
			const loaded = await loadReaderArticle(fresh, copy.slug);
			expect(packs.map((p) => p.meta.slug)).toEqual([copy.slug]);
			expect(loaded?.text).toBe(original?.text);
			expect(loaded?.blocks.map((b) => [b.kind, b.start, b.end])).toEqual(original?.blocks.map((b) => [b.kind, b.start, b.end]));
			const claimsOf = (a: typeof loaded) => a?.claims.map((c) => [c.key, c.start, c.end, c.speaker, c.form, c.check]);
			expect(claimsOf(loaded)).toEqual(claimsOf(original));
			expect(loaded?.notes.map((n) => [n.key, n.title, n.facts.length])).toEqual(original?.notes.map((n) => [n.key, n.title, n.facts.length]));
			expect(loaded?.byline).toEqual(original?.byline);
			expect(loaded?.speakers.map((s) => [s.key, s.name, s.role])).toEqual(original?.speakers.map((s) => [s.key, s.name, s.role]));
			// The provenance the shipped pack gives travels with it.
			expect(loaded?.publication?.follows).toBe(original?.publication?.follows);
		} finally {
			await fresh.close();
		}
	}, 30_000);

	it('downloads a pasted article with its details honestly not given, and the zip loads', async () => {
		const { id } = await annotatedPaste();
		// A draft: the owner downloads their current version.
		const built = await buildArticlePack(handle, ada, id);
		if (!built.ok) throw new Error(built.problems.join('\n'));
		expect(built.sources.meta).toMatch(/author: null/);
		const { fresh, packs } = await loadIntoFreshDatabase(packZip(built.slug, built.sources));
		try {
			const loaded = await loadReaderArticle(fresh, built.slug);
			expect(packs[0].meta.publication).toMatchObject({ site: null, author: null, date: null, url: null, follows: null, facts: [] });
			expect(loaded?.byline).toMatchObject({ outlet: null, author: null, date: null, originalUrl: null });
			expect(loaded?.publication).toBeNull();
			expect(loaded?.claims.map((c) => c.quote)).toEqual(SENTENCES);
			expect(loaded?.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
			expect(loaded?.notes).toMatchObject([{ title: 'Who is Tom Reed?', facts: [{ text: 'The vote was 7 to 2', unverified: false }] }]);
		} finally {
			await fresh.close();
		}
	}, 30_000);

	it('refuses to download an article whose claims do not cover it, listing every passage to fix', async () => {
		const { id } = await createTeacherArticle(handle, ada, pasted());
		const text = (await editorModel(handle, ada, id)).version.text;
		const words = 'It voted for new buses.';
		await saveClaim(handle, ada, id, (await articleForTeacher(handle, ada, id)).revision, null, { start: text.indexOf(words), end: text.indexOf(words) + words.length }, newSpeaker);
		const built = await buildArticlePack(handle, ada, id);
		expect(built.ok).toBe(false);
		const problems = built.ok ? [] : built.problems;
		expect(problems).toHaveLength(2);
		expect(problems[0]).toMatch(/No claim covers “The council met on Tuesday\.”/);
		expect(problems[1]).toMatch(/No claim covers “What next.*Riders agree\.”/s);
	});

	it('lets only teachers who may copy an article download it', async () => {
		const { id } = await annotatedPaste();
		expect((await refusal(buildArticlePack(handle, bob, id))).status).toBe(404);
		await setArticlePublication(handle, ada, id, (await articleForTeacher(handle, ada, id)).revision, 'published', 'teachers');
		expect((await buildArticlePack(handle, bob, id)).ok).toBe(true);
	});

	it('imports an uploaded pack as the teacher’s own draft, touching no pack-owned or other teacher’s article', async () => {
		const { id: adasId } = await annotatedPaste();
		const copy = await copyArticle(handle, ada, SLUG);
		const built = await buildArticlePack(handle, ada, copy.id);
		if (!built.ok) throw new Error(built.problems.join('\n'));
		const zip = packZip(built.slug, built.sources);
		const rowsOf = async (articleId: string) => handle.db.select().from(handle.tables.annotations).where(eq(handle.tables.annotations.articleId, articleId));
		const before = { shipped: await rowsOf(SLUG), adas: await rowsOf(adasId), copy: await rowsOf(copy.id) };

		const pack = readPackUpload({ name: 'pack.zip', size: zip.length, bytes: zip });
		const imported = await importPack(handle, bob, pack);
		const article = await articleForTeacher(handle, bob, imported.id);
		expect(article).toMatchObject({ ownerId: bob, source: 'teacher', status: 'draft', visibility: 'private', title: (await articleForTeacher(handle, ada, copy.id)).title });
		expect(imported.slug).not.toBe(copy.slug);
		const model = await editorModel(handle, bob, imported.id);
		expect(model.claims).toHaveLength(before.copy.filter((a) => a.kind === 'claim').length);
		expect(model.claims.every((c) => c.place.status === 'placed')).toBe(true);
		expect(model.problems).toEqual([]);
		const owned = await handle.db
			.select()
			.from(handle.tables.annotations)
			.where(and(eq(handle.tables.annotations.articleId, imported.id), eq(handle.tables.annotations.ownerId, bob), eq(handle.tables.annotations.source, 'teacher')));
		expect(owned).toHaveLength(before.copy.length);
		// Nobody else's rows moved.
		expect(await rowsOf(SLUG)).toEqual(before.shipped);
		expect(await rowsOf(adasId)).toEqual(before.adas);
		expect(await rowsOf(copy.id)).toEqual(before.copy);
		// Ada cannot see Bob's draft.
		expect((await refusal(articleForTeacher(handle, ada, imported.id))).status).toBe(404);
	}, 30_000);
});
