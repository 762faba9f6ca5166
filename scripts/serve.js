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

const { handler } = await import('../build/handler.js');

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

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

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' ? 'localhost' : host;
	console.log(`Attribution Lab is ready at http://${shown}:${port}`);
});

function stop() {
	server.close(() => process.exit(0));
	server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
