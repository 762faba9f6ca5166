import { describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './db/database';
import { checkHealth } from './health';

/** A handle whose health query does what `health` says; nothing else is used. */
const handleWith = (health: DatabaseHandle['health']) => ({ engine: 'postgres', health }) as DatabaseHandle;

describe('checkHealth', () => {
	it('reports the engine and the migrations applied when the database answers', async () => {
		expect(await checkHealth(handleWith(async () => ({ migrations: 7 })))).toEqual({ status: 'ok', database: 'postgres', migrations: 7 });
	});

	it('reports a database that refuses, without the driver’s message (it can name hosts and users)', async () => {
		const health = await checkHealth(
			handleWith(async () => {
				throw new Error('connect ECONNREFUSED 10.0.0.5:5432 user kitadmin');
			})
		);
		expect(health).toEqual({ status: 'unavailable', database: 'postgres', reason: 'the database did not answer the query' });
	});

	it('gives up on a database that does not answer in time', async () => {
		const health = await checkHealth(
			handleWith(() => new Promise(() => {})),
			50
		);
		expect(health).toEqual({ status: 'unavailable', database: 'postgres', reason: 'no answer within 50 ms' });
	});
});
