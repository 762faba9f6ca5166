/**
 * The reader's pages and exports for an article, for whoever may read it (access.ts):
 * the packs' articles for anyone, a teacher's article for its owner, and once published
 * for the students of the owner's classes and, if shared, every teacher. Anyone else
 * gets the same 404 as for an article that does not exist. One query (access and stamp
 * together) for a public article, as before; a student's class owners are read only
 * when a teacher's article needs them.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { eq, inArray, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { appDb } from '../app-db';
import type { DatabaseHandle } from '../db/database';
import { preparedFor } from '../db/prepared';
import { mayRead, type Viewer } from './access';
import { stampColumns, stampOf } from './reader';
import { articleBundle, cachedAsPublic, type ArticleBundle } from './reader-cache';

/** The 404's words, in the request's language (read when it is thrown). */
export const NO_ARTICLE = () => m.err_no_article();

const accessBySlug = preparedFor((handle) =>
	handle.db
		.select({ ...stampColumns(handle), ownerId: handle.tables.articles.ownerId, visibility: handle.tables.articles.visibility, status: handle.tables.articles.status })
		.from(handle.tables.articles)
		.where(eq(handle.tables.articles.slug, sql.placeholder('slug')))
		.prepare('article_access')
);

/** Who the request speaks for, as access.ts needs it; class owners only read when `needClasses`. */
async function viewerOf(handle: DatabaseHandle, event: RequestEvent): Promise<Viewer> {
	const session = event.locals.session;
	const teacherId = session?.teacher?.approved ? session.teacher.id : null;
	const classIds = (session?.students ?? []).map((s) => s.classId);
	if (classIds.length === 0) return { teacherId, classTeacherIds: [] };
	const { db, tables: t } = handle;
	const owners = await db.selectDistinct({ teacherId: t.classes.teacherId }).from(t.classes).where(inArray(t.classes.id, classIds));
	return { teacherId, classTeacherIds: owners.map((o) => o.teacherId) };
}

/** Whether the request may read the article at `slug`, with its stamp; null when not (or no such article). */
export async function readableStamp(event: RequestEvent, slug: string, handle = appDb()): Promise<string | null> {
	const [row] = await accessBySlug(handle).execute({ slug });
	if (!row) return null;
	if (row.visibility !== 'public' && !mayRead(row, await viewerOf(handle, event))) return null;
	return stampOf(row);
}

/** Whether the article at `slug` is one everyone may read (a pack's), so one render serves every student. */
export async function isPublicArticle(slug: string, handle = appDb()): Promise<boolean> {
	const [row] = await accessBySlug(handle).execute({ slug });
	return row?.visibility === 'public';
}

/**
 * The article's reader model and quiz if the request may read it; otherwise a 404 page.
 * `knownStamp`: the article's stamp, if just read in another query; a pack's article
 * cached at that stamp then needs no query at all (practice answers take this path).
 */
export async function readableBundle(event: RequestEvent, slug: string, knownStamp?: string): Promise<ArticleBundle> {
	const stamp = knownStamp !== undefined && cachedAsPublic(slug, knownStamp) ? knownStamp : await readableStamp(event, slug);
	const bundle = stamp === null ? null : await articleBundle(appDb(), slug, stamp);
	if (!bundle) error(404, NO_ARTICLE());
	return bundle;
}

/**
 * The owner's preview of the version they are editing (`?draft` on the reader): its reader
 * model, or null for anyone else or when there is nothing but the published version.
 */
export async function ownerDraftBundle(event: RequestEvent, slug: string, handle = appDb()): Promise<ArticleBundle | null> {
	const teacher = event.locals.session?.teacher;
	if (!teacher?.approved) return null;
	const { db, tables: t } = handle;
	const [row] = await db.select({ ...stampColumns(handle), ownerId: t.articles.ownerId }).from(t.articles).where(eq(t.articles.slug, slug));
	if (!row || row.ownerId !== teacher.id || !row.version || row.version === row.published) return null;
	return articleBundle(handle, slug, stampOf(row), row.version);
}
