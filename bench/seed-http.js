// Seeding a fresh app through its own forms over plain fetch (no browser), for benches
// and harnesses that run outside Playwright: an admin, open-join classes and signed-in
// student devices.

/** Posts a form as a browser on the page would (same Origin, asking for HTML). */
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
export function sessionCookie(response) {
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lab_session='));
	if (!cookie) throw new Error(`no session cookie (status ${response.status})`);
	return cookie.split(';')[0];
}

/** The first teacher (the admin) through /setup, with sign-up open; returns their cookie. */
export async function seedAdmin(base, teacher = { name: 'Bench', email: 'bench@school.test', password: 'bench harbor lantern violet' }) {
	const setup = await formPost(base, '/setup', { ...teacher, mode: 'open' });
	if (setup.status !== 303) throw new Error(`setup answered ${setup.status}`);
	return { teacher, cookie: sessionCookie(setup) };
}

/** A class with open join; returns its id and join code. */
export async function seedClass(base, cookie, name) {
	const created = await formPost(base, '/teach?/create', { name }, cookie);
	const id = created.headers.get('location').split('/').pop();
	await formPost(base, `/teach/classes/${id}?/openJoin`, { open: 'true' }, cookie);
	const exported = await (await fetch(new URL(`/teach/classes/${id}/export.json`, base), { headers: { cookie } })).json();
	return { id, code: exported.class.joinCode };
}

/** A student joining an open-join class by typing `name` on a new device; returns the device's cookie. */
export async function joinAs(base, code, name) {
	const joined = await formPost(base, `/join/${code}?/name`, { name });
	if (joined.status !== 303) throw new Error(`join as ${name} answered ${joined.status}`);
	return sessionCookie(joined);
}
