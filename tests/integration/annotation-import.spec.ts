import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { deleteAnnotation, editorModel, retarget, saveClaim, type ClaimInput } from '../../src/lib/server/articles/annotation-editor';
import { importMessage, importWebAnnotations } from '../../src/lib/server/articles/annotation-import';
import { articleForTeacher, createTeacherArticle, editArticleText } from '../../src/lib/server/articles/teacher-articles';
import { loadReaderArticle } from '../../src/lib/server/articles/reader';
import { checkParts } from '../../src/lib/articles/article-parts';
import { seedClassroom } from '../fixtures/classroom';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { refusal } from '../fixtures/refusal';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../src/lib/annotations/fixtures', name), 'utf8');
const KIT = fixture('kit-collection.json');
const HYPOTHESIS = fixture('hypothesis-collection.json');
/** The text both fixtures annotate, as an article. */
const BODY = '“We will fix the bridge,” the mayor said.\n\nCritics doubt it.';

const parts = (body: string) => {
	const result = checkParts({ title: 'Bridge repairs', body, outlet: '', author: '', date: '', originalUrl: '', language: 'en' });
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.parts;
};

const theMayor: ClaimInput = {
	speaker: 'new',
	newSpeaker: { name: 'The Mayor', role: 'government-official', description: 'Runs the town', stake: 'Re-election in May' },
	form: 'writer',
	relationship: 'Her critics',
	check: 'unverified',
	checkNote: '',
	facts: []
};

describe(`importing W3C Web Annotations onto an article, on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let ada: string;
	let id: string;

	beforeEach(async () => {
		handle = await freshDatabase();
		ada = (await seedClassroom(handle)).teacherId;
	});
	afterEach(async () => handle.close());

	const revision = async () => (await articleForTeacher(handle, ada, id)).revision;
	const article = async (body = BODY) => {
		({ id } = await createTeacherArticle(handle, ada, parts(body)));
		const text = parts(body).text;
		// The kit's claim names "The Mayor": the article has her as a speaker (on other words).
		await saveClaim(handle, ada, id, await revision(), null, { start: text.indexOf('Critics'), end: text.length }, theMayor);
		return text;
	};
	const reader = async () => loadReaderArticle(handle, (await articleForTeacher(handle, ada, id)).slug);
	const annotationCount = async () => (await handle.db.select().from(handle.tables.annotations).where(eq(handle.tables.annotations.articleId, id))).length;

	it('imports the kit’s own export: its claim (speaker, form, check) and its note land on their words', async () => {
		await article();
		const summary = await importWebAnnotations(handle, ada, id, await revision(), KIT);
		expect(summary).toEqual({ placed: 2, orphaned: 0, skipped: [] });
		expect(importMessage(summary)).toBe('Imported: 2 placed, 0 orphaned, 0 skipped.');
		const shown = await reader();
		expect(shown?.claims.map((c) => [c.quote, c.speaker === shown.speakers.find((s) => s.name === 'The Mayor')?.key, c.form, c.check])).toEqual([
			['“We will fix the bridge,” the mayor said.', true, 'direct-quote', 'matches'],
			['Critics doubt it.', true, 'writer', 'unverified']
		]);
		expect(shown?.claims[0].checkNote).toBe('Said at the council.');
		expect(shown?.notes).toMatchObject([{ quote: 'the mayor', title: 'Who is the mayor?', body: ['She runs for re-election in May.'], layer: 'sourcing' }]);
		// Importing it again: the claim would overlap itself, so it is skipped and says why.
		const again = await importWebAnnotations(handle, ada, id, await revision(), KIT);
		expect(again.placed).toBe(1);
		expect(again.skipped).toEqual([{ at: 'http://lab.example.school/articles/sample/annotations/c01', message: expect.stringMatching(/overlap another claim/) }]);
	});

	it('imports another tool’s collection (Hypothesis): a comment becomes a note; a bare highlight and a page note are skipped, each with why', async () => {
		await article();
		const summary = await importWebAnnotations(handle, ada, id, await revision(), HYPOTHESIS);
		expect(summary.placed).toBe(1);
		expect(summary.orphaned).toBe(0);
		expect(summary.skipped.map((s) => s.message)).toEqual([expect.stringMatching(/no words are selected|no selector|not attach|words to attach/i), 'Skipped: it has no text to show (a bare highlight).']);
		expect(importMessage(summary)).toMatch(/^Imported: 1 placed, 0 orphaned, 2 skipped: /);
		expect((await reader())?.notes).toMatchObject([{ quote: '“We will fix the bridge,” the mayor said.', title: 'Is this a **direct quote**? Check the council minutes.', layer: 'sourcing' }]);
	});

	it('keeps what it cannot place as orphans for the teacher to move or delete, never shown to students', async () => {
		await article('“We will fix the bridge,” the governor said.\n\nCritics doubt it.');
		const summary = await importWebAnnotations(handle, ada, id, await revision(), KIT);
		expect(summary).toEqual({ placed: 0, orphaned: 2, skipped: [] });
		let model = await editorModel(handle, ada, id);
		const orphans = [...model.claims, ...model.notes].filter((a) => a.place.status === 'orphan');
		expect(orphans.map((a) => (a.place.status === 'orphan' ? a.place.oldWords : ''))).toEqual(['“We will fix the bridge,” the mayor said.', 'the mayor']);
		const shown = await reader();
		expect(shown?.claims.map((c) => c.quote)).toEqual(['Critics doubt it.']);
		expect(shown?.notes).toEqual([]);
		expect(shown?.orphans).toEqual([]);
		// A text edit leaves them waiting, and they can still be moved or deleted.
		await editArticleText(handle, ada, id, await revision(), parts('“We will fix the bridge,” the governor said today.\n\nCritics doubt it.'));
		model = await editorModel(handle, ada, id);
		const text = model.version.text;
		const note = model.notes.find((n) => n.place.status === 'orphan')!;
		await retarget(handle, ada, id, await revision(), note.key, { start: text.indexOf('the governor'), end: text.indexOf('the governor') + 12 });
		await deleteAnnotation(handle, ada, id, await revision(), model.claims.find((c) => c.place.status === 'orphan')!.key);
		model = await editorModel(handle, ada, id);
		expect(model.notes.map((n) => n.place)).toMatchObject([{ status: 'placed', words: 'the governor' }]);
		expect(model.claims.every((c) => c.place.status !== 'orphan')).toBe(true);
	});

	it('refuses claims that overlap each other within one file, and allows claims that only touch', async () => {
		// No claims on the article yet: every claim here comes from the file.
		({ id } = await createTeacherArticle(handle, ada, parts(BODY)));
		await saveClaim(handle, ada, id, await revision(), null, { start: 0, end: 3 }, theMayor);
		await deleteAnnotation(handle, ada, id, await revision(), (await editorModel(handle, ada, id)).claims[0].key);
		const text = parts(BODY).text;
		const claim = (n: number, words: string) => ({
			'@context': 'http://www.w3.org/ns/anno.jsonld',
			id: `urn:claim-${n}`,
			type: 'Annotation',
			motivation: 'classifying',
			body: [
				{ type: 'TextualBody', purpose: 'classifying', value: 'writer' },
				{ type: 'TextualBody', purpose: 'identifying', value: 'The Mayor' }
			],
			target: { selector: [{ type: 'TextPositionSelector', start: text.indexOf(words), end: text.indexOf(words) + words.length }] }
		});
		const file = JSON.stringify({
			'@context': 'http://www.w3.org/ns/anno.jsonld',
			type: 'AnnotationCollection',
			first: { type: 'AnnotationPage', items: [claim(1, 'Critics doubt it.'), claim(2, 'the mayor said.'), claim(3, 'bridge,” the mayor'), claim(4, '“We will fix the'), claim(5, 'doubt')] }
		});
		const summary = await importWebAnnotations(handle, ada, id, await revision(), file);
		expect(summary.skipped.map((s) => [s.at, /overlap another claim/.test(s.message)])).toEqual([
			['urn:claim-3', true],
			['urn:claim-5', true]
		]);
		expect((await editorModel(handle, ada, id)).claims.map((c) => (c.place.status === 'placed' ? c.place.words : '')).sort()).toEqual(['Critics doubt it.', 'the mayor said.', '“We will fix the'].sort());
	});

	it('refuses a bad or stale file with a 4xx and saves nothing', async () => {
		await article();
		const before = { revision: await revision(), count: await annotationCount() };
		const notJson = await refusal(importWebAnnotations(handle, ada, id, before.revision, '{"@context": '));
		expect(notJson).toMatchObject({ status: 422, message: expect.stringMatching(/^Nothing was imported: This is not JSON/) });
		const notAnnotations = await refusal(importWebAnnotations(handle, ada, id, before.revision, JSON.stringify({ '@context': 'https://schema.org', type: 'Article' })));
		expect(notAnnotations).toMatchObject({ status: 422, message: expect.stringMatching(/not marked as Web Annotation JSON-LD/) });
		const unknownSpeaker = KIT.replace('"The Mayor"', '"Someone Else"');
		const summary = await importWebAnnotations(handle, ada, id, before.revision, unknownSpeaker);
		expect(summary.skipped[0].message).toMatch(/its speaker “Someone Else” is not among this article’s speakers/);
		const stale = await refusal(importWebAnnotations(handle, ada, id, before.revision, KIT));
		expect(stale.status).toBe(409);
		// Only the good import (its note) was saved.
		expect(await annotationCount()).toBe(before.count + 1);
	});
});
