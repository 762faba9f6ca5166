/**
 * What /healthz answers: whether the database answers a real query now. A load balancer
 * or a monitor polls it, so it says nothing about anyone: the engine, the number of
 * migrations applied, and when the database does not answer, a short reason.
 */
import type { DatabaseHandle } from './db/database';

/** A database that takes longer than this is as good as down for a health check. */
export const HEALTH_TIMEOUT_MS = 2_000;

export type Health =
	| { status: 'ok'; database: 'sqlite' | 'postgres'; migrations: number }
	| { status: 'unavailable'; database: 'sqlite' | 'postgres'; reason: string };

/** Asks the database for its migration count, giving up after `timeoutMs`. */
export async function checkHealth(handle: DatabaseHandle, timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
	});
	try {
		const { migrations } = await Promise.race([handle.health(), timeout]);
		return { status: 'ok', database: handle.engine, migrations };
	} catch (error) {
		// Only the kind of failure: a driver's message can name hosts, users or files.
		const reason = error instanceof Error && error.message.startsWith('no answer') ? error.message : 'the database did not answer the query';
		return { status: 'unavailable', database: handle.engine, reason };
	} finally {
		clearTimeout(timer);
	}
}
