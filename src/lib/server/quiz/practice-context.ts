/**
 * What every practice page needs: the article, its quiz, and this browser's attempt at
 * it (from the practice cookie), or a redirect to the practice start page.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { appDb } from '../app-db';
import { articleBundle } from '../articles/reader-cache';
import { practiceAttempt } from './responses';
import { quizAssignedNow } from './assignments';
import { PRACTICE_COOKIE } from './practice-cookie';

/** The article and its quiz, or a 404. */
export async function practiceQuiz(slug: string) {
	const bundle = await articleBundle(appDb(), slug);
	if (!bundle) error(404, 'There is no article at this address.');
	if (!bundle.quiz) error(404, 'This article has no practice quiz yet.');
	return { article: bundle.article, ...bundle.quiz };
}

export const PAUSED_MESSAGE = 'Your class has this quiz as an assignment right now, so practising it is paused until the assignment closes.';

/** Whether a signed-in student's class has this quiz open as an assignment (practice would give its answers away). */
export async function practicePaused(event: RequestEvent, quizId: string) {
	const classIds = (event.locals.session?.students ?? []).map((s) => s.classId);
	return quizAssignedNow(appDb(), classIds, quizId);
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
	if (await practicePaused(event, quizId)) error(403, PAUSED_MESSAGE);
	return attempt;
}
