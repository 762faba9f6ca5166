/**
 * What every student assignment page needs: the signed-in student the assignment is for,
 * the assignment, its quiz's questions and article, and the attempt in progress.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { appDb } from '../app-db';
import { orError, requireStudent } from '../auth/guards';
import { articleBundle, articleForAttempt } from '../articles/reader-cache';
import { attemptOver, attemptsAt, studentAssignment } from './assignments';
import { m } from '$lib/paraglide/messages';

/**
 * The assignment for one of this device's students, with its article; a 404 for anyone
 * else. A form action passes the attempt its form names, which comes back as
 * `namedAttempt` (unchecked: see `checkOwnAttempt`).
 */
export async function assignmentContext(event: RequestEvent, attemptId?: string) {
	const students = requireStudent(event);
	const found = await orError(() => studentAssignment(appDb(), students, event.params.aid ?? '', attemptId));
	// The stamp came with the assignment, so the article needs no query of its own.
	const bundle = await articleBundle(appDb(), found.articleSlug, found.articleStamp);
	if (!bundle) error(404, m.rest_err_assignment_article_gone());
	// An answer goes with the text its attempt was given on, whatever the teacher published since.
	const article = await articleForAttempt(appDb(), bundle.article, found.articleStamp, found.namedAttempt?.articleVersionId ?? null);
	return { ...found, article };
}

/** The article as the attempt `x` was given it (its version), for its question and review pages. */
export function attemptArticle(ctx: AssignmentContext, x: { articleVersionId: string | null }) {
	return articleForAttempt(appDb(), ctx.article, ctx.articleStamp, x.articleVersionId);
}

export type AssignmentContext = Awaited<ReturnType<typeof assignmentContext>>;

/** The student's attempts, and the one still in progress (not submitted, assignment not closed). */
export async function studentAttempts(ctx: AssignmentContext, now = new Date()) {
	const attempts = await attemptsAt(appDb(), ctx.student.id, ctx.assignment.id);
	return { attempts, current: attempts.find((x) => !attemptOver(ctx.assignment, x, now)) ?? null };
}

/**
 * The attempt in progress, with all the student's attempts (what may be shown depends on
 * them). Without one, a visit goes back to the assignment's page; a refused form post gets
 * a null `current` instead, so the page can show why it was refused (with its 4xx status)
 * rather than a redirect that would lose the message.
 */
export async function requireCurrentAttempt(event: RequestEvent, ctx: AssignmentContext) {
	const found = await studentAttempts(ctx);
	if (!found.current && event.request.method !== 'POST') redirect(303, `/me/assignments/${ctx.assignment.id}`);
	return found;
}
