/**
 * What the teacher's live screens show (the controls and the projector), read for the
 * owning teacher only: the question on screen with its passage, and after reveal the
 * class's answers added up (distribution, share right, heat map over the passage) with the
 * right answer and the claim's note. Keys and counts per option come only through here,
 * into teacher-authorized page data, never into the session's snapshot that phones get.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { readerArticle } from '../articles/reader-cache';
import { blockOffsets, optionLabel, sectionBelow } from '../quiz/question-views';
import type { ReaderArticle } from '$lib/articles/types';
import { noteInLanguage, textInLanguage } from '$lib/articles/content-language';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { Span } from '$lib/quiz/scoring';
import { percentRight, tally, wordHeat, type TalliedResponse } from '$lib/live/tally';
import { distribution, heatRuns, outermost } from '$lib/live/reveal';
import { liveQuestionsOf, teacherLiveSession } from './sessions';

type LiveSessionRow = DatabaseHandle['tables']['liveSessions']['$inferSelect'];
type QuestionRow = DatabaseHandle['tables']['quizQuestions']['$inferSelect'];

/** The teacher's session with its class, quiz, questions and article; a 404 for anyone else. */
export async function liveContext(handle: DatabaseHandle, teacherId: string, sessionId: string) {
	const session = await teacherLiveSession(handle, teacherId, sessionId);
	const { db, tables: t } = handle;
	const [names] = await db
		.select({ className: t.classes.name, joinCode: t.classes.joinCode, archivedAt: t.classes.archivedAt, quizTitle: t.quizzes.title, slug: t.articles.slug })
		.from(t.classes)
		.innerJoin(t.quizzes, eq(t.quizzes.id, session.quizId))
		.innerJoin(t.articles, eq(t.articles.id, t.quizzes.articleId))
		.where(eq(t.classes.id, session.classId));
	if (!names) throw new DomainError(m.live_err_quiz_deleted(), 410);
	const [questions, article] = await Promise.all([liveQuestionsOf(handle, session), readerArticle(handle, names.slug)]);
	if (!article) throw new DomainError(m.live_err_article_gone(), 410);
	return { session, ...names, questions, article };
}

export type LiveContext = Awaited<ReturnType<typeof liveContext>>;

/** The claim a question is about, in the article as it reads now. */
const claimOf = (q: QuestionRow, article: ReaderArticle) => {
	const key = q.claimId?.split('/').pop();
	return key ? (article.claims.find((c) => c.key === key) ?? null) : null;
};

/** A question as the class sees it on the projector: no key, no feedback. */
export function questionOnScreen(q: QuestionRow, article: ReaderArticle, index: number, total: number) {
	const claim = claimOf(q, article);
	return {
		id: q.id,
		number: index + 1,
		total,
		type: q.type,
		prompt: q.prompt,
		// Finding the passage is the question itself for find-the-evidence, so it stays hidden.
		passage: claim && q.type !== 'find-evidence' ? claim.quote : null,
		section: q.type === 'headline-vs-body' && claim ? sectionBelow(article, claim.key) : [],
		options: (q.options ?? []).map((o) => optionLabel(q, o.value, article, o.label))
	};
}

/** The right answer in words, for the teacher's own screen and the reveal. */
export function rightAnswer(q: QuestionRow, article: ReaderArticle): string[] {
	if (q.options?.length) return q.options.filter((o) => o.correct).map((o) => optionLabel(q, o.value, article, o.label));
	if (q.evidence?.length) return outermost(q.evidence).map((e) => `“${e.exact.trim()}”`);
	if (q.rubric?.length) return q.rubric.map((r) => (r.points === 1 ? m.live_rubric_point_one({ description: r.description }) : m.live_rubric_points({ count: r.points, description: r.description })));
	return [];
}

/** Every answer to `questionId` in the session, from students still in it. */
export async function sessionAnswers({ db, tables: t }: DatabaseHandle, sessionId: string, questionId?: string): Promise<(TalliedResponse & { questionId: string; studentId: string | null })[]> {
	const rows = await db
		.select({ questionId: t.responses.questionId, answer: t.responses.answer, fraction: t.responses.fraction, certainty: t.responses.certainty, studentId: t.attempts.studentId })
		.from(t.responses)
		.innerJoin(t.attempts, eq(t.attempts.id, t.responses.attemptId))
		.where(and(eq(t.attempts.liveSessionId, sessionId), isNull(t.attempts.removedAt), questionId ? eq(t.responses.questionId, questionId) : undefined));
	return rows.map((r) => ({ ...r, certainty: (r.certainty ?? null) as TalliedResponse['certainty'] }));
}

/** The notes the reader shows for the question's claim: what "show the note" puts up. */
function notesOf(q: QuestionRow, article: ReaderArticle, locale: string) {
	const keys = q.notes.length ? q.notes.map((n) => n.split('/').pop()!) : (claimOf(q, article)?.noteKeys ?? []);
	return article.notes
		.filter((n) => keys.includes(n.key))
		.map((n) => {
			// In the screen's language when the note has a version in it; otherwise English, marked so.
			const shown = noteInLanguage(n, locale);
			return { key: n.key, number: n.number, layer: n.layer, title: shown.title, body: shown.body, lang: shown.lang, untranslated: shown.lang === locale ? '' : m.reader_untranslated({}, { locale: locale as Locale }) };
		});
}

/** The article's paragraphs that hold a key passage or any word the class selected, each shaded by selections (the live reveal's and the results' heat map). */
export function heatMap(q: QuestionRow, article: ReaderArticle, selections: Span[]) {
	const keys: Span[] = (q.evidence ?? []).map((e) => ({ start: e.start, end: e.end }));
	const touched = [...keys, ...selections];
	const blocks = blockOffsets(article)
		.map((b) => ({ start: b.start, end: b.start + b.text.length, heading: b.heading }))
		.filter((b) => touched.some((s) => s.start < b.end && b.start < s.end))
		.map((b) => ({ ...b, words: wordHeat(article.text, b, selections) }));
	// One scale for every paragraph shown, so the same shade means the same count.
	const max = Math.max(0, ...blocks.flatMap((b) => b.words.map((w) => w.count)));
	return blocks.map((b) => ({ heading: b.heading, runs: heatRuns(article.text, b, b.words, keys, max) }));
}

/**
 * The reveal of one question: the class's answers added up, the right answer, the note.
 * Only for the teacher's screens, and only once the question is revealed.
 */
export function revealOf(q: QuestionRow, article: ReaderArticle, answers: TalliedResponse[], locale: string = getLocale()) {
	const explanation = textInLanguage(q.explanation, q.localized, 'explanation', locale);
	const optionValues = (q.options ?? []).map((o) => o.value);
	const t = tally(optionValues, answers);
	const selections = answers.flatMap((a) => (a.answer.type === 'span' ? [a.answer.span] : []));
	const claim = claimOf(q, article);
	return {
		answered: t.answered,
		right: t.right,
		percentRight: percentRight(t),
		confidentlyWrong: t.confidentlyWrong,
		bars: q.options?.length
			? distribution(
					q.options.map((o) => ({ value: o.value, label: optionLabel(q, o.value, article, o.label), correct: o.correct })),
					t
				)
			: [],
		// Who said it, whose voice: the passage, with the class's answers beside it.
		beside: (q.type === 'who-said-it' || q.type === 'whose-voice') && claim ? claim.quote : null,
		heat: q.type === 'find-evidence' ? heatMap(q, article, selections) : [],
		written: q.type === 'short-answer' ? t.answered : null,
		rightAnswer: rightAnswer(q, article),
		explanation: explanation.text,
		explanationLang: explanation.lang,
		notes: notesOf(q, article, locale)
	};
}

export type Reveal = ReturnType<typeof revealOf>;

/** The class's live sessions, newest first, with how many took part: the class page's list. */
export async function classLiveSessions({ db, tables: t }: DatabaseHandle, classId: string) {
	const sessions = await db
		.select({ id: t.liveSessions.id, quizTitle: t.quizzes.title, createdAt: t.liveSessions.createdAt, endedAt: t.liveSessions.endedAt })
		.from(t.liveSessions)
		.innerJoin(t.quizzes, eq(t.quizzes.id, t.liveSessions.quizId))
		.where(eq(t.liveSessions.classId, classId));
	const attempts = await db
		.select({ sessionId: t.attempts.liveSessionId })
		.from(t.attempts)
		.innerJoin(t.liveSessions, eq(t.liveSessions.id, t.attempts.liveSessionId))
		.where(and(eq(t.liveSessions.classId, classId), isNull(t.attempts.removedAt)));
	return sessions
		.map((s) => ({ ...s, joined: attempts.filter((a) => a.sessionId === s.id).length }))
		.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export type { LiveSessionRow };
