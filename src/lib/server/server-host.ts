/**
 * What the app and the process serving it (scripts/serve.js) tell each other. The server
 * imports the built handler, so it cannot import app modules; it leaves an object under a
 * well-known global symbol before importing, and the app reads it:
 * - notices the app has for the person who started it (the one-time setup link) are held
 *   back and printed after the ready line, where a newcomer sees them;
 * - on SIGTERM the server first runs the `drain` hooks (end event streams, stop timers),
 *   waits for requests in flight, then runs the `close` hooks (the database).
 * Without that object (`vite dev`, tests) notices go straight to the console.
 */
const HOST_KEY = Symbol.for('attribution-lab.server-host');

/** The contract with scripts/serve.js; keep the two in step. */
export interface ServerHost {
	notices: string[];
	drain: Array<() => void | Promise<void>>;
	close: Array<() => void | Promise<void>>;
}

function host(): ServerHost | undefined {
	return (globalThis as Record<symbol, ServerHost | undefined>)[HOST_KEY];
}

/** Prints `message` for whoever started the kit: after the ready line when served by scripts/serve.js. */
export function announce(message: string): void {
	const h = host();
	if (h) h.notices.push(message);
	else console.log(message);
}

/** Runs `hook` when the server shuts down: `drain` before waiting for requests in flight, `close` after. */
export function onShutdown(phase: 'drain' | 'close', hook: () => void | Promise<void>): void {
	host()?.[phase].push(hook);
}
