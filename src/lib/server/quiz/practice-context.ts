/**
 * What every practice page needs: the article, its quiz, and this browser's attempt at
 * it (from the practice cookie), or a redirect to the practice start page.
 */
import { m } from '$lib/paraglide/messages';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { appDb } from '../app-db';
import { readableBundle } from '../articles/reader-access';
import { articleForAttempt } from '../articles/reader-cache';
import { practiceAttempt, practiceAttemptWithArticle } from './responses';
import { quizAssignedNow } from './assignments';
import { quizLiveNow } from '../live/sessions';
import { PRACTICE_COOKIE } from './practice-cookie';

/**
 * The article and its quiz, or a 404, also when the request may not read the article
 * (a teacher's article outside its visibility). `knownStamp`: the article's stamp, if just
 * read (see readableBundle).
 */
export async function practiceQuiz(event: RequestEvent, knownStamp?: string) {
	const bundle = await readableBundle(event, event.params.slug ?? '', knownStamp);
	if (!bundle.quiz) error(404, m.practice_no_quiz());
	return { article: bundle.article, ...bundle.quiz };
}

/** Why practice is paused, in the request's language. */
export const pausedMessage = () => m.practice_paused();

/**
 * Whether a signed-in student's class has this quiz open as an assignment or running as a
 * live session: practice shows each answer's key, so it would give the answers away.
 */
export async function practicePaused(event: RequestEvent, quizId: string) {
	const classIds = (event.locals.session?.students ?? []).map((s) => s.classId);
	if (classIds.length === 0) return false;
	return (await quizAssignedNow(appDb(), classIds, quizId)) || (await quizLiveNow(appDb(), classIds, quizId));
}

/** The browser's attempt at this quiz, if it has one. */
export async function currentAttempt(event: RequestEvent, quizId: string) {
	const token = event.cookies.get(PRACTICE_COOKIE);
	const attempt = token ? await practiceAttempt(appDb(), token) : null;
	return attempt && attempt.quizId === quizId ? attempt : null;
}

/** Like currentAttempt, but sends a browser without one to the start page. */
export async function requireAttempt(event: RequestEvent, quizId: string) {
	const attempt = await currentAttempt(event, quizId);
	if (!attempt) redirect(303, `/articles/${event.params.slug}/practice`);
	if (await practicePaused(event, quizId)) error(403, pausedMessage());
	return attempt;
}

/**
 * The article, its quiz and the browser's attempt at it, for a question page: the attempt
 * comes with its article's stamp in one query, which saves reading the stamp again. As
 * requireAttempt: a 404 without the article or quiz; without an attempt at this quiz, the
 * start page; a 403 while the student's class has this quiz as an open assignment.
 */
export async function practiceQuizWithAttempt(event: RequestEvent) {
	const slug = event.params.slug ?? '';
	const token = event.cookies.get(PRACTICE_COOKIE);
	const found = token ? await practiceAttemptWithArticle(appDb(), token) : null;
	// Another article's attempt says nothing about this one's stamp.
	const stamp = found?.articleSlug === slug ? found.articleStamp : undefined;
	const quiz = await practiceQuiz(event, stamp);
	if (!found || found.attempt.quizId !== quiz.quiz.id) redirect(303, `/articles/${slug}/practice`);
	if (await practicePaused(event, quiz.quiz.id)) error(403, pausedMessage());
	// The attempt goes on on the text it was given on, even after the teacher publishes another.
	const article = await articleForAttempt(appDb(), quiz.article, stamp, found.attempt.articleVersionId);
	return { ...quiz, article, attempt: found.attempt };
}
