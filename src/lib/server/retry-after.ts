/**
 * The Retry-After header on every 429. A refusal happens deep inside an action or load
 * (the limiter throws, attempt() or orError() turns it into the 429), far from the
 * response; this request-scoped note carries the limiter's wait out to the handle that
 * sets the header.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle } from '@sveltejs/kit';

const waits = new AsyncLocalStorage<{ seconds?: number }>();

/** Used only if a 429 comes from somewhere that gave no wait: the longest window any limit has. */
const FALLBACK_SECONDS = 900;

/** Records that this request was refused for `seconds` (the longest wait wins). */
export function noteRetryAfter(seconds: number) {
	const note = waits.getStore();
	if (note) note.seconds = Math.max(note.seconds ?? 0, Math.ceil(seconds));
}

/**
 * Sets Retry-After (in seconds) on any 429 response that has none. An enhanced form
 * (use:enhance) and client-side navigation get a limiter's refusal as a 200 whose JSON
 * says 429 (SvelteKit's choice); those carry the header too, so scripts see the wait.
 */
export const retryAfterHeader: Handle = async ({ event, resolve }) => {
	const note: { seconds?: number } = {};
	const response = await waits.run(note, () => resolve(event));
	const wrapped = note.seconds !== undefined && response.headers.get('content-type')?.startsWith('application/json');
	if ((response.status === 429 || wrapped) && !response.headers.has('retry-after')) {
		response.headers.set('Retry-After', String(note.seconds ?? FALLBACK_SECONDS));
	}
	return response;
};
