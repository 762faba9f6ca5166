/**
 * Authorization checks for loads and actions. Each protected load and action calls
 * one of these itself: a layout check alone is skipped on client-side navigation.
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import type { SessionStudent, SessionTeacher } from './session';
import { addressKey, TooManyAttempts } from './rate-limit';
import { noteRetryAfter } from '../retry-after';

/** Where a teacher whose account waits for the admin's approval is sent. */
export const WAITING_PAGE = '/teach/waiting';

/**
 * The signed-in, approved teacher. Anonymous visitors go to sign-in, students get a 403.
 * A teacher still waiting for approval is sent to the waiting page when opening a page or
 * download (GET), and refused with a 403 for anything that changes data (form actions):
 * until the admin says yes, an open sign-up sees no quiz, key, class or setting.
 */
export function requireTeacher(event: RequestEvent): SessionTeacher {
	const teacher = requireTeacherAccount(event);
	if (teacher.approved) return teacher;
	if (event.request.method === 'GET' || event.request.method === 'HEAD') redirect(303, WAITING_PAGE);
	error(403, m.auth_err_waiting_approval());
}

/**
 * The signed-in teacher, approved or still waiting; only for what a waiting teacher may
 * do (see the waiting page, sign out). Everything else uses `requireTeacher`.
 */
export function requireTeacherAccount(event: RequestEvent): SessionTeacher {
	const teacher = event.locals.session?.teacher;
	if (teacher) return teacher;
	if (event.locals.session) error(403, m.auth_err_teachers_only());
	redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
}

/** The signed-in admin teacher. */
export function requireAdmin(event: RequestEvent): SessionTeacher {
	const teacher = requireTeacher(event);
	if (!teacher.isAdmin) error(403, m.auth_err_admin_only());
	return teacher;
}

/** The students this device is signed in as; anyone else is sent to the join page. */
export function requireStudent(event: RequestEvent): SessionStudent[] {
	const students = event.locals.session?.students ?? [];
	if (students.length > 0) return students;
	if (event.locals.session?.teacher) error(403, m.err_for_students());
	// A device whose session just ended is told why on the join page.
	redirect(303, event.locals.sessionEnded ? '/join?signed-out' : '/join');
}

/** A form value as a trimmed string ('' when missing or not text), with NUL characters removed. */
export function field(form: FormData, name: string, max = 10_000): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, max).replace(/\0/g, '').trim() : '';
}

/** The request's form, or a 400 when the body is not a form that can be read. */
export async function readForm(event: RequestEvent): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch {
		error(400, m.err_form_unreadable());
	}
}

/** The address a rate limit counts for this request (an IPv6 /64 counts as one). */
export function clientAddress(event: RequestEvent): string {
	return addressKey(event.getClientAddress());
}

/**
 * A same-site path to go to after signing in, or `fallback`. Anything that could leave
 * the site (other origins, `//`, backslashes, control characters) is refused.
 */
export function safeNext(value: string | null, origin: string, fallback = '/teach'): string {
	if (!value || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	try {
		const url = new URL(value, origin);
		return url.origin === origin ? url.pathname + url.search : fallback;
	} catch {
		return fallback;
	}
}

/**
 * Runs an action body and turns a DomainError into `fail(status, { message, ...echo })`
 * under `form`, so a page with several forms shows the message by the right one. A 429
 * also tells the response how long to wait (the Retry-After header).
 */
export async function attempt<T, E extends Record<string, unknown>>(form: string, echo: E, body: () => Promise<T>) {
	try {
		return await body();
	} catch (e) {
		if (e instanceof TooManyAttempts) noteRetryAfter(e.retryAfter);
		if (e instanceof DomainError) return fail(e.status, { form, ok: false as const, message: e.message, ...echo });
		throw e;
	}
}

/** Runs a load body and turns a DomainError into an error page with its status (and a 429's wait). */
export async function orError<T>(body: () => Promise<T>): Promise<T> {
	try {
		return await body();
	} catch (e) {
		if (e instanceof TooManyAttempts) noteRetryAfter(e.retryAfter);
		if (e instanceof DomainError) error(e.status, e.message);
		throw e;
	}
}
