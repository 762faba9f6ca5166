/**
 * What a school's operator sees of the server: what start-up prints last, and a clean
 * stop on SIGTERM (as systemd, Docker or a deploy sends) with a class's join screen
 * streaming and a request still arriving.
 */
import { request as httpRequest } from 'node:http';
import { startApp } from './app-process';
import { expect, test } from './fixtures';
import { seed } from './http-seed';

test('start-up ends with the ready line and then the one-time setup link, where a newcomer looks', async () => {
	const app = await startApp();
	try {
		expect(await app.ready).toBe(true);
		await expect.poll(() => app.output()).toMatch(/setup\?token=[a-z2-7]+\n$/);
		const lines = app.output().trimEnd().split('\n');
		const ready = lines.findIndex((line) => line.includes('is ready at http://127.0.0.1:'));
		expect(ready).toBeGreaterThanOrEqual(0);
		expect(lines.slice(ready + 1).join('\n')).toMatch(/^No teacher account yet\. Set up the kit at http:\/\/localhost:\d+\/setup on this computer,\n/);
		expect(lines.at(-1)).toMatch(/^ {2}http:\/\/<address>:\d+\/setup\?token=[a-z2-7]+$/);
	} finally {
		await app.stop();
	}
});

/** Opens the class's join-screen stream with `cookie` and reads up to its first event. */
async function openJoinScreen(url: string, cookie: string) {
	const response = await fetch(url, { headers: { cookie } });
	expect(response.status).toBe(200);
	const reader = response.body!.getReader();
	let received = '';
	while (!/\ndata: .*"joined"/.test(received)) {
		const { value, done } = await reader.read();
		if (done) throw new Error(`The stream ended before its first event: ${received}`);
		received += new TextDecoder().decode(value);
	}
	/** Resolves with everything after the first event once the server ends the stream. */
	const ended = (async () => {
		let rest = '';
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return rest;
			rest += new TextDecoder().decode(value);
		}
	})();
	return { ended };
}

/**
 * A form post whose body arrives in two parts: the server has the request (it is in
 * flight) until `finish` sends the rest. Resolves with the status and whole body.
 */
function slowPost(base: string, path: string, form: string) {
	const url = new URL(path, base);
	const request = httpRequest(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(form), origin: base, accept: 'text/html' }
	});
	const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
		request.on('response', (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode!, body }));
			response.on('error', reject);
		});
		request.on('error', reject);
	});
	const half = Math.floor(form.length / 2);
	request.write(form.slice(0, half));
	return { answered, finish: () => request.end(form.slice(half)) };
}

test('SIGTERM ends event streams, lets a request in flight finish, closes the database and exits 0', async () => {
	const app = await startApp();
	expect(await app.ready).toBe(true);
	const seeded = await seed(app.url);
	const { cookies } = await seeded.admin.storageState();
	const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	const stream = await openJoinScreen(`${app.url}/teach/classes/${seeded.classA.id}/join-screen/events`, cookie);
	const inFlight = slowPost(app.url, '/signin', 'email=ada%40school.test&password=not-her-password-at-all');
	// Let the server read the request's headers and start on it.
	await new Promise((resolve) => setTimeout(resolve, 500));

	const stopped = app.stop(); // sends SIGTERM
	// The stream ends (the browser reconnects, through the load balancer, elsewhere)...
	expect(await stream.ended).toBe('');
	// ...while the request that was arriving is still served, once the rest of it comes.
	await new Promise((resolve) => setTimeout(resolve, 500));
	inFlight.finish();
	const answer = await inFlight.answered;
	expect(answer.status).toBe(400);
	expect(answer.body).toContain('</html>');

	await stopped;
	expect(await app.exited).toBe(0);
	expect(app.output()).toContain('SIGTERM: finishing requests in flight');
	expect(app.output()).not.toContain('still running after');
	expect(app.output()).not.toMatch(/error/i);
});
