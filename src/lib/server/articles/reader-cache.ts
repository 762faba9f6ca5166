/**
 * The reader model is the same for everyone until the article's content changes, and
 * building it (five queries and anchoring every claim and note) is the costly part of
 * the reader, the ledger and every quiz page. This keeps the last model per article,
 * checked against the article's content stamp on each use: one cheap query. It holds no
 * per-user state and is rebuilt from the database whenever it is missing or stale.
 */
import type { ReaderArticle } from '$lib/articles/types';
import type { DatabaseHandle } from '../db/database';
import { articleQuiz } from '../quiz/question-views';
import { articleStamp, loadReaderArticle } from './reader';

/** An article's reader model and its seeded quiz: both change only with its content pack. */
export interface ArticleBundle {
	article: ReaderArticle;
	quiz: Awaited<ReturnType<typeof articleQuiz>>;
}

const bundles = new Map<string, { stamp: string; bundle: ArticleBundle }>();

/**
 * The reader model and quiz for `slug` (shared and read-only: never change what it returns).
 * A caller that has just read the article's stamp in a query of its own passes it in,
 * which saves reading it again; it must have been read before this call.
 */
export async function articleBundle(handle: DatabaseHandle, slug: string, knownStamp?: string, versionId?: string): Promise<ArticleBundle | null> {
	const stamp = knownStamp ?? (await articleStamp(handle, slug));
	if (stamp === null) return null;
	// The version students read is kept under the slug; another (an attempt's older one) beside it.
	const key = versionId ? `${slug}@${versionId}` : slug;
	const cached = bundles.get(key);
	if (cached?.stamp === stamp) return withFreshQuiz(handle, cached.bundle);
	const article = await loadReaderArticle(handle, slug, versionId);
	if (!article) return null;
	const bundle = { article, quiz: await articleQuiz(handle, article.id) };
	bundles.set(key, { stamp, bundle });
	return bundle;
}

/**
 * The reader model of the text an attempt was given on (answers and their offsets belong
 * to it): `article` itself when that is the version it shows, or when the version is unknown.
 */
export async function articleForAttempt(handle: DatabaseHandle, article: ReaderArticle, stamp: string | undefined, versionId: string | null): Promise<ReaderArticle> {
	if (!versionId || versionId === article.versionId) return article;
	return (await articleBundle(handle, article.slug, stamp, versionId))?.article ?? article;
}

/**
 * A teacher's article's practice quiz is one of the owner's quizzes, which the quiz
 * editor changes without touching the article, so it is read afresh each time; a pack's
 * quiz changes only with its pack, hence with the stamp.
 */
async function withFreshQuiz(handle: DatabaseHandle, bundle: ArticleBundle): Promise<ArticleBundle> {
	if (bundle.article.source === 'pack') return bundle;
	return { article: bundle.article, quiz: await articleQuiz(handle, bundle.article.id) };
}

/** Whether the model cached for `slug` at `stamp` is a pack's article (public), so no access check is needed. */
export function cachedAsPublic(slug: string, stamp: string): boolean {
	const cached = bundles.get(slug);
	return cached?.stamp === stamp && cached.bundle.article.source === 'pack';
}

/** The reader model for `slug` (shared and read-only). */
export async function readerArticle(handle: DatabaseHandle, slug: string): Promise<ReaderArticle | null> {
	return (await articleBundle(handle, slug))?.article ?? null;
}
