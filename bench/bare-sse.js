// The fan-out baseline for `npm run bench live`: a bare node:http server that holds event
// streams (GET /events) and, on POST /broadcast, writes the posted bytes to every one of
// them. No framework, no database, no checks.
import http from 'node:http';

const streams = new Set();
http
	.createServer((req, res) => {
		if (req.method === 'GET' && req.url === '/events') {
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
			res.write(`retry: 2000\n:${' '.repeat(2048)}\n\n`);
			streams.add(res);
			req.on('close', () => streams.delete(res));
			return;
		}
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			if (req.method === 'POST' && req.url === '/broadcast') {
				const bytes = Buffer.concat(chunks);
				for (const stream of streams) stream.write(bytes);
				res.end(String(streams.size));
			} else res.end(String(streams.size));
		});
	})
	.listen(Number(process.env.PORT), '127.0.0.1');
