// Seeding a fresh app through its own forms over plain fetch (no browser), for benches
// and harnesses that run outside Playwright: an admin, open-join classes and signed-in
// student devices.

/** Posts a form as a browser on the page would (same Origin, asking for HTML). */
/** @param {string} base @param {string} path @param {Record<string, string>} fields @param {string} [cookie] */
export function formPost(base, path, fields, cookie) {
	return fetch(new URL(path, base), {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: new URL(base).origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields).toString()
	});
}

/** The `name=value` part of a response's session cookie, or throws with what came back. */
/** @param {Response} response */
export function sessionCookie(response) {
	const cookie = response.headers.getSetCookie().find((/** @type {string} */ c) => c.startsWith('lab_session='));
	if (!cookie) throw new Error(`no session cookie (status ${response.status})`);
	return cookie.split(';')[0];
}

/** The first teacher (the admin) through /setup, with sign-up open; returns their cookie. */
/** @param {string} base */
export async function seedAdmin(base, teacher = { name: 'Bench', email: 'bench@school.test', password: 'bench harbor lantern violet' }) {
	const setup = await formPost(base, '/setup', { ...teacher, mode: 'open' });
	if (setup.status !== 303) throw new Error(`setup answered ${setup.status}`);
	return { teacher, cookie: sessionCookie(setup) };
}

/** A class with open join; returns its id and join code. */
/** @param {string} base @param {string} cookie @param {string} name */
export async function seedClass(base, cookie, name) {
	const created = await formPost(base, '/teach?/create', { name }, cookie);
	const id = String(String(created.headers.get('location')).split('/').pop());
	await formPost(base, `/teach/classes/${id}?/openJoin`, { open: 'true' }, cookie);
	const exported = await (await fetch(new URL(`/teach/classes/${id}/export.json`, base), { headers: { cookie } })).json();
	return { id, code: exported.class.joinCode };
}

/** A student joining an open-join class by typing `name` on a new device; returns the device's cookie. */
/** @param {string} base @param {string} code @param {string} name */
export async function joinAs(base, code, name) {
	const joined = await formPost(base, `/join/${code}?/name`, { name });
	if (joined.status !== 303) throw new Error(`join as ${name} answered ${joined.status}`);
	return sessionCookie(joined);
}

/** The content pack's quiz, as the start form names it. */
export const PACK_QUIZ = 'mexico-says-no-to-us-troops/quiz-mexico-attribution';

/** Starts a teacher-paced live session of `quiz` for the class (the class page's form); returns its id. */
/** @param {string} base @param {string} cookie @param {string} classId */
export async function startLive(base, cookie, classId, quiz = PACK_QUIZ) {
	const started = await formPost(base, `/teach/classes/${classId}?/startLive`, { quiz, pacing: 'teacher', names: 'none' }, cookie);
	const location = started.headers.get('location') ?? '';
	if (started.status !== 303 || !location.includes('/teach/live/')) throw new Error(`starting a live session answered ${started.status}`);
	// The controls' address may end in a fragment (#controls): the id is the path's last part.
	return String(new URL(location, base).pathname.split('/').pop());
}

/**
 * The teacher's command, as the controls send it with JavaScript (the action's result, not
 * a page), on the state the teacher saw (`version`). Throws with the refusal's message.
 */
/** @param {string} base @param {string} cookie @param {string} sid @param {string} type @param {number} version */
export async function command(base, cookie, sid, type, version, timeoutMs = 20_000) {
	const response = await fetch(new URL(`/teach/live/${sid}?/command`, base), {
		method: 'POST',
		headers: {
			origin: new URL(base).origin,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded',
			cookie
		},
		body: new URLSearchParams({ command: type, version: String(version), confirm: 'yes' }).toString(),
		signal: AbortSignal.timeout(timeoutMs)
	});
	const result = await response.json().catch(() => ({}));
	if (result.type !== 'success') throw new Error(`command ${type} (version ${version}): ${response.status} ${JSON.stringify(result).slice(0, 300)}`);
}

/**
 * The question a student's live page shows now: its id (the answer form's hidden field)
 * and a valid answer's fields, as the form would send them (the first option, or for
 * find-the-evidence the first sentence offered).
 * @param {string} base @param {string} cookie @param {string} sid
 */
export async function questionOnPage(base, cookie, sid) {
	const html = await (await fetch(new URL(`/me/live/${sid}`, base), { headers: { cookie }, signal: AbortSignal.timeout(20_000) })).text();
	const id = /name="question" value="([^"]+)"/.exec(html)?.[1];
	if (!id) throw new Error(`no question on the student's page: ${html.slice(0, 200)}`);
	const sentence = /name="sentence"[^>]* value="([^"]+)"/.exec(html)?.[1];
	/** @type {Record<string, string>} */
	const fields = sentence ? { sentence } : { choice: '0' };
	return { id: id.replace(/&amp;/g, '&'), fields };
}
