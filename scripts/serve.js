// Serves the built app (build/) on PORT (default 3000).
//
// adapter-node assumes https when neither ORIGIN nor PROTOCOL_HEADER is set, and a
// classroom server is usually plain http on a local address. Unless the operator has
// set one of those (as they should behind a TLS proxy), we tell the handler the truth
// through a header of our own that we always overwrite, so a client cannot forge it.
import http from 'node:http';
import compression from 'compression';
import { setSecurityHeaders } from './security-headers.js';

const INTERNAL_HEADER = 'x-attribution-lab-protocol';
const operatorDecides = Boolean(process.env.ORIGIN || process.env.PROTOCOL_HEADER);
if (!operatorDecides) process.env.PROTOCOL_HEADER = INTERNAL_HEADER;

// Shared with the app (src/lib/server/server-host.ts): notices to print after the ready
// line, and what to run on shutdown. It must exist before the handler starts the app.
const host = { notices: [], drain: [], close: [] };
globalThis[Symbol.for('attribution-lab.server-host')] = host;

const { handler } = await import('../build/handler.js');

const port = Number(process.env.PORT || 3000);
const address = process.env.HOST || '0.0.0.0';

// Pages go out gzipped when the browser asks (an annotated article is ~230 KB of HTML,
// ~30 KB compressed: it matters on classroom Wi-Fi). Static assets are precompressed.
// Event streams are never compressed: gzip holds each event back until its buffer fills.
const compress = compression({
	filter: (req, res) => !String(res.getHeader('content-type') ?? '').startsWith('text/event-stream') && compression.filter(req, res)
});

const server = http.createServer((req, res) => {
	if (!operatorDecides) req.headers[INTERNAL_HEADER] = 'http';
	// Here, so static files get them too, not only what the app renders.
	setSecurityHeaders(res);
	compress(req, res, () => handler(req, res));
});

// A classroom reconnects all at once (after a server restart, every phone's event stream
// comes back within a second or two). Node's default queue of 511 waiting connections
// overflows then: the kernel drops the rest, their connects time out, and a load balancer
// counts this server as down (bench/live.js measured it). The kernel caps this at
// net.core.somaxconn (4096 on current Linux).
const backlog = Number(process.env.LISTEN_BACKLOG) || 4096;

// Behind nginx, an idle keep-alive connection must be closed by nginx (upstream
// keepalive_timeout, 60 s by default) before this server closes it: otherwise nginx
// can send an answer down a connection Node is closing at that moment ("upstream
// prematurely closed connection"), cannot retry a POST elsewhere, counts the server as
// failed and answers 502 (bench/live.js, 210 answers in one run at 2,000 students).
// Node's default is 5 s.
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS) || 65_000;
server.headersTimeout = server.keepAliveTimeout + 1_000;

server.listen({ port, host: address, backlog }, () => {
	const shown = address === '0.0.0.0' ? 'localhost' : address;
	// Last, so a newcomer sees the address and the setup link without scrolling.
	console.log(`\nAttribution Lab is ready at http://${shown}:${port}`);
	for (const notice of host.notices.splice(0)) console.log(notice);
});

/** How long requests in flight may take to finish once the server is told to stop. */
const DRAIN_MS = Number(process.env.SHUTDOWN_GRACE_MS || 10_000);

/**
 * A clean stop: take no new connections, end event streams (browsers reconnect, through
 * the load balancer, to another server), let requests in flight finish for up to DRAIN_MS,
 * then close the database and exit 0. A second signal stops at once.
 */
let stopping = false;
async function stop(signal) {
	if (stopping) process.exit(1);
	stopping = true;
	console.log(`${signal}: finishing requests in flight (up to ${DRAIN_MS / 1000} s), then stopping.`);
	const closed = new Promise((resolve) => server.close(resolve));
	await runHooks(host.drain);
	// Keep-alive connections go as soon as they are idle, i.e. once their request is answered.
	const sweep = setInterval(() => server.closeIdleConnections(), 100);
	server.closeIdleConnections();
	const deadline = new Promise((resolve) => setTimeout(resolve, DRAIN_MS, 'timeout').unref());
	if ((await Promise.race([closed, deadline])) === 'timeout') {
		console.error(`Some requests were still running after ${DRAIN_MS / 1000} s; closing them.`);
		server.closeAllConnections();
	}
	clearInterval(sweep);
	await runHooks(host.close);
	process.exit(0);
}

async function runHooks(hooks) {
	for (const hook of hooks) {
		try {
			await hook();
		} catch (error) {
			console.error('During shutdown:', error);
		}
	}
}

process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
