/**
 * Wrong codes, duplicate names, oversized lists, forged ids and brute force: each gets a
 * clear message and a 4xx, and nothing already saved is lost.
 */
import { startApp, type AppProcess } from './app-process';
import { expect, test } from './fixtures';
import { client, joinChoices, post, seed, type Seeded } from './http-seed';

let app: AppProcess;
let s: Seeded;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	s = await seed(app.url);
});
test.afterAll(async () => app?.stop());

/** Posts a form and checks the status and that the message is on the page. */
async function refused(ctx: Awaited<ReturnType<typeof client>>, path: string, form: Record<string, string>, status: number, message: string | RegExp) {
	const response = await ctx.post(path, { form });
	const html = await response.text();
	expect(response.status(), html.slice(0, 200)).toBe(status);
	expect(html).toMatch(message);
}

async function rosterNames(): Promise<string[]> {
	const data = await (await s.admin.get(`/teach/classes/${s.classA.id}/export.json`)).json();
	return data.students.map((x: { displayName: string }) => x.displayName);
}

test('wrong, malformed and closed class codes', async () => {
	const visitor = await client(app.url);
	await refused(visitor, '/join?/code', { code: 'ZZZZZZ' }, 404, /That class code is not right/);
	await refused(visitor, '/join?/code', { code: 'ab' }, 400, /A class code has 6 letters and numbers/);
	await refused(visitor, '/join?/code', { code: 'O0I1L!' }, 400, /A class code has 6 letters and numbers/);
	expect((await visitor.get('/join/ZZZZZZ')).status()).toBe(404);

	await post(s.otherTeacher, `/teach/classes/${s.classB.id}?/archive`, { archived: 'true' }, 200);
	await refused(visitor, '/join?/code', { code: s.classB.code }, 410, /That class is closed/);
	expect((await visitor.get(`/join/${s.classB.code}`)).status()).toBe(410);
	await post(s.otherTeacher, `/teach/classes/${s.classB.id}?/archive`, { archived: 'false' }, 200);
});

test('names already taken, and forged student ids', async () => {
	const visitor = await client(app.url);
	// Ana already joined on her device: picking her again needs a rejoin code.
	await refused(visitor, `/join/${s.classA.code}?/pick`, { student: s.classA.studentIds['Ana'] }, 409, /already joined on another device/);
	// A student id from another class, or made up, is not in this class.
	await refused(visitor, `/join/${s.classA.code}?/pick`, { student: s.classB.studentIds['Bea'] }, 404, /no such student/);
	await refused(visitor, `/join/${s.classA.code}?/pick`, { student: 'x'.repeat(60) }, 404, /no such student/);
	// Typing a name is only for classes with open join; then duplicates are refused.
	await refused(visitor, `/join/${s.classA.code}?/name`, { name: 'Zoe' }, 403, /Pick yours from the list/);
	await post(s.admin, `/teach/classes/${s.classA.id}?/openJoin`, { open: 'true' }, 200);
	await refused(visitor, `/join/${s.classA.code}?/name`, { name: '  amir ' }, 409, /The name “amir” is already taken in this class. If it.s yours, pick it from the list/);
	await refused(visitor, `/join/${s.classA.code}?/name`, { name: '<script>' }, 400, /cannot contain/);
	await refused(visitor, `/join/${s.classA.code}?/name`, { name: 'x'.repeat(41) }, 400, /at most 40 characters/);
	await refused(s.admin, `/teach/classes/${s.classA.id}?/renameStudent`, { student: s.classA.studentIds['Amir'], name: 'ana' }, 409, /The name “ana” is already taken/);
	expect(await rosterNames()).toEqual(['Amir', 'Ana']);
});

test('oversized and empty rosters are refused without losing the class list', async () => {
	const before = await rosterNames();
	await refused(s.admin, `/teach/classes/${s.classA.id}?/roster`, { names: 'A name\n'.repeat(2000) }, 413, /too long/);
	const many = Array.from({ length: 199 }, (_, i) => `Student ${i}`).join('\n');
	await refused(s.admin, `/teach/classes/${s.classA.id}?/roster`, { names: many }, 413, /at most 200 students/);
	await refused(s.admin, `/teach/classes/${s.classA.id}?/roster`, { names: '\n  \n' }, 400, /at least one name/);
	await refused(s.admin, `/teach/classes/${s.classA.id}?/roster`, { names: 'Ana\nana' }, 400, /already on the list/);
	expect(await rosterNames()).toEqual(before);
});

test('wrong, used and malformed rejoin codes', async () => {
	const visitor = await client(app.url);
	await refused(visitor, '/join?/rejoin', { rejoin: 'ABCDEFGH' }, 400, /not right or has expired/);
	await refused(visitor, '/join?/rejoin', { rejoin: '123' }, 400, /8 letters and numbers/);
});

test('a teacher cannot join as a student from the same browser', async () => {
	await refused(s.admin, '/join?/code', { code: s.classA.code }, 403, /signed in as a teacher/);
});

test('repeated wrong passwords lock the account for a while and say how long', async () => {
	const attacker = await client(app.url);
	for (let i = 0; i < 10; i++) {
		await refused(attacker, '/signin', { email: 'ada@school.test', password: `wrong guess ${i}` }, 400, /do not match/);
	}
	await refused(attacker, '/signin', { email: 'ada@school.test', password: 'wrong again' }, 429, /Please wait \d+ minutes? and try again/);
	// Even the right password waits, so guessing cannot continue; other accounts are unaffected.
	await refused(attacker, '/signin', { email: 'ada@school.test', password: 'harbor lantern violet' }, 429, /Please wait/);
	await post(attacker, '/signin', { email: 'olu@school.test', password: 'meadow copper tunnel' });
});

test('a form body that cannot be read is a 400, not a 500', async () => {
	const visitor = await client(app.url);
	const response = await visitor.post('/join?/code', {
		headers: { 'content-type': 'multipart/form-data; boundary=x' },
		data: 'not a multipart body'
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('That form could not be read');
});

test('one device holds one seat per class', async () => {
	const device = await client(app.url);
	await post(s.admin, `/teach/classes/${s.classA.id}?/roster`, { names: 'Cleo\nDev' }, 200);
	const ids = await joinChoices(device, s.classA.code);
	await post(device, `/join/${s.classA.code}?/pick`, { student: ids['Cleo'] });
	await refused(device, `/join/${s.classA.code}?/pick`, { student: ids['Dev'] }, 409, /already in this class as Cleo/);
	// The device is shown its seat instead of the list; Dev's name is still free for Dev.
	expect(await joinChoices(device, s.classA.code)).toEqual({});
	expect(Object.keys(await joinChoices(s.anonymous, s.classA.code))).toContain('Dev');
});

test('guessing codes, on the form or through the name-list page, is limited', async () => {
	const guesser = await client(app.url);
	expect(Object.keys(await joinChoices(guesser, s.classA.code))).toContain('Amir');
	// Earlier tests spent a few wrong codes from this address; keep guessing until refused.
	let status = 0;
	for (let i = 0; i < 250 && status !== 429; i++) {
		status = (await guesser.get(i % 2 ? '/join/ZZZZZZ' : '/join/ZZZZZY')).status();
		if (status === 404) status = (await guesser.post('/join?/code', { form: { code: 'ZZZZZX' } })).status();
	}
	expect(status).toBe(429);
	await refused(guesser, '/join?/code', { code: s.classA.code }, 429, /Please wait/);
	expect((await guesser.get(`/join/${s.classA.code}`)).status()).toBe(429);
});
