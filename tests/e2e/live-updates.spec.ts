/**
 * The live-update transport as a teacher meets it: the join screen on the projector
 * changes as students join and as the teacher changes the code on another screen, over
 * one event stream and with no polling.
 */
import { startApp, type AppProcess } from './app-process';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { joinChoices, post, seed, type Seeded } from './http-seed';

let app: AppProcess;
let seeded: Seeded;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url, { assignment: false });
});

test.afterAll(async () => app?.stop());

test('the join screen shows joins and a new code as they happen, without polling', async ({ browser }) => {
	const context = await browser.newContext({ baseURL: app.url });
	await context.addCookies((await seeded.admin.storageState()).cookies);
	const page = await context.newPage();
	const dataRequests: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('__data.json')) dataRequests.push(r.url());
	});
	await page.goto(`/teach/classes/${seeded.classA.id}/join-screen`);
	await expect(page.getByRole('status')).toHaveText('1 student has joined');
	await expect(page.getByText('Reconnecting…')).toHaveCount(0);

	// Quiet: nothing is fetched while nothing changes (the old screen polled every 5 s).
	await page.waitForTimeout(6_000);
	expect(dataRequests).toEqual([]);

	// Amir joins on his own device.
	const amir = seeded.anonymous;
	const ids = await joinChoices(amir, seeded.classA.code);
	await post(amir, `/join/${seeded.classA.code}?/pick`, { student: ids['Amir'] });
	await expect(page.getByRole('status')).toHaveText('2 students have joined', { timeout: 5_000 });

	// The teacher makes a new code from the class page on another screen.
	await post(seeded.admin, `/teach/classes/${seeded.classA.id}?/regenerate`, {}, 200);
	const exported = await (await seeded.admin.get(`/teach/classes/${seeded.classA.id}/export.json`)).json();
	const newCode: string = exported.class.joinCode;
	expect(newCode).not.toBe(seeded.classA.code);
	await expect(page.getByLabel(`Code ${newCode.split('').join(' ')}`)).toBeVisible({ timeout: 5_000 });
	await expectNoAxeViolations(page, true);
	await context.close();
});

test('the event stream is neither compressed nor buffered, and starts with the current state', async () => {
	const abort = new AbortController();
	const response = await fetch(`${app.url}/teach/classes/${seeded.classB.id}/join-screen/events`, {
		headers: { cookie: (await seeded.otherTeacher.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'accept-encoding': 'gzip, br' },
		signal: abort.signal
	});
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
	expect(response.headers.get('content-encoding')).toBeNull();
	expect(response.headers.get('x-accel-buffering')).toBe('no');
	const reader = response.body!.getReader();
	let text = '';
	while (!text.includes('\n\ndata') && !/data: .*\n\n/.test(text)) {
		const { value, done } = await reader.read();
		if (done) break;
		text += new TextDecoder().decode(value);
	}
	const data = JSON.parse(/^data: (.*)$/m.exec(text)![1]);
	expect(data).toMatchObject({ name: 'Class B', joined: 1, archived: false });
	expect(JSON.stringify(data)).not.toContain('Ben');
	abort.abort();
});
