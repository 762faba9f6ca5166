/**
 * Loads a content pack into the database. Idempotent: an unchanged pack is skipped by
 * its hash, and an edited one is applied by upserting rows under stable ids and
 * deleting the ones the pack no longer has, so rows that point at a claim (quiz items,
 * responses) keep pointing at it across edits. It touches only the pack's own rows
 * (source 'pack'): claims, notes, speakers and facts a teacher added are left alone.
 */
import { and, eq, getTableColumns, inArray, isNotNull, max, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DatabaseHandle, Transaction } from '../db/database';
import type { NoteVersions } from '../db/schema.sqlite';
import { ContentPackError, type ContentPack } from './read-pack';

export type SyncResult = 'created' | 'updated' | 'unchanged';

/** Stable row id for an item of an article's pack. */
export const rowId = (articleId: string, key: string) => `${articleId}/${key}`;

type Tx = Transaction;

/** Inserts rows, or updates every column but the key when the id is already there. */
async function upsert(tx: Tx, table: PgTable, idColumn: string, rows: Record<string, unknown>[]) {
	if (rows.length === 0) return;
	const columns = getTableColumns(table);
	const set: Record<string, SQL> = {};
	for (const [prop, column] of Object.entries(columns)) {
		if (prop !== idColumn) set[prop] = sql.raw(`excluded."${column.name}"`);
	}
	await tx
		.insert(table)
		.values(rows as never)
		.onConflictDoUpdate({ target: columns[idColumn], set });
}

/** A pack claim's or note's selectors as the annotations table stores them (quote with context, position). */
export function selectorColumns(item: ContentPack['claims'][number] | ContentPack['notes'][number]) {
	const { quote, position } = item.selectors;
	return { quoteExact: quote.exact, quotePrefix: quote.prefix, quoteSuffix: quote.suffix, positionStart: position.start, positionEnd: position.end };
}

/** Writes `pack` into the database unless the same pack was loaded before. */
export async function syncPack({ db, tables: t }: DatabaseHandle, pack: ContentPack): Promise<SyncResult> {
	const articleId = pack.meta.slug;
	const [existing] = await db.select({ packHash: t.articles.packHash }).from(t.articles).where(eq(t.articles.id, articleId));
	if (existing?.packHash === pack.packHash) return 'unchanged';

	await db.transaction(async (tx) => {
		// A teacher's article may never be taken over by a pack: their ids cannot collide
		// (a teacher's has an underscore, which pack keys cannot), but a slug could.
		const [taken] = await tx
			.select({ id: t.articles.id })
			.from(t.articles)
			.where(and(eq(t.articles.slug, pack.meta.slug), ne(t.articles.source, 'pack')));
		if (taken) {
			throw new ContentPackError('article.yaml', 'slug', `"${pack.meta.slug}" is already the address of a teacher's article; give the pack another slug`);
		}
		const { publication } = pack.meta;
		const articleColumns = {
			slug: pack.meta.slug,
			title: pack.meta.title,
			titleOrigin: pack.meta.titleOrigin ?? '',
			// The provenance box needs the outlet the article follows; without it there is none (as for a teacher's article).
			publication: publication.follows
				? { site: publication.site, address: publication.address, author: publication.author, date: publication.date, follows: publication.follows, facts: publication.facts }
				: null,
			outlet: publication.site,
			author: publication.author,
			publishedOn: publication.date,
			originalUrl: publication.url,
			language: pack.meta.language,
			updatedAt: new Date()
		};
		// Only the pack's own columns: the revision keeps counting, so a stamp never repeats.
		await tx
			.insert(t.articles)
			.values({ id: articleId, ...articleColumns, source: 'pack', ownerId: null, visibility: 'public', status: 'published' })
			.onConflictDoUpdate({ target: t.articles.id, set: articleColumns });

		// A new text becomes a new version; an unchanged text keeps its version.
		const [sameText] = await tx
			.select({ id: t.articleVersions.id })
			.from(t.articleVersions)
			.where(and(eq(t.articleVersions.articleId, articleId), eq(t.articleVersions.textHash, pack.textHash)));
		let versionId = sameText?.id;
		if (!versionId) {
			const [{ latest }] = await tx
				.select({ latest: max(t.articleVersions.number) })
				.from(t.articleVersions)
				.where(eq(t.articleVersions.articleId, articleId));
			const number = (latest ?? 0) + 1;
			versionId = rowId(articleId, `v${number}`);
			await tx.insert(t.articleVersions).values({
				id: versionId,
				articleId,
				number,
				text: pack.text,
				textHash: pack.textHash,
				blocks: pack.blocks
			});
		}

		const annotationIds = [...pack.claims, ...pack.notes].map((a) => rowId(articleId, a.id));
		const claimIds = pack.claims.map((c) => rowId(articleId, c.id));
		const noteIds = pack.notes.map((n) => rowId(articleId, n.id));
		// Only the pack's own rows: a teacher's claims, notes, speakers and facts on this
		// article are never the pack's to delete or overwrite.
		const ofArticle = (table: typeof t.annotations | typeof t.speakers | typeof t.facts) =>
			and(eq(table.articleId, articleId), eq(table.source, 'pack'));

		// Remove what the pack dropped, children first.
		const dropped = tx
			.select({ id: t.annotations.id })
			.from(t.annotations)
			.where(and(ofArticle(t.annotations), notInArray(t.annotations.id, annotationIds)));
		await tx.delete(t.claims).where(inArray(t.claims.annotationId, dropped));
		await tx.delete(t.notes).where(inArray(t.notes.annotationId, dropped));
		await tx.delete(t.annotations).where(and(ofArticle(t.annotations), notInArray(t.annotations.id, annotationIds)));
		// An item that moved from claim to note (or back) must lose its old body row.
		await tx.delete(t.claims).where(inArray(t.claims.annotationId, noteIds));
		await tx.delete(t.notes).where(inArray(t.notes.annotationId, claimIds));

		await upsert(
			tx,
			t.speakers,
			'id',
			pack.meta.speakers.map((s, sort) => ({ ...s, id: rowId(articleId, s.id), articleId, key: s.id, sort }))
		);
		await upsert(
			tx,
			t.facts,
			'id',
			pack.meta.facts.map((f, sort) => ({ ...f, id: rowId(articleId, f.id), articleId, key: f.id, sort }))
		);

		const annotationRow = (item: ContentPack['claims'][number] | ContentPack['notes'][number], kind: 'claim' | 'note', sort: number) => ({
			id: rowId(articleId, item.id),
			articleId,
			key: item.id,
			kind,
			versionId,
			...selectorColumns(item),
			sort
		});
		await upsert(tx, t.annotations, 'id', [
			...pack.claims.map((c, i) => annotationRow(c, 'claim', i)),
			...pack.notes.map((n, i) => annotationRow(n, 'note', i))
		]);
		await upsert(
			tx,
			t.claims,
			'annotationId',
			pack.claims.map((c) => ({
				annotationId: rowId(articleId, c.id),
				speakerId: rowId(articleId, c.speaker),
				form: c.form,
				relationship: c.relationship,
				check: c.check,
				checkNote: c.checkNote,
				facts: c.facts
			}))
		);
		await upsert(
			tx,
			t.notes,
			'annotationId',
			pack.notes.map((n) => ({
				annotationId: rowId(articleId, n.id),
				layer: n.layer,
				kind: n.kind,
				title: n.title,
				body: n.body,
				checkIt: n.checkIt ?? null,
				translation: n.translation ?? null,
				localized: n.localized ? localizedNote(n.localized) : null,
				facts: n.facts
			}))
		);

		await syncQuiz(tx, t, articleId, pack);

		const speakerIds = pack.meta.speakers.map((s) => rowId(articleId, s.id));
		const factIds = pack.meta.facts.map((f) => rowId(articleId, f.id));
		// A pack speaker a teacher's claim still names stays, or the teacher's claim would break.
		const namedByTeachers = tx
			.select({ id: t.claims.speakerId })
			.from(t.claims)
			.innerJoin(t.annotations, eq(t.annotations.id, t.claims.annotationId))
			.where(and(eq(t.annotations.articleId, articleId), ne(t.annotations.source, 'pack')));
		await tx
			.delete(t.speakers)
			.where(and(ofArticle(t.speakers), notInArray(t.speakers.id, speakerIds), notInArray(t.speakers.id, namedByTeachers)));
		await tx.delete(t.facts).where(and(ofArticle(t.facts), notInArray(t.facts.id, factIds)));

		await tx
			.update(t.articles)
			// A pack's article has no drafts: each load is what students read.
			.set({ currentVersionId: versionId, publishedVersionId: versionId, packHash: pack.packHash, updatedAt: new Date() })
			.where(eq(t.articles.id, articleId));
	});
	return existing ? 'updated' : 'created';
}

/** A pack note's versions as stored: "check it" steps null when absent, as the English column. */
function localizedNote(versions: NonNullable<ContentPack['notes'][number]['localized']>): NoteVersions {
	return Object.fromEntries(Object.entries(versions).map(([language, v]) => [language, { title: v.title, body: v.body, checkIt: v.checkIt ?? null }]));
}

/**
 * Refuses to delete quizzes or questions that students have answered in a class: a pack
 * edit must never take their work with it. (Anonymous practice answers may go.)
 */
async function ensureNoStudentWork(tx: Tx, t: DatabaseHandle['tables'], questionIds: SQL, what: string) {
	const [answered] = await tx
		.select({ id: t.responses.id })
		.from(t.responses)
		.innerJoin(t.attempts, eq(t.attempts.id, t.responses.attemptId))
		.where(and(inArray(t.responses.questionId, questionIds), isNotNull(t.attempts.studentId)))
		.limit(1);
	if (answered) {
		throw new ContentPackError('quiz.yaml', 'quiz', `${what} has answers from students; keep it (you may edit its wording)`);
	}
}

/** The pack's quiz and its questions, upserted under stable ids; questions it dropped go. */
async function syncQuiz(tx: Tx, t: DatabaseHandle['tables'], articleId: string, pack: ContentPack) {
	const packQuizzes = and(eq(t.quizzes.articleId, articleId), eq(t.quizzes.source, 'pack'));
	const questionsOf = (quizzes: SQL | undefined) =>
		tx.select({ id: t.quizQuestions.id }).from(t.quizQuestions).where(inArray(t.quizQuestions.quizId, tx.select({ id: t.quizzes.id }).from(t.quizzes).where(quizzes)));
	if (!pack.quiz) {
		await ensureNoStudentWork(tx, t, sql`(${questionsOf(packQuizzes)})`, 'The quiz this pack no longer has');
		await tx.delete(t.quizzes).where(packQuizzes);
		return;
	}
	const quizId = rowId(articleId, `quiz-${pack.quiz.id}`);
	const otherQuizzes = and(packQuizzes, ne(t.quizzes.id, quizId));
	await ensureNoStudentWork(tx, t, sql`(${questionsOf(otherQuizzes)})`, 'A quiz with another id');
	await tx.delete(t.quizzes).where(otherQuizzes);
	await upsert(tx, t.quizzes, 'id', [
		{
			id: quizId,
			articleId,
			key: pack.quiz.id,
			title: pack.quiz.title,
			description: pack.quiz.description,
			source: 'pack',
			ownerId: null,
			createdAt: new Date(),
			updatedAt: new Date()
		}
	]);
	const questionIds = pack.quiz.questions.map((q) => `${quizId}/${q.id}`);
	const dropped = and(eq(t.quizQuestions.quizId, quizId), notInArray(t.quizQuestions.id, questionIds));
	await ensureNoStudentWork(tx, t, sql`(${tx.select({ id: t.quizQuestions.id }).from(t.quizQuestions).where(dropped)})`, 'A question the pack dropped');
	await tx.delete(t.quizQuestions).where(dropped);
	await upsert(
		tx,
		t.quizQuestions,
		'id',
		pack.quiz.questions.map((q, sort) => ({
			id: `${quizId}/${q.id}`,
			quizId,
			key: q.id,
			sort,
			type: q.type,
			prompt: q.prompt,
			claimId: q.claim ? rowId(articleId, q.claim) : null,
			certainty: q.certainty,
			explanation: q.explanation,
			localized: q.localized ?? null,
			notes: q.notes.map((n) => rowId(articleId, n)),
			facts: q.facts,
			options:
				q.options?.map((o) => ({ value: o.value, label: o.label ?? null, correct: o.correct, feedback: o.feedback, ...(o.localized ? { localized: o.localized } : {}) })) ?? null,
			evidence: q.evidenceSelectors.length
				? q.evidenceSelectors.map(({ quote, position }) => ({
						start: position.start,
						end: position.end,
						exact: quote.exact,
						prefix: quote.prefix,
						suffix: quote.suffix
					}))
				: null,
			tolerancePercent: q.tolerance === undefined ? null : Math.round(q.tolerance * 100),
			rubric: q.rubric ?? null
		}))
	);
}
