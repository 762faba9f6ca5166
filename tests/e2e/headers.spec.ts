/**
 * What a school's security review reads off the wire: the page cache cannot be poisoned
 * through the Host header, every response (pages, exports, static files) carries the
 * security headers, pages get a script policy without 'unsafe-inline', and nothing said
 * to a signed-in browser may be stored.
 */
import http from 'node:http';
import { RESPONSE_HEADERS } from '../../scripts/security-headers.js';
import { startApp, type AppProcess } from './app-process';
import { expect, POLICY_REFUSAL, READER, test } from './fixtures';
import { seed, type Seeded } from './http-seed';

let app: AppProcess;
let seeded: Seeded;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	app = await startApp();
	expect(await app.ready).toBe(true);
	seeded = await seed(app.url);
});

test.afterAll(async () => app?.stop());

/** A GET with a Host header of our choosing, which fetch and Playwright would not send. */
function getWithHost(path: string, host: string): Promise<string> {
	return new Promise((resolve, reject) => {
		http
			.get(new URL(path, app.url), { headers: { host } }, (res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () => resolve(body));
			})
			.on('error', reject);
	});
}

/** The headers every response must carry, whatever it is. */
function expectSecurityHeaders(headers: Record<string, string>, what: string) {
	for (const [name, value] of Object.entries(RESPONSE_HEADERS)) {
		if (name === 'Content-Security-Policy') continue;
		expect(headers[name.toLowerCase()], `${name} on ${what}`).toBe(value);
	}
	expect(headers['permissions-policy'], what).toContain('camera=()');
	expect(headers['permissions-policy'], what).toContain('microphone=()');
	expect(headers['permissions-policy'], what).toContain('geolocation=()');
}

/** A Content-Security-Policy header as directive → sources. */
function directives(policy: string | undefined): Map<string, string[]> {
	return new Map((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

test('a forged Host header never decides what later visitors get', async () => {
	// The first request to each public page in this fresh app comes with a made-up Host.
	for (const path of [`${READER}/annotations.jsonld`, READER, `${READER}/claims`, `${READER}/text.txt`]) {
		const forged = await getWithHost(path, 'evil.example');
		if (path.endsWith('.jsonld')) expect(forged, 'the forger may see their own host').toContain('http://evil.example/');
		// The pages hold no other address built from the Host, forged or not.
		else expect(forged, path).not.toContain('evil.example');

		const normal = await (await fetch(new URL(path, app.url))).text();
		expect(normal, path).not.toContain('evil.example');
		const again = await (await fetch(new URL(path, app.url))).text();
		expect(again, path).toBe(normal);
	}
	const collection = await (await fetch(new URL(`${READER}/annotations.jsonld`, app.url))).json();
	expect(collection.id).toBe(`${app.url}${READER}/annotations.jsonld`);
});

test('a page carries the security headers and a script policy without unsafe-inline', async () => {
	const page = await seeded.anonymous.get(READER);
	expect(page.status()).toBe(200);
	expectSecurityHeaders(page.headers(), 'the reader');
	const csp = directives(page.headers()['content-security-policy']);
	expect(csp.get('script-src')).toContain("'self'");
	expect(csp.get('script-src')?.some((s) => s.startsWith("'sha256-"))).toBe(true);
	for (const name of ['default-src', 'script-src', 'script-src-elem', 'script-src-attr']) {
		expect(csp.get(name) ?? [], name).not.toContain("'unsafe-inline'");
	}
	expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
	expect(csp.get('object-src')).toEqual(["'none'"]);
	expect(csp.get('base-uri')).toEqual(["'self'"]);
	expect(csp.get('form-action')).toEqual(["'self'"]);
	expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
});

test('a page revalidated by the browser keeps its own policy: the 304 sends none to replace it', async () => {
	const page = await fetch(new URL(READER, app.url));
	const etag = page.headers.get('etag');
	expect(etag, 'pages carry an ETag, so browsers revalidate them').toBeTruthy();
	const revalidated = await fetch(new URL(READER, app.url), { headers: { 'if-none-match': etag! } });
	expect(revalidated.status).toBe(304);
	// A browser replaces the stored page's headers with the 304's.
	expect(revalidated.headers.get('content-security-policy')).toBeNull();
	expect(revalidated.headers.get('x-content-type-options')).toBe('nosniff');
});

test('static files carry them too: a script the page loads and the favicon', async () => {
	const html = await (await seeded.anonymous.get(READER)).text();
	const asset = html.match(/(_app\/immutable\/[^"'\s)]+\.js)/)?.[1];
	expect(asset, 'the page loads a script from /_app/immutable/').toBeTruthy();
	for (const path of [`/${asset}`, '/favicon.svg']) {
		const file = await seeded.anonymous.get(path);
		expect(file.status(), path).toBe(200);
		expectSecurityHeaders(file.headers(), path);
		expect(file.headers()['content-security-policy'], path).toBe(RESPONSE_HEADERS['Content-Security-Policy']);
	}
});

/** The class's and the assignment's downloads, each only for the teacher who owns them. */
const exports = () => [
	`/teach/classes/${seeded.classA.id}/export.csv`,
	`/teach/classes/${seeded.classA.id}/export.json`,
	`/teach/classes/${seeded.classA.id}/assignments/${seeded.assignmentA}/results.csv`
];

test('exports carry them, with a policy that lets them load and run nothing', async () => {
	for (const path of exports()) {
		const exported = await seeded.admin.get(path);
		expect(exported.status(), path).toBe(200);
		expectSecurityHeaders(exported.headers(), path);
		expect(exported.headers()['content-security-policy'], path).toBe(RESPONSE_HEADERS['Content-Security-Policy']);
	}
});

test('class exports may not be stored anywhere', async () => {
	for (const path of exports()) {
		const exported = await seeded.admin.get(path);
		expect(exported.status(), path).toBe(200);
		expect(exported.headers()['cache-control'], path).toBe('private, no-store');
	}
});

test('signed-in pages, a teacher’s or a student’s, may not be stored anywhere', async () => {
	const pages = [
		{ who: seeded.admin, path: '/teach' },
		{ who: seeded.admin, path: `/teach/classes/${seeded.classA.id}` },
		{ who: seeded.admin, path: `/teach/classes/${seeded.classA.id}/join-screen` },
		// A public page shows who is signed in, in its header.
		{ who: seeded.admin, path: READER },
		{ who: seeded.studentA, path: '/me' },
		{ who: seeded.studentA, path: `/me/assignments/${seeded.assignmentA}` }
	];
	for (const { who, path } of pages) {
		const response = await who.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['content-type'], path).toContain('text/html');
		expect(response.headers()['cache-control'], path).toBe('private, no-store');
	}
});

test('an event stream keeps its own no-store, with no-transform, so no proxy holds events back', async () => {
	const abort = new AbortController();
	const cookie = (await seeded.admin.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	const stream = await fetch(`${app.url}/teach/classes/${seeded.classA.id}/join-screen/events`, { headers: { cookie }, signal: abort.signal });
	expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
	expect(stream.headers.get('cache-control')).toContain('no-store');
	expect(stream.headers.get('cache-control')).toContain('no-transform');
	abort.abort();
});

test('public pages for visitors without cookies keep their caching', async () => {
	for (const path of [READER, `${READER}/claims`, `${READER}/annotations.jsonld`]) {
		const response = await fetch(new URL(path, app.url));
		expect(response.status, path).toBe(200);
		expect(response.headers.get('cache-control'), path).toBeNull();
	}
});

test('the policy blocks nothing the reader, the join screen and the quiz editor use', async ({ browser }) => {
	const refused: string[] = [];
	const open = async (who: typeof seeded.admin) => {
		const context = await browser.newContext({ baseURL: app.url, storageState: await who.storageState() });
		context.on('console', (message) => {
			if (POLICY_REFUSAL.test(message.text())) refused.push(message.text());
		});
		return { context, page: await context.newPage() };
	};

	const teacher = await open(seeded.admin);
	const page = teacher.page;
	await page.goto(READER);
	await page.getByRole('link', { name: /Mexico must do more to protect Americans/ }).click();
	// The panel only opens in place when the page's scripts run.
	await expect(page.getByRole('complementary', { name: /Claim \d+ and its notes/ })).toBeVisible();

	await page.goto(`/teach/classes/${seeded.classA.id}/join-screen`);
	const qr = page.getByRole('img', { name: /QR code that opens/ });
	await expect(qr).toBeVisible();
	expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

	// An enhanced form action, into the quiz editor.
	const packTitle = 'Who Said That? Checking the Mexico Troops Story';
	await page.goto('/teach/quizzes');
	await page.getByRole('link', { name: packTitle }).click();
	await page.getByRole('button', { name: 'Copy to edit' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `${packTitle} (copy)` })).toBeVisible();
	await teacher.context.close();

	const student = await open(seeded.studentA);
	await student.page.goto('/me');
	await expect(student.page.getByRole('heading', { level: 1 })).toBeVisible();
	await student.context.close();

	expect(refused).toEqual([]);
});
