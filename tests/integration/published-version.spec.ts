import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { saveClaim } from '../../src/lib/server/articles/annotation-editor';
import {
	articleForTeacher,
	copyArticle,
	createTeacherArticle,
	editArticleText,
	publishCurrentVersion,
	publishedState,
	setArticlePublication
} from '../../src/lib/server/articles/teacher-articles';
import { readableStamp } from '../../src/lib/server/articles/reader-access';
import { articleBundle, articleForAttempt } from '../../src/lib/server/articles/reader-cache';
import { createInvite, signUpTeacher } from '../../src/lib/server/people/teachers';
import { createQuiz } from '../../src/lib/server/quiz/editor';
import { startPracticeAttempt } from '../../src/lib/server/quiz/responses';
import { seedClassroom } from '../fixtures/classroom';
import { councilParts, COUNCIL_BODY, TOM_REED_CLAIM } from '../fixtures/council-article';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { refusal } from '../fixtures/refusal';

const V1 = COUNCIL_BODY;
const V2 = 'The council met on Tuesday night. It voted for new buses.\n\n## What next\n\n“We need buses now,” said Tom Reed. Riders agree. Fares stay the same.';
const V3 = 'The council met on Tuesday night. It voted for new buses and trams.\n\n## What next\n\n“We need buses now,” said Tom Reed. Riders agree. Fares stay the same.';

describe(`the published version students see, on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let ada: string;
	let bob: string;
	let classId: string;
	let id: string;
	let slug: string;

	beforeEach(async () => {
		handle = await freshDatabase();
		({ teacherId: ada, classId } = await seedClassroom(handle));
		bob = (await signUpTeacher(handle, { name: 'Bob', email: 'bob@school.test', password: 'harbor lantern violet' }, await createInvite(handle, ada))).id;
		({ id, slug } = await createTeacherArticle(handle, ada, councilParts(V1)));
	});
	afterEach(async () => handle.close());

	const revision = async () => (await articleForTeacher(handle, ada, id)).revision;
	/** What a student of Ada's class reads at the article's address (the reader, ledger and practice all use this). */
	const studentReads = async () => {
		const event = { locals: { session: { teacher: null, students: [{ id: 's', displayName: 'S', classId, className: 'C' }] } } } as unknown as RequestEvent;
		const stamp = await readableStamp(event, slug, handle);
		expect(stamp).not.toBeNull();
		return (await articleBundle(handle, slug, stamp!))!.article;
	};
	const editText = async (body: string) => editArticleText(handle, ada, id, await revision(), councilParts(body));
	const versionOfAttempt = async (attemptId: string) => {
		const { db, tables: t } = handle;
		return (await db.select({ v: t.attempts.articleVersionId }).from(t.attempts).where(eq(t.attempts.id, attemptId)))[0].v;
	};

	it('keeps students on the published version while the teacher edits, until the teacher publishes again', async () => {
		await setArticlePublication(handle, ada, id, await revision(), 'published', 'classes');
		const { id: quizId } = await createQuiz(handle, ada, { articleSlug: slug, title: 'Bus quiz' });
		expect(await publishedState(handle, await articleForTeacher(handle, ada, id))).toEqual({ published: 1, current: 1, unpublishedChanges: false });

		await editText(V2);
		expect((await studentReads()).text).toBe(councilParts(V1).text);
		expect(await publishedState(handle, await articleForTeacher(handle, ada, id))).toEqual({ published: 1, current: 2, unpublishedChanges: true });
		const early = await startPracticeAttempt(handle, quizId);
		expect(await versionOfAttempt(early.attemptId)).toBe(`${id}/v1`);

		const published = await publishCurrentVersion(handle, ada, id, await revision());
		expect(published).toEqual({ number: 2, waiting: 0 });
		expect((await studentReads()).text).toBe(councilParts(V2).text);
		const late = await startPracticeAttempt(handle, quizId);
		expect(await versionOfAttempt(late.attemptId)).toBe(`${id}/v2`);
		// The earlier attempt goes on on the text it was given on.
		const shown = await studentReads();
		expect((await articleForAttempt(handle, shown, undefined, `${id}/v1`)).text).toBe(councilParts(V1).text);
		expect((await articleForAttempt(handle, shown, undefined, `${id}/v2`)).versionNumber).toBe(2);
	});

	it('never publishes a draft text when only who may read it changes, and copies for others only what is published', async () => {
		await setArticlePublication(handle, ada, id, await revision(), 'published', 'classes');
		await editText(V2);
		await setArticlePublication(handle, ada, id, await revision(), 'published', 'teachers');
		expect((await studentReads()).versionNumber).toBe(1);
		const copy = await copyArticle(handle, bob, id);
		expect((await articleBundle(handle, copy.slug))!.article.text).toBe(councilParts(V1).text);
		// The owner's own copy starts from what they are editing.
		const own = await copyArticle(handle, ada, id);
		expect((await articleBundle(handle, own.slug))!.article.text).toBe(councilParts(V2).text);
		// Back to a draft and published again: the current version is published.
		await setArticlePublication(handle, ada, id, await revision(), 'draft', 'teachers');
		await setArticlePublication(handle, ada, id, await revision(), 'published', 'teachers');
		expect((await studentReads()).versionNumber).toBe(2);
	});

	it('shows students the published claims while the teacher works on a draft, and new words only once published', async () => {
		const text1 = councilParts(V1).text;
		await saveClaim(handle, ada, id, await revision(), null, { start: text1.indexOf('“We'), end: text1.indexOf('Reed.') + 5 }, TOM_REED_CLAIM);
		await setArticlePublication(handle, ada, id, await revision(), 'published', 'classes');
		await editText(V2);
		const text2 = councilParts(V2).text;
		const fares = 'Fares stay the same.';
		const speaker = (await handle.db.select().from(handle.tables.speakers).where(eq(handle.tables.speakers.articleId, id)))[0].key;
		await saveClaim(handle, ada, id, await revision(), null, { start: text2.indexOf(fares), end: text2.indexOf(fares) + fares.length }, { ...TOM_REED_CLAIM, speaker, newSpeaker: undefined, form: 'paraphrase' });
		// The claim the diff carried to the draft still shows on the published text; the one on new words does not, and is no orphan.
		let reader = await studentReads();
		expect(reader.claims.map((c) => c.quote)).toEqual(['“We need buses now,” said Tom Reed.']);
		expect(reader.orphans).toEqual([]);
		await publishCurrentVersion(handle, ada, id, await revision());
		reader = await studentReads();
		expect(reader.claims.map((c) => c.quote)).toEqual(['“We need buses now,” said Tom Reed.', fares]);
		// A claim whose words changed in a further edit waits on the old text: the publish says so.
		await editText(V3.replace('Riders agree. Fares stay the same.', 'Riders agree. Fares stay low.'));
		expect(await publishCurrentVersion(handle, ada, id, await revision())).toEqual({ number: 3, waiting: 1 });
	});

	it('refuses to publish from a stale form, and a draft article through the publish button', async () => {
		const before = await revision();
		expect((await refusal(publishCurrentVersion(handle, ada, id, before))).status).toBe(409);
		await setArticlePublication(handle, ada, id, before, 'published', 'classes');
		await editText(V2);
		expect((await refusal(publishCurrentVersion(handle, ada, id, before))).status).toBe(409);
		expect((await studentReads()).versionNumber).toBe(1);
		expect((await refusal(publishCurrentVersion(handle, bob, id, await revision()))).status).toBe(404);
	});
});
