import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { startDatabase } from '$lib/server/app-db';
import { ContentPackError } from '$lib/server/content/read-pack';

export const init: ServerInit = async () => {
	try {
		await startDatabase();
	} catch (error) {
		if (error instanceof ContentPackError) {
			// A broken pack is an editing mistake: say where, and stop before serving anything.
			console.error(`\n${error.message}\n`);
			process.exit(1);
		}
		throw error;
	}
};

/** Security headers every page gets. */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

export const handle = sequence(securityHeaders);
