/**
 * Two app servers on one PostgreSQL behind nginx behave as one kit: the projector and the
 * teacher's controls on server A, a student's phone on server B. The student's answer on
 * B reaches the projector on A (PostgreSQL LISTEN/NOTIFY), and the teacher's reveal on A
 * reaches the student on B, each over its own event stream, with no reload.
 */
import type { BrowserContext } from '@playwright/test';
import { startCluster } from '../cluster/cluster.js';
import { command, joinAs, seedAdmin, seedClass, startLive } from '../cluster/seed.js';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 90_000 });

/** A browser context signed in with `cookie` (`name=value`) on `url`'s host. */
async function signedIn(context: BrowserContext, url: string, cookie: string) {
	const [name, value] = cookie.split('=');
	await context.addCookies([{ name, value, url }]);
}

test('a student on server B answers, the projector on A counts it; the teacher on A reveals, the student on B sees it', async ({ browser }) => {
	const cluster = await startCluster({ env: { RATE_LIMIT_SCALE: '100' } });
	const [serverA, serverB] = cluster.servers.map((s) => s.url);
	const contexts: BrowserContext[] = [];
	try {
		// Seeded through nginx, as a school's devices would reach the kit.
		const { cookie: teacher } = await seedAdmin(cluster.url);
		const cls = await seedClass(cluster.url, teacher, 'Two servers');
		const student = await joinAs(cluster.url, cls.code, 'Ana');
		const sid = await startLive(cluster.url, teacher, cls.id);
		await command(cluster.url, teacher, sid, 'start', 0);

		const teacherContext = await browser.newContext({ baseURL: serverA });
		const studentContext = await browser.newContext({ baseURL: serverB });
		contexts.push(teacherContext, studentContext);
		await signedIn(teacherContext, serverA, teacher);
		await signedIn(studentContext, serverB, student);
		const projector = await teacherContext.newPage();
		const controls = await teacherContext.newPage();
		const phone = await studentContext.newPage();

		await projector.goto(`/teach/live/${sid}/projector`);
		await expect(projector.getByText('Question 1', { exact: false }).first()).toBeVisible();
		await phone.goto(`/me/live/${sid}`);
		await expect(phone.getByText('Question 1 of', { exact: false })).toBeVisible();
		// Her joining on B reaches the projector on A too.
		await expect(projector.getByText('0 of 1 student answered')).toBeVisible({ timeout: 10_000 });
		await phone.getByRole('radio').first().check();
		await phone.getByRole('button', { name: 'Save answer' }).click();
		await expect(phone.getByRole('status').filter({ hasText: 'Answer saved.' })).toBeVisible();

		// Server B saved it; server A's projector hears of it through PostgreSQL.
		await expect(projector.getByText('1 of 1 student answered')).toBeVisible({ timeout: 10_000 });

		await controls.goto(`/teach/live/${sid}`);
		await controls.getByRole('button', { name: 'Reveal the answer' }).click();
		// The student's phone on B follows the reveal made on A, with no reload.
		await expect(phone.getByText(/the most possible/)).toBeVisible({ timeout: 10_000 });
		await expect(projector.getByText('The answer', { exact: true })).toBeVisible({ timeout: 10_000 });
	} finally {
		for (const context of contexts) await context.close();
		await cluster.stop();
	}
});
