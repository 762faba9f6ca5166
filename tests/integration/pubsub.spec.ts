import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/database';
import type { Subscriber } from '../../src/lib/server/db/pubsub';
import { ENGINE, freshDatabase } from '../fixtures/database';

/** A subscriber that records what it hears and how often it was told to resync. */
function recorder() {
	const heard: string[] = [];
	let resyncs = 0;
	const waiters: (() => void)[] = [];
	const subscriber: Subscriber = {
		message(text) {
			heard.push(text);
			waiters.splice(0).forEach((wake) => wake());
		},
		resync() {
			resyncs++;
			waiters.splice(0).forEach((wake) => wake());
		}
	};
	/** Resolves once `check` holds, or fails after `ms`. */
	async function until(check: () => boolean, ms = 5_000) {
		const deadline = Date.now() + ms;
		while (!check()) {
			if (Date.now() > deadline) throw new Error(`Timed out; heard ${JSON.stringify(heard)}, ${resyncs} resyncs`);
			await new Promise<void>((wake) => {
				waiters.push(wake);
				setTimeout(wake, 50);
			});
		}
	}
	return { subscriber, heard, until, get resyncs() {
		return resyncs;
	} };
}

describe(`publish/subscribe on ${ENGINE}`, () => {
	let handle: DatabaseHandle;

	beforeEach(async () => {
		handle = await freshDatabase();
	});
	afterEach(async () => handle.close());

	it('delivers a message to every subscriber of its topic, and to no other', async () => {
		const a = recorder();
		const b = recorder();
		const other = recorder();
		await handle.pubsub.subscribe('class:one', a.subscriber);
		await handle.pubsub.subscribe('class:one', b.subscriber);
		await handle.pubsub.subscribe('class:two', other.subscriber);
		await handle.pubsub.publish('class:one', '{"joined":3}');
		await a.until(() => a.heard.length === 1);
		await b.until(() => b.heard.length === 1);
		expect(a.heard).toEqual(['{"joined":3}']);
		expect(b.heard).toEqual(['{"joined":3}']);
		await new Promise((wait) => setTimeout(wait, 100));
		expect(other.heard).toEqual([]);
	});

	it('stops delivering once unsubscribed, and keeps delivering to the others', async () => {
		const a = recorder();
		const b = recorder();
		const stopA = await handle.pubsub.subscribe('t', a.subscriber);
		await handle.pubsub.subscribe('t', b.subscriber);
		stopA();
		await handle.pubsub.publish('t', 'after');
		await b.until(() => b.heard.length === 1);
		await new Promise((wait) => setTimeout(wait, 100));
		expect(a.heard).toEqual([]);
	});

	it('carries a message larger than a NOTIFY payload whole', async () => {
		const a = recorder();
		await handle.pubsub.subscribe('big', a.subscriber);
		const large = JSON.stringify({ words: 'ñ'.repeat(12_000) });
		await handle.pubsub.publish('big', large);
		await a.until(() => a.heard.length === 1);
		expect(a.heard[0]).toBe(large);
	});

	it('refuses a topic that could not be a channel name', async () => {
		await expect(handle.pubsub.publish('no spaces allowed', 'x')).rejects.toThrow(/topic/);
		await expect(handle.pubsub.subscribe('"; drop table x', recorder().subscriber)).rejects.toThrow(/topic/);
	});

	// Several app servers exist only on PostgreSQL; SQLite is one server per file.
	if (ENGINE !== 'postgres') return;

	it('reaches a second app server on the same database, both ways', async () => {
		const second = await openDatabase(process.env.TEST_DATABASE_URL);
		try {
			const onFirst = recorder();
			const onSecond = recorder();
			await handle.pubsub.subscribe('session:s1', onFirst.subscriber);
			await second.pubsub.subscribe('session:s1', onSecond.subscriber);
			await second.pubsub.publish('session:s1', 'from B');
			await handle.pubsub.publish('session:s1', 'from A');
			await onFirst.until(() => onFirst.heard.length === 2);
			await onSecond.until(() => onSecond.heard.length === 2);
			expect(onFirst.heard.sort()).toEqual(['from A', 'from B']);
			expect(onSecond.heard.sort()).toEqual(['from A', 'from B']);
		} finally {
			await second.close();
		}
	});

	it('resyncs and listens again after its listening connection is killed', async () => {
		const a = recorder();
		await handle.pubsub.subscribe('session:s2', a.subscriber);
		const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
		try {
			// Kill every backend that is LISTENing, as a failover or a restarted pooler would.
			await admin`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen%' and pid <> pg_backend_pid()`;
			await a.until(() => a.resyncs >= 1, 20_000);
			await handle.pubsub.publish('session:s2', 'after the loss');
			await a.until(() => a.heard.includes('after the loss'), 10_000);
		} finally {
			await admin.end();
		}
	}, 30_000);
});
