import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { addFact, confirmPlacement, deleteAnnotation, editorModel, retarget, saveClaim, saveNote } from '../../src/lib/server/articles/annotation-editor';
import { articleForTeacher, createTeacherArticle, editArticleText } from '../../src/lib/server/articles/teacher-articles';
import { loadReaderArticle } from '../../src/lib/server/articles/reader';
import { createInvite, signUpTeacher } from '../../src/lib/server/people/teachers';
import { seedClassroom } from '../fixtures/classroom';
import { councilParts, COUNCIL_BODY, TOM_REED_CLAIM } from '../fixtures/council-article';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { refusal } from '../fixtures/refusal';

describe(`the annotation editor on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let ada: string;
	let bob: string;
	let id: string;
	let text: string;

	beforeEach(async () => {
		handle = await freshDatabase();
		ada = (await seedClassroom(handle)).teacherId;
		bob = (await signUpTeacher(handle, { name: 'Bob', email: 'bob@school.test', password: 'harbor lantern violet' }, await createInvite(handle, ada))).id;
		({ id } = await createTeacherArticle(handle, ada, councilParts(COUNCIL_BODY)));
		text = (await editorModel(handle, ada, id)).version.text;
	});
	afterEach(async () => handle.close());

	const revision = async () => (await articleForTeacher(handle, ada, id)).revision;
	const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

	it('adds a claim with a new speaker and a note citing a source, and the reader shows both', async () => {
		const fact = await addFact(handle, ada, id, await revision(), { text: 'The vote was 7 to 2', origin: 'Council minutes', checked: true });
		const claim = await saveClaim(handle, ada, id, await revision(), null, span('“We need buses now,” said Tom Reed.'), TOM_REED_CLAIM);
		const note = await saveNote(handle, ada, id, await revision(), null, span('Tom Reed'), { layer: 'sourcing', title: 'Who is Tom Reed?', body: 'He chairs the riders’ union.', checkIt: 'Search the union’s site.', facts: [fact] });
		const model = await editorModel(handle, ada, id);
		expect(model.speakers.map((s) => s.name)).toEqual(['Tom Reed']);
		expect(model.claims).toMatchObject([{ key: claim, form: 'direct-quote', place: { status: 'placed', words: '“We need buses now,” said Tom Reed.' } }]);
		expect(model.notes).toMatchObject([{ key: note, facts: [fact], place: { status: 'placed', words: 'Tom Reed' } }]);
		// Words no claim covers are reported by the shared coverage rule, not refused.
		expect(model.problems.some((p) => p.kind === 'uncovered')).toBe(true);
		const slug = (await articleForTeacher(handle, ada, id)).slug;
		const reader = await loadReaderArticle(handle, slug);
		expect(reader?.claims.map((c) => c.quote)).toEqual(['“We need buses now,” said Tom Reed.']);
		expect(reader?.notes[0]).toMatchObject({ title: 'Who is Tom Reed?', facts: [{ text: 'The vote was 7 to 2', unverified: false }] });
	});

	it('edits, retargets and deletes a claim', async () => {
		const claim = await saveClaim(handle, ada, id, await revision(), null, span('It voted for new buses.'), TOM_REED_CLAIM);
		const speaker = (await editorModel(handle, ada, id)).speakers[0].key;
		await saveClaim(handle, ada, id, await revision(), claim, null, { ...TOM_REED_CLAIM, speaker, check: 'stretched', checkNote: 'They voted to study it.' });
		await retarget(handle, ada, id, await revision(), claim, span('The council met on Tuesday.'));
		let model = await editorModel(handle, ada, id);
		expect(model.claims).toMatchObject([{ key: claim, check: 'stretched', place: { words: 'The council met on Tuesday.' } }]);
		expect(model.speakers).toHaveLength(1);
		await deleteAnnotation(handle, ada, id, await revision(), claim);
		model = await editorModel(handle, ada, id);
		expect(model.claims).toEqual([]);
	});

	it('refuses an overlapping claim and a selection across a heading with a 4xx, saving nothing', async () => {
		await saveClaim(handle, ada, id, await revision(), null, span('It voted for new buses.'), TOM_REED_CLAIM);
		const before = await revision();
		const overlap = await refusal(saveClaim(handle, ada, id, before, null, span('voted for new buses.'), { ...TOM_REED_CLAIM, speaker: 'new' }));
		expect(overlap.status).toBe(409);
		expect(overlap.message).toMatch(/overlap another claim/);
		const across = await refusal(saveNote(handle, ada, id, before, null, { start: text.indexOf('buses.'), end: text.indexOf('Tom') }, { layer: 'framing', title: 'x', body: 'y', checkIt: '', facts: [] }));
		expect(across.status).toBe(400);
		expect(across.message).toMatch(/across the heading/);
		const model = await editorModel(handle, ada, id);
		expect(model.claims).toHaveLength(1);
		expect(model.speakers).toHaveLength(1);
		expect(await revision()).toBe(before);
	});

	it('refuses a change made from a stale page (two teachers at once) and a change by another teacher', async () => {
		const stale = await revision();
		await saveClaim(handle, ada, id, stale, null, span('The council met on Tuesday.'), TOM_REED_CLAIM);
		const refused = await refusal(saveNote(handle, ada, id, stale, null, span('Riders agree.'), { layer: 'framing', title: 'Who?', body: 'Which riders?', checkIt: '', facts: [] }));
		expect(refused.status).toBe(409);
		expect(refused.message).toMatch(/Someone else changed this article/);
		expect((await editorModel(handle, ada, id)).notes).toEqual([]);
		expect((await refusal(editorModel(handle, bob, id))).status).toBe(404);
		expect((await refusal(saveClaim(handle, bob, id, await revision(), null, span('Riders agree.'), TOM_REED_CLAIM))).status).toBe(404);
	});

	it('re-anchors on a text edit: exact ones attach, changed words wait for confirming, removed words are orphans', async () => {
		const kept = await saveClaim(handle, ada, id, await revision(), null, span('The council met on Tuesday.'), TOM_REED_CLAIM);
		const speaker = (await editorModel(handle, ada, id)).speakers[0].key;
		const reworded = await saveClaim(handle, ada, id, await revision(), null, span('It voted for new buses.'), { ...TOM_REED_CLAIM, speaker });
		const gone = await saveNote(handle, ada, id, await revision(), null, span('Riders agree.'), { layer: 'framing', title: 'Which riders?', body: 'None is named.', checkIt: '', facts: [] });
		const edited = COUNCIL_BODY.replace('It voted for new buses.', 'It voted for new electric buses.').replace(' Riders agree.', '');
		const result = await editArticleText(handle, ada, id, await revision(), councilParts(edited));
		expect(result).toMatchObject({ changed: true, number: 2, attached: 1, waiting: 2 });

		let model = await editorModel(handle, ada, id);
		text = model.version.text;
		const byKey = new Map([...model.claims, ...model.notes].map((a) => [a.key, a.place]));
		expect(byKey.get(kept)).toMatchObject({ status: 'placed', words: 'The council met on Tuesday.' });
		expect(byKey.get(reworded)).toMatchObject({ status: 'confirm', words: 'It voted for new electric buses.', oldWords: 'It voted for new buses.' });
		expect(byKey.get(gone)).toMatchObject({ status: 'orphan', oldWords: 'Riders agree.' });
		// Students never see the waiting ones.
		const reader = await loadReaderArticle(handle, (await articleForTeacher(handle, ada, id)).slug);
		expect(reader?.claims.map((c) => c.key)).toEqual([kept]);
		expect(reader?.orphans.map((o) => o.key).sort()).toEqual([gone, reworded].sort());

		await confirmPlacement(handle, ada, id, await revision(), reworded);
		expect((await refusal(confirmPlacement(handle, ada, id, await revision(), gone))).status).toBe(409);
		await retarget(handle, ada, id, await revision(), gone, span('said Tom Reed'));
		model = await editorModel(handle, ada, id);
		expect([...model.claims, ...model.notes].map((a) => a.place.status)).toEqual(['placed', 'placed', 'placed']);
		const after = await loadReaderArticle(handle, (await articleForTeacher(handle, ada, id)).slug);
		expect(after?.claims.map((c) => c.quote)).toEqual(['The council met on Tuesday.', 'It voted for new electric buses.']);
		expect(after?.notes.map((n) => n.quote)).toEqual(['said Tom Reed']);
		expect(after?.orphans).toEqual([]);
	});
});
