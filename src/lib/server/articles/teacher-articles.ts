/**
 * Teachers' own articles: bring one in (after reviewing its parts), change its byline,
 * edit its text (a new version each time), publish it to a visibility, and copy any
 * article one may copy, the shipped one included. Every change names the revision the
 * teacher's form was made from and is applied only if the article is still at it, so
 * two teachers (or two tabs) never silently overwrite each other.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, max, ne, or, sql } from 'drizzle-orm';
import type { CheckedParts } from '$lib/articles/article-parts';
import type { DatabaseHandle, Transaction } from '../db/database';
import { DomainError } from '../domain-error';
import { randomToken } from '../auth/tokens';
import { mayCopy, mayRead, VISIBILITY_CHOICES, type TeacherVisibility } from './access';
import { reanchorAfterTextEdit } from './reanchor-seam';
import { m } from '$lib/paraglide/messages';

export type ArticleRow = DatabaseHandle['tables']['articles']['$inferSelect'];

const notFound = () => m.author_err_no_article();
/** The concurrent-edit refusal (409), in the request's language. */
export const staleMessage = () => m.author_err_stale();

/** A teacher's article id: an underscore, which pack keys cannot have, so the two never collide. */
export const newArticleId = () => `t_${randomToken()}`;

/** An address for the article: words of its headline and a short random tail, so it is unique and unguessable. */
export function slugFor(title: string): string {
	const words = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return `${words || 'article'}-${randomToken().slice(0, 6)}`;
}

/** A teacher as a viewer: never anyone's student. */
const teacherViewer = (teacherId: string) => ({ teacherId, classTeacherIds: [] });

/** The article with `id` if `teacherId` may see it; otherwise a 404, whether it exists or not. */
export async function articleForTeacher({ db, tables: t }: DatabaseHandle, teacherId: string, id: string): Promise<ArticleRow> {
	if (!id || id.length > 200) throw new DomainError(notFound(), 404);
	const [row] = await db.select().from(t.articles).where(eq(t.articles.id, id));
	if (!row || !mayRead(row, teacherViewer(teacherId))) throw new DomainError(notFound(), 404);
	return row;
}

/** The article with `slug` if `teacherId` may see it (for quizzes: "any article the teacher can see"). */
export async function articleBySlugForTeacher({ db, tables: t }: DatabaseHandle, teacherId: string, slug: string): Promise<ArticleRow | null> {
	if (!slug || slug.length > 200) return null;
	const [row] = await db.select().from(t.articles).where(eq(t.articles.slug, slug));
	return row && mayRead(row, teacherViewer(teacherId)) ? row : null;
}

/** The article if `teacherId` owns it, for changes; a 404 otherwise (a 403 for one they may only read). */
export async function ownArticle(handle: DatabaseHandle, teacherId: string, id: string): Promise<ArticleRow> {
	const row = await articleForTeacher(handle, teacherId, id);
	if (row.ownerId !== teacherId) throw new DomainError(m.author_err_not_owner(), 403);
	return row;
}

/**
 * Every article `teacherId` can see: their own (drafts too), the packs', and those other
 * teachers published to every teacher; their own first, then by title.
 */
export async function listArticlesForTeacher({ db, tables: t }: DatabaseHandle, teacherId: string) {
	const rows = await db
		.select({
			id: t.articles.id,
			slug: t.articles.slug,
			title: t.articles.title,
			source: t.articles.source,
			ownerId: t.articles.ownerId,
			ownerName: t.teachers.name,
			status: t.articles.status,
			visibility: t.articles.visibility,
			outlet: t.articles.outlet,
			author: t.articles.author,
			publishedOn: t.articles.publishedOn,
			updatedAt: t.articles.updatedAt
		})
		.from(t.articles)
		.leftJoin(t.teachers, eq(t.teachers.id, t.articles.ownerId))
		.where(
			or(
				eq(t.articles.visibility, 'public'),
				eq(t.articles.ownerId, teacherId),
				and(eq(t.articles.visibility, 'teachers'), eq(t.articles.status, 'published'))
			)
		)
		.orderBy(desc(sql`${t.articles.ownerId} = ${teacherId}`), asc(t.articles.title));
	return rows.map((r) => ({ ...r, mine: r.ownerId === teacherId, canCopy: mayCopy(r, teacherId) }));
}

/** The articles the teachers of these classes published to their classes (or to every teacher), for a student's home page. */
export async function articlesForClasses({ db, tables: t }: DatabaseHandle, classIds: string[]) {
	if (classIds.length === 0) return [];
	const owners = db.select({ id: t.classes.teacherId }).from(t.classes).where(inArray(t.classes.id, classIds));
	return db
		.select({ slug: t.articles.slug, title: t.articles.title, outlet: t.articles.outlet, language: t.articles.language })
		.from(t.articles)
		.where(and(eq(t.articles.status, 'published'), inArray(t.articles.visibility, ['classes', 'teachers']), inArray(t.articles.ownerId, owners)))
		.orderBy(desc(t.articles.updatedAt));
}

/** Stores a reviewed article as a draft only its owner can see, with its text as version 1. */
export async function createTeacherArticle(handle: DatabaseHandle, teacherId: string, parts: CheckedParts): Promise<{ id: string; slug: string }> {
	const { db, tables: t } = handle;
	const id = newArticleId();
	const slug = slugFor(parts.title);
	await db.transaction(async (tx) => {
		await tx.insert(t.articles).values({
			id,
			slug,
			title: parts.title,
			titleOrigin: '',
			publication: null,
			currentVersionId: null,
			packHash: null,
			source: 'teacher',
			ownerId: teacherId,
			visibility: 'private',
			status: 'draft',
			...byline(parts)
		});
		const versionId = await addVersion(tx, handle, id, parts);
		await tx.update(t.articles).set({ currentVersionId: versionId }).where(eq(t.articles.id, id));
	});
	return { id, slug };
}

const byline = (p: Pick<CheckedParts, 'outlet' | 'author' | 'date' | 'originalUrl' | 'language'>) => ({
	outlet: p.outlet,
	author: p.author,
	publishedOn: p.date,
	originalUrl: p.originalUrl,
	language: p.language
});

/** Adds the next version of the article's text and returns its id. */
async function addVersion(tx: Transaction, { tables: t }: DatabaseHandle, articleId: string, parts: Pick<CheckedParts, 'text' | 'blocks'>): Promise<string> {
	const [{ latest }] = await tx.select({ latest: max(t.articleVersions.number) }).from(t.articleVersions).where(eq(t.articleVersions.articleId, articleId));
	const number = (latest ?? 0) + 1;
	const id = `${articleId}/v${number}`;
	await tx.insert(t.articleVersions).values({
		id,
		articleId,
		number,
		text: parts.text,
		textHash: createHash('sha256').update(parts.text).digest('hex'),
		blocks: parts.blocks
	});
	return id;
}

/**
 * Moves the article from `revision` to the next one, with `set` applied, inside `tx`;
 * refuses with a 409 when someone changed it meanwhile (compare-and-set on the revision).
 */
export async function bumpRevision(tx: Transaction, { tables: t }: DatabaseHandle, id: string, revision: number, set: Partial<ArticleRow> = {}) {
	const changed = await tx
		.update(t.articles)
		.set({ ...set, revision: sql`${t.articles.revision} + 1`, updatedAt: new Date() })
		.where(and(eq(t.articles.id, id), eq(t.articles.revision, revision)))
		.returning({ id: t.articles.id });
	if (changed.length === 0) throw new DomainError(staleMessage(), 409);
}

/** Changes the headline and byline of the teacher's own article. */
export async function updateArticleDetails(
	handle: DatabaseHandle,
	teacherId: string,
	id: string,
	revision: number,
	parts: Pick<CheckedParts, 'title' | 'outlet' | 'author' | 'date' | 'originalUrl' | 'language'>
) {
	await ownArticle(handle, teacherId, id);
	await handle.db.transaction((tx) => bumpRevision(tx, handle, id, revision, { title: parts.title, ...byline(parts) }));
}

/**
 * Edits the text of the teacher's own article: the new text becomes a new version (its
 * older versions stay, with the answers given on them), and its claims and notes are
 * re-anchored to it through the seam in reanchor-seam.ts. Unchanged text changes nothing.
 * The new version is a draft: students read the published one until publishCurrentVersion.
 */
export async function editArticleText(handle: DatabaseHandle, teacherId: string, id: string, revision: number, parts: Pick<CheckedParts, 'text' | 'blocks'>) {
	const article = await ownArticle(handle, teacherId, id);
	const { db, tables: t } = handle;
	return db.transaction(async (tx) => {
		const [current] = article.currentVersionId ? await tx.select().from(t.articleVersions).where(eq(t.articleVersions.id, article.currentVersionId)) : [];
		// Blocks compared field by field: PostgreSQL's jsonb does not keep the keys' order.
		const sameBlocks = (a: typeof parts.blocks) => a.length === parts.blocks.length && a.every((b, i) => b.kind === parts.blocks[i].kind && b.start === parts.blocks[i].start && b.end === parts.blocks[i].end);
		if (current && current.text === parts.text && sameBlocks(current.blocks)) {
			await bumpRevision(tx, handle, id, revision);
			return { versionId: current.id, number: current.number, changed: false, attached: 0, waiting: 0, published: article.status === 'published' };
		}
		// The revision check comes first, so a stale form adds no version.
		await bumpRevision(tx, handle, id, revision);
		const versionId = await addVersion(tx, handle, id, parts);
		const placed = current ? await reanchorAfterTextEdit(tx, handle, { articleId: id, from: { id: current.id, text: current.text }, to: { id: versionId, text: parts.text } }) : { attached: 0, waiting: 0 };
		await tx.update(t.articles).set({ currentVersionId: versionId }).where(eq(t.articles.id, id));
		const [{ number }] = await tx.select({ number: t.articleVersions.number }).from(t.articleVersions).where(eq(t.articleVersions.id, versionId));
		// Students go on reading the published version until the teacher publishes this one.
		return { versionId, number, changed: true, ...placed, published: article.status === 'published' };
	});
}

/**
 * Publishes (or takes back to draft) the teacher's own article, with who may read it.
 * Publishing a draft publishes its current version; changing only who may read a published
 * article keeps the version students see, so a visibility change never publishes a draft text.
 */
export async function setArticlePublication(handle: DatabaseHandle, teacherId: string, id: string, revision: number, status: string, visibility: string) {
	const article = await ownArticle(handle, teacherId, id);
	if (status !== 'draft' && status !== 'published') throw new DomainError(m.author_err_choose_status());
	if (!VISIBILITY_CHOICES.some((c) => c.value === visibility)) throw new DomainError(m.author_err_choose_who());
	const publishing = status === 'published' && (article.status !== 'published' || !article.publishedVersionId);
	const set = { status: status as ArticleRow['status'], visibility: visibility as TeacherVisibility, ...(publishing ? { publishedVersionId: article.currentVersionId } : {}) };
	await handle.db.transaction((tx) => bumpRevision(tx, handle, id, revision, set));
}

/**
 * Publishes the current version of the teacher's own published article: from now on
 * students read and practise on it. Attempts already started keep the version they were
 * given on. A draft article is refused: choosing who can read it publishes it.
 */
export async function publishCurrentVersion(handle: DatabaseHandle, teacherId: string, id: string, revision: number): Promise<{ number: number; waiting: number }> {
	const article = await ownArticle(handle, teacherId, id);
	if (article.status !== 'published') throw new DomainError(m.author_err_is_draft(), 409);
	const { db, tables: t } = handle;
	return db.transaction(async (tx) => {
		// The compare-and-set also pins which version is current: it is the one the form was made from.
		await bumpRevision(tx, handle, id, revision, { publishedVersionId: article.currentVersionId });
		const [version] = await tx.select({ number: t.articleVersions.number }).from(t.articleVersions).where(eq(t.articleVersions.id, article.currentVersionId ?? ''));
		// Teachers' claims and notes still on an older text wait to be confirmed: students will not see them meanwhile.
		const waiting = await tx
			.select({ id: t.annotations.id })
			.from(t.annotations)
			.where(and(eq(t.annotations.articleId, id), eq(t.annotations.source, 'teacher'), ne(t.annotations.versionId, article.currentVersionId ?? '')));
		return { number: version?.number ?? 0, waiting: waiting.length };
	});
}

/** Which version students see and which the owner is editing, by number, for the article's pages. */
export async function publishedState({ db, tables: t }: DatabaseHandle, article: ArticleRow) {
	const ids = [article.publishedVersionId, article.currentVersionId].filter((v): v is string => !!v);
	const rows = ids.length ? await db.select({ id: t.articleVersions.id, number: t.articleVersions.number }).from(t.articleVersions).where(inArray(t.articleVersions.id, ids)) : [];
	const numberOf = (id: string | null) => rows.find((r) => r.id === id)?.number ?? null;
	const published = article.status === 'published' ? numberOf(article.publishedVersionId) : null;
	const current = numberOf(article.currentVersionId);
	return { published, current, unpublishedChanges: published !== null && current !== null && published !== current };
}

/**
 * Copies an article `teacherId` may copy (anything published to them, the shipped one
 * included) into a draft of their own: its text as version 1 (the published version, or
 * the current one for the owner's own copy), its byline and
 * provenance, and its speakers, facts, claims and notes, all with source 'teacher' and
 * the copier as owner. Keys are kept, so the copy's claims and notes cite the same facts.
 */
export async function copyArticle(handle: DatabaseHandle, teacherId: string, id: string): Promise<{ id: string; slug: string }> {
	const original = await articleForTeacher(handle, teacherId, id);
	if (!mayCopy(original, teacherId)) throw new DomainError(m.author_err_not_shared(), 403);
	// Another teacher copies what is published, never the owner's unpublished draft text.
	const sourceVersionId = original.ownerId === teacherId ? original.currentVersionId : (original.publishedVersionId ?? original.currentVersionId);
	if (!sourceVersionId) throw new DomainError(notFound(), 404);
	const { db, tables: t } = handle;
	const copyId = newArticleId();
	const slug = slugFor(original.title);
	const rowOf = (key: string) => `${copyId}/${key}`;
	await db.transaction(async (tx) => {
		const [version] = await tx.select().from(t.articleVersions).where(eq(t.articleVersions.id, sourceVersionId));
		const [speakerRows, factRows, annotationRows] = await Promise.all([
			tx.select().from(t.speakers).where(eq(t.speakers.articleId, id)),
			tx.select().from(t.facts).where(eq(t.facts.articleId, id)),
			tx.select().from(t.annotations).where(eq(t.annotations.articleId, id))
		]);
		const annotationIds = annotationRows.map((a) => a.id);
		const [claimRows, noteRows] = annotationIds.length
			? await Promise.all([
					tx.select().from(t.claims).where(inArray(t.claims.annotationId, annotationIds)),
					tx.select().from(t.notes).where(inArray(t.notes.annotationId, annotationIds))
				])
			: [[], []];

		await tx.insert(t.articles).values({
			...original,
			id: copyId,
			slug,
			currentVersionId: null,
			publishedVersionId: null,
			packHash: null,
			source: 'teacher',
			ownerId: teacherId,
			visibility: 'private',
			status: 'draft',
			revision: 0,
			updatedAt: new Date()
		});
		const versionId = `${copyId}/v1`;
		await tx.insert(t.articleVersions).values({ id: versionId, articleId: copyId, number: 1, text: version.text, textHash: version.textHash, blocks: version.blocks });
		const owned = { source: 'teacher' as const, ownerId: teacherId, articleId: copyId };
		const speakerKey = new Map(speakerRows.map((s) => [s.id, s.key]));
		if (speakerRows.length) await tx.insert(t.speakers).values(speakerRows.map((s) => ({ ...s, ...owned, id: rowOf(s.key) })));
		if (factRows.length) await tx.insert(t.facts).values(factRows.map((f) => ({ ...f, ...owned, id: rowOf(f.key) })));
		// The copy's annotations sit on the copy's version 1, which is the original's current
		// text: where one was placed against an older text, the reader's anchoring still finds it.
		if (annotationRows.length) await tx.insert(t.annotations).values(annotationRows.map((a) => ({ ...a, ...owned, id: rowOf(a.key), versionId })));
		const annotationKey = new Map(annotationRows.map((a) => [a.id, a.key]));
		if (claimRows.length) {
			await tx.insert(t.claims).values(
				claimRows.map((c) => ({ ...c, annotationId: rowOf(annotationKey.get(c.annotationId)!), speakerId: rowOf(speakerKey.get(c.speakerId)!) }))
			);
		}
		if (noteRows.length) await tx.insert(t.notes).values(noteRows.map((n) => ({ ...n, annotationId: rowOf(annotationKey.get(n.annotationId)!) })));
		await tx.update(t.articles).set({ currentVersionId: versionId }).where(eq(t.articles.id, copyId));
	});
	return { id: copyId, slug };
}

/** The versions of the teacher's own article, newest first. */
export async function articleVersions({ db, tables: t }: DatabaseHandle, articleId: string) {
	return db
		.select({ id: t.articleVersions.id, number: t.articleVersions.number, createdAt: t.articleVersions.createdAt })
		.from(t.articleVersions)
		.where(eq(t.articleVersions.articleId, articleId))
		.orderBy(desc(t.articleVersions.number));
}

/** The article's current text and blocks. */
export async function currentVersion({ db, tables: t }: DatabaseHandle, article: ArticleRow) {
	if (!article.currentVersionId) throw new DomainError(notFound(), 404);
	const [version] = await db.select().from(t.articleVersions).where(eq(t.articleVersions.id, article.currentVersionId));
	return version;
}
