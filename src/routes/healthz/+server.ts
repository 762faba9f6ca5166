import { json } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { checkHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

/** The database's state for load balancers and monitors: 200 when it answers, 503 when not. Never cached. */
export const GET: RequestHandler = async () => {
	const health = await checkHealth(appDb());
	return json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
