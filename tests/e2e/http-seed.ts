/**
 * Seeding a fresh app through its own forms over HTTP (no browser): an admin, another
 * teacher (by invite link), a teacher who signed up openly and waits for approval, a
 * class each for the first two with rostered students, and a signed-in device for each
 * student. Used by the authorization matrix and the bad-input tests.
 */
import { request, type APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

export interface Seeded {
	admin: APIRequestContext;
	otherTeacher: APIRequestContext;
	/** Signed up while sign-up was open; not approved, so it may see only the waiting page. */
	pendingTeacher: APIRequestContext;
	studentA: APIRequestContext;
	studentB: APIRequestContext;
	anonymous: APIRequestContext;
	classA: { id: string; code: string; studentIds: Record<string, string> };
	classB: { id: string; code: string; studentIds: Record<string, string> };
	/** The shipped quiz assigned to class A, open now, with Ana's attempt started ('' if not asked for). */
	assignmentA: string;
}

/** The content pack's quiz, as the assign form names it. */
export const PACK_QUIZ = 'mexico-says-no-to-us-troops/quiz-mexico-attribution';

/** A time as a `datetime-local` field holds it (the server reads it in its zone, which is ours). */
export function localInput(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Assigns a quiz to a class through the assign form; returns the assignment id. */
export async function assign(teacher: APIRequestContext, classId: string, rules: Record<string, string> = {}) {
	const now = Date.now();
	const response = await post(teacher, `/teach/classes/${classId}/assign`, {
		quiz: PACK_QUIZ,
		opensAt: localInput(new Date(now - 3600_000)),
		closesAt: localInput(new Date(now + 24 * 3600_000)),
		maxAttempts: '1',
		feedback: 'after-submit',
		...rules
	});
	return response.headers()['location'].split('/').pop()!.split('?')[0];
}

/** A client that sends the app's own Origin, as a browser on the page would. */
export function client(baseURL: string, origin = baseURL) {
	// A browser's form post asks for HTML; SvelteKit would answer anything else with JSON.
	return request.newContext({ baseURL, extraHTTPHeaders: { origin, accept: 'text/html' }, maxRedirects: 0 });
}

/** Posts a form and expects `status`; returns the response. */
export async function post(ctx: APIRequestContext, path: string, form: Record<string, string>, status = 303) {
	const response = await ctx.post(path, { form });
	expect(response.status(), `${path} → ${response.status()}: ${(await response.text()).slice(0, 300)}`).toBe(status);
	return response;
}

/**
 * Saves a teacher's draft article through the review form (pasted text, language English;
 * the fields not given are "not given") and returns its id.
 */
export async function saveArticle(teacher: APIRequestContext, fields: { title: string; body: string; outlet?: string }) {
	const saved = await post(teacher, '/teach/articles/new?/save', { outlet: '', author: '', date: '', originalUrl: '', language: 'en', ...fields });
	return decodeURIComponent(saved.headers()['location'].split('/').pop()!.split('?')[0]);
}

/** A class of `teacher`'s with the roster `names`; its id and join code. */
export async function makeClass(teacher: APIRequestContext, name: string, names: string) {
	const created = await post(teacher, '/teach?/create', { name });
	const id = created.headers()['location'].split('/').pop()!;
	await post(teacher, `/teach/classes/${id}?/roster`, { names }, 200);
	const exported = await (await teacher.get(`/teach/classes/${id}/export.json`)).json();
	return { id, code: exported.class.joinCode as string };
}

/** Join choices as the join page offers them: display name → student id. */
export async function joinChoices(ctx: APIRequestContext, code: string): Promise<Record<string, string>> {
	const html = await (await ctx.get(`/join/${code}`)).text();
	const ids: Record<string, string> = {};
	for (const m of html.matchAll(/href="\?me=([^"]+)"[^>]*>([^<]+)</g)) ids[m[2].trim()] = decodeURIComponent(m[1]);
	return ids;
}

/** A new one-time invite token, from the link the admin's Settings page makes. */
export async function inviteToken(admin: APIRequestContext): Promise<string> {
	const html = await (await post(admin, '/teach/settings?/invite', {}, 200)).text();
	return /\/signup\?invite=([a-z2-7]+)/.exec(html)![1];
}

/** The teachers waiting for approval as the admin's Settings page lists them: email → teacher id. */
export async function waitingTeachers(admin: APIRequestContext): Promise<Record<string, string>> {
	const html = await (await admin.get('/teach/settings')).text();
	const ids: Record<string, string> = {};
	for (const item of html.split('<li').slice(1)) {
		const email = /<\/strong> · ([^<\s]+)/.exec(item);
		const id = /name="teacher" value="([^"]+)"/.exec(item);
		if (email && id) ids[email[1]] = id[1];
	}
	return ids;
}

/** Signs up a teacher through the open sign-up form; they land on the waiting page. */
export async function signUpWaiting(ctx: APIRequestContext, name: string, email: string) {
	const response = await post(ctx, '/signup', { name, email, password: 'gravel orchid signal' });
	expect(response.headers()['location']).toBe('/teach/waiting');
}

export async function seed(baseURL: string, options: { assignment?: boolean } = {}): Promise<Seeded> {
	const [admin, otherTeacher, pendingTeacher, studentA, studentB, anonymous] = await Promise.all(
		Array.from({ length: 6 }, () => client(baseURL))
	);
	// Invite-only, as setup suggests; the other teacher comes by invite link (approved at once).
	await post(admin, '/setup', { name: 'Ada Admin', email: 'ada@school.test', password: 'harbor lantern violet', mode: 'invite' });
	const invite = await inviteToken(admin);
	await post(otherTeacher, '/signup', { name: 'Olu Other', email: 'olu@school.test', password: 'meadow copper tunnel', invite });
	// Then sign-up opens, and a stranger signs up: they wait for approval.
	await post(admin, '/teach/settings?/mode', { mode: 'open' }, 200);
	await signUpWaiting(pendingTeacher, 'Pat Pending', 'pat@school.test');
	const a = await makeClass(admin, 'Class A', 'Ana\nAmir');
	const b = await makeClass(otherTeacher, 'Class B', 'Ben\nBea');
	const idsA = await joinChoices(anonymous, a.code);
	const idsB = await joinChoices(anonymous, b.code);
	await post(studentA, `/join/${a.code}?/pick`, { student: idsA['Ana'] });
	await post(studentB, `/join/${b.code}?/pick`, { student: idsB['Ben'] });
	let assignmentA = '';
	if (options.assignment !== false) {
		assignmentA = await assign(admin, a.id);
		await post(studentA, `/me/assignments/${assignmentA}?/start`, {});
	}
	return {
		assignmentA,
		admin,
		otherTeacher,
		pendingTeacher,
		studentA,
		studentB,
		anonymous,
		classA: { ...a, studentIds: idsA },
		classB: { ...b, studentIds: idsB }
	};
}
