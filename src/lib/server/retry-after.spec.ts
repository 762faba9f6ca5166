import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { noteRetryAfter, retryAfterHeader } from './retry-after';
import { attempt, orError } from './auth/guards';
import { TooManyAttempts } from './auth/rate-limit';

/** Runs the handle around `body`, which stands for the rest of the request. */
async function handled(body: () => Promise<Response>) {
	const resolve = () => body();
	return retryAfterHeader({ event: {} as RequestEvent, resolve } as Parameters<typeof retryAfterHeader>[0]);
}

describe('Retry-After', () => {
	it('carries the wait of an action refused by a limiter', async () => {
		const response = await handled(async () => {
			const result = await attempt('signin', {}, async () => {
				throw new TooManyAttempts(61_500);
			});
			return new Response('refused', { status: result?.status });
		});
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('62');
	});

	it('carries the wait of a load refused by a limiter', async () => {
		const response = await handled(async () => {
			await orError(async () => {
				throw new TooManyAttempts(4_000);
			}).catch((e: { status: number }) => expect(e.status).toBe(429));
			return new Response('refused', { status: 429 });
		});
		expect(response.headers.get('retry-after')).toBe('4');
	});

	it('is on every 429, and on the JSON an enhanced form gets for a refusal, not on other answers', async () => {
		expect((await handled(async () => new Response('', { status: 429 }))).headers.get('retry-after')).toMatch(/^\d+$/);
		const enhanced = await handled(async () => {
			noteRetryAfter(30);
			return Response.json({ type: 'failure', status: 429 });
		});
		expect(enhanced.headers.get('retry-after')).toBe('30');
		expect((await handled(async () => Response.json({ type: 'success' }))).headers.has('retry-after')).toBe(false);
		expect((await handled(async () => new Response('fine'))).headers.has('retry-after')).toBe(false);
	});
});
