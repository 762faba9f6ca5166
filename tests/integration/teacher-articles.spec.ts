import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { readPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { articleStamp, loadReaderArticle } from '../../src/lib/server/articles/reader';
import { readableStamp } from '../../src/lib/server/articles/reader-access';
import {
	articleForTeacher,
	articlesForClasses,
	copyArticle,
	createTeacherArticle,
	editArticleText,
	listArticlesForTeacher,
	setArticlePublication,
	updateArticleDetails
} from '../../src/lib/server/articles/teacher-articles';
import { checkParts, type ArticleParts } from '../../src/lib/articles/article-parts';
import { createInvite, signUpTeacher } from '../../src/lib/server/people/teachers';
import { createClass, addToRoster } from '../../src/lib/server/people/classes';
import { deleteTeacherAndClasses } from '../../src/lib/server/people/departing-teacher';
import { createQuiz, questionsOf } from '../../src/lib/server/quiz/editor';
import { addDrafts } from '../../src/lib/server/quiz/editor-questions';
import { articleBundle } from '../../src/lib/server/articles/reader-cache';
import { startPracticeAttempt } from '../../src/lib/server/quiz/responses';
import { editPackFile, SLUG } from '../fixtures/content-pack';
import { seedClassroom } from '../fixtures/classroom';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { refusal } from '../fixtures/refusal';

const reviewed = (over: Partial<ArticleParts> = {}) => {
	const result = checkParts({
		title: 'Council backs new bus routes',
		body: 'The council met on Tuesday.\n\n## What next\n\n“We need buses,” said Tom Reed.',
		outlet: 'Riverside Gazette',
		author: '',
		date: '2025-03-14',
		originalUrl: '',
		language: 'en',
		...over
	});
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.parts;
};

describe(`teachers' own articles on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let ada: string;
	let bob: string;
	let adaClass: string;
	let bobClass: string;
	let packDir: string;

	beforeEach(async () => {
		handle = await freshDatabase();
		const room = await seedClassroom(handle);
		({ packDir, teacherId: ada, classId: adaClass } = room);
		bob = (await signUpTeacher(handle, { name: 'Bob', email: 'bob@school.test', password: 'harbor lantern violet' }, await createInvite(handle, ada))).id;
		bobClass = (await createClass(handle, bob, 'History')).id;
		await addToRoster(handle, bob, bobClass, 'Cy');
	});
	afterEach(async () => handle.close());

	/** A request from a device signed in as a student of `classId`, or from a teacher. */
	const eventAs = (who: { classId?: string; teacherId?: string }) =>
		({
			locals: {
				session: {
					teacher: who.teacherId ? { id: who.teacherId, name: 'T', email: 't@x', isAdmin: false, approved: true } : null,
					students: who.classId ? [{ id: 's', displayName: 'S', classId: who.classId, className: 'C' }] : []
				}
			}
		}) as unknown as RequestEvent;
	const anonymous = { locals: { session: null } } as unknown as RequestEvent;

	it('stores a new article as a private draft with its text as version 1 and its byline, "not given" as null', async () => {
		const { id, slug } = await createTeacherArticle(handle, ada, reviewed());
		const row = await articleForTeacher(handle, ada, id);
		expect(row).toMatchObject({ source: 'teacher', ownerId: ada, status: 'draft', visibility: 'private', outlet: 'Riverside Gazette', author: null, publishedOn: '2025-03-14', originalUrl: null });
		const article = await loadReaderArticle(handle, slug);
		expect(article?.versionNumber).toBe(1);
		expect(article?.text).toBe('The council met on Tuesday.\n\nWhat next\n\n“We need buses,” said Tom Reed.');
		expect(article?.byline).toEqual({ outlet: 'Riverside Gazette', author: null, date: '2025-03-14', originalUrl: null, language: 'en' });
		expect(article?.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
	});

	it('makes a new version for each text edit, keeps attempts tied to the version they were given on, and changes nothing for the same text', async () => {
		const { id, slug } = await createTeacherArticle(handle, ada, reviewed());
		const { id: quizId } = await createQuiz(handle, ada, { articleSlug: slug, title: 'Bus quiz' });
		const first = await startPracticeAttempt(handle, quizId);
		const { revision } = await articleForTeacher(handle, ada, id);
		const edited = await editArticleText(handle, ada, id, revision, reviewed({ body: 'The council met on Tuesday night.\n\n## What next\n\n“We need buses,” said Tom Reed.' }));
		expect(edited).toMatchObject({ number: 2, changed: true });
		expect((await loadReaderArticle(handle, slug))?.text).toContain('Tuesday night.');
		const second = await startPracticeAttempt(handle, quizId);
		const { db, tables: t } = handle;
		const versionOf = async (attemptId: string) => (await db.select({ v: t.attempts.articleVersionId }).from(t.attempts).where(eq(t.attempts.id, attemptId)))[0].v;
		expect(await versionOf(first.attemptId)).toBe(`${id}/v1`);
		expect(await versionOf(second.attemptId)).toBe(`${id}/v2`);
		const again = await editArticleText(handle, ada, id, (await articleForTeacher(handle, ada, id)).revision, reviewed({ body: 'The council met on Tuesday night.\n\n## What next\n\n“We need buses,” said Tom Reed.' }));
		expect(again).toMatchObject({ number: 2, changed: false });
		expect(await db.select().from(t.articleVersions).where(eq(t.articleVersions.articleId, id))).toHaveLength(2);
	});

	it('records the version on attempts at the shipped quiz too', async () => {
		const { attemptId } = await startPracticeAttempt(handle, `${SLUG}/quiz-mexico-attribution`);
		const { db, tables: t } = handle;
		const [row] = await db.select({ v: t.attempts.articleVersionId }).from(t.attempts).where(eq(t.attempts.id, attemptId));
		expect(row.v).toBe(`${SLUG}/v1`);
	});

	it('refuses a change made from a stale form (two teachers or tabs at once) and keeps the first change', async () => {
		const { id } = await createTeacherArticle(handle, ada, reviewed());
		const { revision } = await articleForTeacher(handle, ada, id);
		await updateArticleDetails(handle, ada, id, revision, reviewed({ author: 'Priya Shah' }));
		const late = await refusal(updateArticleDetails(handle, ada, id, revision, reviewed({ author: 'Someone Else' })));
		expect(late.status).toBe(409);
		expect(late.message).toMatch(/Someone else changed this article/);
		expect((await articleForTeacher(handle, ada, id)).author).toBe('Priya Shah');

		const stale = await refusal(editArticleText(handle, ada, id, revision, reviewed({ body: 'Another text entirely.' })));
		expect(stale.status).toBe(409);
		const { db, tables: t } = handle;
		expect(await db.select().from(t.articleVersions).where(eq(t.articleVersions.articleId, id))).toHaveLength(1);
		expect((await refusal(setArticlePublication(handle, ada, id, revision, 'published', 'classes'))).status).toBe(409);
	});

	it('lets only the owner change an article', async () => {
		const { id } = await createTeacherArticle(handle, ada, reviewed());
		await setArticlePublication(handle, ada, id, 0 + (await articleForTeacher(handle, ada, id)).revision, 'published', 'teachers');
		const { revision } = await articleForTeacher(handle, bob, id);
		expect((await refusal(updateArticleDetails(handle, bob, id, revision, reviewed({ author: 'Bob' })))).status).toBe(403);
		expect((await refusal(setArticlePublication(handle, bob, id, revision, 'draft', 'private'))).status).toBe(403);
	});

	it('shows an article by its visibility: drafts to the owner only, "my classes" to the owner’s students, "every teacher" to teachers too', async () => {
		const { id, slug } = await createTeacherArticle(handle, ada, reviewed());
		const adaStudent = eventAs({ classId: adaClass });
		const bobStudent = eventAs({ classId: bobClass });
		const bobTeacher = eventAs({ teacherId: bob });
		const readers = async () => ({
			owner: (await readableStamp(eventAs({ teacherId: ada }), slug, handle)) !== null,
			adaStudent: (await readableStamp(adaStudent, slug, handle)) !== null,
			bobStudent: (await readableStamp(bobStudent, slug, handle)) !== null,
			bob: (await readableStamp(bobTeacher, slug, handle)) !== null,
			anonymous: (await readableStamp(anonymous, slug, handle)) !== null,
			bobsList: (await listArticlesForTeacher(handle, bob)).some((a) => a.id === id),
			adaStudentsHome: (await articlesForClasses(handle, [adaClass])).some((a) => a.slug === slug),
			bobStudentsHome: (await articlesForClasses(handle, [bobClass])).some((a) => a.slug === slug)
		});
		expect(await readers()).toEqual({ owner: true, adaStudent: false, bobStudent: false, bob: false, anonymous: false, bobsList: false, adaStudentsHome: false, bobStudentsHome: false });
		await setArticlePublication(handle, ada, id, (await articleForTeacher(handle, ada, id)).revision, 'published', 'classes');
		expect(await readers()).toEqual({ owner: true, adaStudent: true, bobStudent: false, bob: false, anonymous: false, bobsList: false, adaStudentsHome: true, bobStudentsHome: false });
		await setArticlePublication(handle, ada, id, (await articleForTeacher(handle, ada, id)).revision, 'published', 'teachers');
		expect(await readers()).toEqual({ owner: true, adaStudent: true, bobStudent: false, bob: true, anonymous: false, bobsList: true, adaStudentsHome: true, bobStudentsHome: false });
		await setArticlePublication(handle, ada, id, (await articleForTeacher(handle, ada, id)).revision, 'published', 'private');
		expect(await readers()).toEqual({ owner: true, adaStudent: false, bobStudent: false, bob: false, anonymous: false, bobsList: false, adaStudentsHome: false, bobStudentsHome: false });
		expect((await refusal(articleForTeacher(handle, bob, id))).status).toBe(404);
		expect((await refusal(copyArticle(handle, bob, id))).status).toBe(404);
		// The shipped article stays readable by anyone.
		expect(await readableStamp(anonymous, SLUG, handle)).not.toBeNull();
		// A quiz can be written on any article the teacher can see, and no other.
		expect((await refusal(createQuiz(handle, bob, { articleSlug: slug, title: 'Mine' }))).message).toMatch(/Choose the article/);
	});

	it('copies the shipped article into a draft of the copier’s own, with every claim, note, speaker and fact', async () => {
		const { id, slug } = await copyArticle(handle, bob, SLUG);
		const { db, tables: t } = handle;
		const row = await articleForTeacher(handle, bob, id);
		expect(row).toMatchObject({ source: 'teacher', ownerId: bob, status: 'draft', visibility: 'private', outlet: 'bvi.org', author: null, publishedOn: null });
		for (const table of [t.annotations, t.speakers, t.facts]) {
			const rows = await db.select({ source: table.source, ownerId: table.ownerId }).from(table).where(eq(table.articleId, id));
			const shipped = await db.select({ id: table.id }).from(table).where(eq(table.articleId, SLUG));
			expect(rows).toHaveLength(shipped.length);
			expect(rows.every((r) => r.source === 'teacher' && r.ownerId === bob)).toBe(true);
		}
		const [copy, original] = await Promise.all([loadReaderArticle(handle, slug), loadReaderArticle(handle, SLUG)]);
		expect(copy?.orphans).toEqual([]);
		expect(copy?.claims.map((c) => [c.quote, c.speaker, c.form])).toEqual(original?.claims.map((c) => [c.quote, c.speaker, c.form]));
		expect(copy?.notes.length).toBe(original?.notes.length);
		// The copy is Bob's alone: Ada cannot see his draft.
		expect((await refusal(articleForTeacher(handle, ada, id))).status).toBe(404);
	});

	it('drafts questions from the claims of a teacher’s own article, which then is its practice quiz', async () => {
		const { id, slug } = await copyArticle(handle, bob, SLUG);
		const { id: quizId } = await createQuiz(handle, bob, { articleSlug: slug, title: 'On my copy' });
		// A quiz with no questions is no practice quiz; the reader model is cached from here on.
		expect((await articleBundle(handle, slug))?.quiz).toBeNull();
		expect(await addDrafts(handle, bob, quizId, ['c12', 'c16'], ['who-said-it', 'whose-voice'])).toEqual({ added: 4 });
		const questions = await questionsOf(handle, quizId);
		expect(questions.map((q) => q.claimId)).toEqual([`${id}/c12`, `${id}/c12`, `${id}/c16`, `${id}/c16`]);
		// The quiz editor changes no article row, yet the cached model's practice quiz follows it.
		const bundle = await articleBundle(handle, slug);
		expect(bundle?.quiz?.quiz.id).toBe(quizId);
		expect(bundle?.quiz?.questions).toHaveLength(4);
		// Ada cannot write a quiz on Bob's draft, which she cannot see.
		expect((await refusal(createQuiz(handle, ada, { articleSlug: slug, title: 'Not mine' }))).status).toBe(400);
	});

	it('never deletes or overwrites a teacher’s work when a pack is loaded again', async () => {
		const { db, tables: t } = handle;
		// Bob's own claim and note on the shipped article, with his own speaker and fact.
		const [version] = await db.select({ id: t.articleVersions.id }).from(t.articleVersions).where(eq(t.articleVersions.articleId, SLUG));
		const mine = { articleId: SLUG, source: 'teacher' as const, ownerId: bob };
		await db.insert(t.speakers).values({ ...mine, id: `${SLUG}/t_speaker`, key: 't_speaker', name: 'A rancher', role: 'advocacy-group', description: 'Bob’s speaker', stake: 'Land', facts: [], sort: 99 });
		await db.insert(t.facts).values({ ...mine, id: `${SLUG}/t_fact`, key: 't_fact', text: 'Bob checked this.', origin: 'Bob', unverified: false, sort: 99 });
		const annotation = (key: string, kind: 'claim' | 'note') => ({ ...mine, id: `${SLUG}/${key}`, key, kind, versionId: version.id, quoteExact: 'Sheinbaum', quotePrefix: '', quoteSuffix: '', positionStart: 0, positionEnd: 9, sort: 99 });
		await db.insert(t.annotations).values([annotation('t_claim', 'claim'), annotation('t_note', 'note')]);
		await db.insert(t.claims).values({ annotationId: `${SLUG}/t_claim`, speakerId: `${SLUG}/sheinbaum`, form: 'paraphrase', relationship: 'Bob’s words', check: 'unverified', checkNote: 'Bob’s check', facts: ['t_fact'] });
		await db.insert(t.notes).values({ annotationId: `${SLUG}/t_note`, layer: 'framing', kind: 'loaded-word', title: 'Bob’s note', body: ['Bob wrote this.'], checkIt: null, translation: null, facts: [] });
		const { id: copyId } = await copyArticle(handle, bob, SLUG);
		const snapshot = async () => ({
			speakers: await db.select().from(t.speakers).where(eq(t.speakers.source, 'teacher')),
			facts: await db.select().from(t.facts).where(eq(t.facts.source, 'teacher')),
			annotations: await db.select().from(t.annotations).where(eq(t.annotations.source, 'teacher')),
			claims: await db.select().from(t.claims).innerJoin(t.annotations, eq(t.annotations.id, t.claims.annotationId)).where(eq(t.annotations.source, 'teacher')),
			notes: await db.select().from(t.notes).innerJoin(t.annotations, eq(t.annotations.id, t.notes.annotationId)).where(eq(t.annotations.source, 'teacher')),
			copy: await db.select({ id: t.articles.id, title: t.articles.title, ownerId: t.articles.ownerId }).from(t.articles).where(eq(t.articles.id, copyId))
		});
		const before = await snapshot();
		expect(before.annotations.length).toBeGreaterThan(2);

		// The pack drops a note and edits another's title, then is loaded again.
		await editPackFile(packDir, 'notes.yaml', (s) => s.replace(/\n {2}- id: n35\n[\s\S]*$/, '\n').replace(/title: .*/, 'title: "An edited title"'));
		expect(await syncPack(handle, await readPack(packDir))).toBe('updated');

		expect(await snapshot()).toEqual(before);
		const article = await loadReaderArticle(handle, SLUG);
		expect(article?.notes.some((n) => n.key === 't_note')).toBe(true);
		expect(article?.claims.find((c) => c.key === 't_claim')?.relationship).toBe('Bob’s words');
		expect(article?.notes.some((n) => n.key === 'n35')).toBe(false);
		expect(await db.select().from(t.annotations).where(and(eq(t.annotations.articleId, SLUG), eq(t.annotations.key, 'n35')))).toHaveLength(0);
	});

	it('refuses a pack whose slug is already a teacher’s article, and changes nothing', async () => {
		const { id } = await createTeacherArticle(handle, ada, reviewed());
		const { db, tables: t } = handle;
		const [row] = await db.select({ slug: t.articles.slug }).from(t.articles).where(eq(t.articles.id, id));
		await editPackFile(packDir, 'article.yaml', (s) => s.replace(/^slug: .*$/m, `slug: ${row.slug}`));
		await expect(syncPack(handle, await readPack(packDir))).rejects.toThrow(/already the address of a teacher's article/);
		expect((await articleForTeacher(handle, ada, id)).ownerId).toBe(ada);
	});

	it('changes the reader’s stamp when a claim, note, speaker or fact is edited in the database, or the article', async () => {
		const { db, tables: t } = handle;
		const stamps = [await articleStamp(handle, SLUG)];
		const step = async (edit: () => Promise<unknown>) => {
			await edit();
			const stamp = await articleStamp(handle, SLUG);
			expect(stamps).not.toContain(stamp);
			stamps.push(stamp);
		};
		await step(() => db.update(t.claims).set({ check: 'altered' }).where(eq(t.claims.annotationId, `${SLUG}/c01`)));
		await step(() => db.update(t.notes).set({ title: 'Changed' }).where(eq(t.notes.annotationId, `${SLUG}/n01`)));
		await step(() => db.update(t.annotations).set({ quotePrefix: 'x' }).where(eq(t.annotations.id, `${SLUG}/n01`)));
		await step(() => db.update(t.speakers).set({ stake: 'Changed' }).where(eq(t.speakers.id, `${SLUG}/sheinbaum`)));
		await step(() => db.update(t.facts).set({ text: 'Changed' }).where(eq(t.facts.articleId, SLUG)));
		await step(() => db.delete(t.notes).where(eq(t.notes.annotationId, `${SLUG}/n02`)));

		const { id, slug } = await createTeacherArticle(handle, ada, reviewed());
		const before = await articleStamp(handle, slug);
		await updateArticleDetails(handle, ada, id, (await articleForTeacher(handle, ada, id)).revision, reviewed({ author: 'Priya Shah' }));
		expect(await articleStamp(handle, slug)).not.toBe(before);
	});

	it('deletes a leaving teacher’s articles with their versions and annotations', async () => {
		const { id } = await copyArticle(handle, bob, SLUG);
		await deleteTeacherAndClasses(handle, ada, bob, 'bob@school.test');
		const { db, tables: t } = handle;
		expect(await db.select().from(t.articles).where(eq(t.articles.id, id))).toHaveLength(0);
		expect(await db.select().from(t.annotations).where(eq(t.annotations.articleId, id))).toHaveLength(0);
		expect((await loadReaderArticle(handle, SLUG))?.claims.length).toBeGreaterThan(0);
	});
});
