import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/database';
import { forgetSetupTokens, issueSetupToken, maySetUp } from '../../src/lib/server/setup-gate';
import { ENGINE, freshDatabase } from '../fixtures/database';

const PHONE = '192.168.1.20';

describe(`the setup gate on ${ENGINE}`, () => {
	let handle: DatabaseHandle;

	beforeEach(async () => {
		handle = await freshDatabase();
	});
	afterEach(async () => handle.close());

	it('lets the computer running the kit in without a token', async () => {
		expect(await maySetUp(handle, '127.0.0.1', '')).toBe(true);
		expect(await maySetUp(handle, '::1', '')).toBe(true);
	});

	it('lets another device in only with a printed token, and keeps only its hash', async () => {
		const token = await issueSetupToken(handle);
		expect(await maySetUp(handle, PHONE, '')).toBe(false);
		expect(await maySetUp(handle, PHONE, 'guess')).toBe(false);
		expect(await maySetUp(handle, PHONE, token.slice(0, -1))).toBe(false);
		expect(await maySetUp(handle, PHONE, token)).toBe(true);
		const rows = await handle.db.select().from(handle.tables.settings);
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	it('honours a token printed by another app server on the same database', async () => {
		// Two servers started: each printed its own link, and both links work on either.
		const first = await issueSetupToken(handle);
		const second = await issueSetupToken(handle);
		expect(await maySetUp(handle, PHONE, first)).toBe(true);
		expect(await maySetUp(handle, PHONE, second)).toBe(true);
		if (ENGINE === 'postgres') {
			const other = await openDatabase(process.env.TEST_DATABASE_URL);
			try {
				expect(await maySetUp(other, PHONE, first)).toBe(true);
			} finally {
				await other.close();
			}
		}
	});

	it('forgets every token once setup is done', async () => {
		const token = await issueSetupToken(handle);
		await forgetSetupTokens(handle);
		expect(await maySetUp(handle, PHONE, token)).toBe(false);
	});
});
