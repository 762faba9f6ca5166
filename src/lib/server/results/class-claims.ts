/**
 * Per claim across a whole class: for each article the class has worked on (an assignment
 * or a live session of a quiz on it), every claim with its answers, error rate and most
 * common misreading over all of them, and its error rate in each one, linked to that
 * assignment's or session's own claim view. Three grouped queries for the whole page,
 * however many assignments and sessions the class has had.
 */
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { ownedClass } from '../people/classes';
import { readerArticle } from '../articles/reader-cache';
import { errorRate } from '$lib/results/confusion';
import { m } from '$lib/paraglide/messages';
import { claimAnswerCounts, claimResults, confusionCounts } from './claim-results';

/** One assignment or live session of the class, and where its claim view is. */
export interface ClassSource {
	kind: 'assignment' | 'live';
	id: string;
	quizTitle: string;
	articleId: string;
	slug: string;
	at: Date;
	/** "Assignment" or "Live session", for tables and CSV. */
	kindLabel: string;
	href: string;
}

/** The class's assignments and live sessions, oldest first, with their quiz's article. */
export async function classSources({ db, tables: t }: DatabaseHandle, classId: string): Promise<ClassSource[]> {
	const [assignments, live] = await Promise.all([
		db
			.select({ id: t.assignments.id, quizTitle: t.quizzes.title, articleId: t.articles.id, slug: t.articles.slug, at: t.assignments.opensAt })
			.from(t.assignments)
			.innerJoin(t.quizzes, eq(t.quizzes.id, t.assignments.quizId))
			.innerJoin(t.articles, eq(t.articles.id, t.quizzes.articleId))
			.where(eq(t.assignments.classId, classId)),
		db
			.select({ id: t.liveSessions.id, quizTitle: t.quizzes.title, articleId: t.articles.id, slug: t.articles.slug, at: t.liveSessions.createdAt })
			.from(t.liveSessions)
			.innerJoin(t.quizzes, eq(t.quizzes.id, t.liveSessions.quizId))
			.innerJoin(t.articles, eq(t.articles.id, t.quizzes.articleId))
			.where(eq(t.liveSessions.classId, classId))
	]);
	const tag = (kind: 'assignment' | 'live') => (row: (typeof assignments)[number]): ClassSource => ({
		kind,
		...row,
		kindLabel: kind === 'assignment' ? m.results_kind_assignment() : m.results_kind_live(),
		href: `/teach/results/${kind}/${row.id}`
	});
	return [...assignments.map(tag('assignment')), ...live.map(tag('live'))].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
}

/** The class-wide claims view of the teacher's class (a 404 for anyone else's). */
export async function classClaims(handle: DatabaseHandle, teacherId: string, classId: string) {
	const cls = await ownedClass(handle, teacherId, classId);
	const source = { classId: cls.id };
	const [sources, answers, confusion] = await Promise.all([classSources(handle, cls.id), claimAnswerCounts(handle, source, true), confusionCounts(handle, source)]);
	const slugs = [...new Set(sources.map((s) => s.slug))];
	const articles = (await Promise.all(slugs.map((slug) => readerArticle(handle, slug)))).filter((a) => a !== null);
	return {
		cls,
		articles: articles.map((article) => {
			const mine = sources.filter((s) => s.articleId === article.id);
			return {
				id: article.id,
				slug: article.slug,
				title: article.title,
				/** The article's language, for the quoted claims' `lang`. */
				language: article.byline.language,
				sources: mine,
				claims: claimResults(article, [], answers, confusion).map((c) => {
					const id = `${article.id}/${c.claim.key}`;
					return {
						...c,
						// The claim in each assignment and session where a question about it was answered.
						bySource: mine.flatMap((s) => {
							const rows = answers.filter((a) => a.claimId === id && (s.kind === 'assignment' ? a.assignmentId === s.id : a.liveSessionId === s.id));
							if (rows.length === 0) return [];
							const rate = errorRate(rows.reduce((n, a) => n + a.answered, 0), rows.reduce((n, a) => n + a.wrong, 0));
							return [{ source: s, rate, href: `${s.href}/claims#claim-${c.claim.key}` }];
						})
					};
				})
			};
		})
	};
}

export type ClassClaims = Awaited<ReturnType<typeof classClaims>>;
