/**
 * HTTP requests from a chosen loopback address (127.0.0.2, 127.0.0.3 …), so one test
 * can act as many visitors: the kit's limits count per client address. Playwright's
 * request contexts cannot bind a local address; node:http can.
 */
import { request } from 'node:http';

export interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	/** `name=value` pairs from Set-Cookie, for the next request's Cookie header. */
	cookies: Record<string, string>;
}

/** Sends one request from `from` to `baseURL + path`, as a browser's form post would (same Origin, asking for HTML). */
export function fromAddress(
	from: string,
	baseURL: string,
	path: string,
	options: { form?: Record<string, string>; cookie?: string; headers?: Record<string, string> } = {}
): Promise<Answer> {
	const url = new URL(path, baseURL);
	const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{
				method: body === undefined ? 'GET' : 'POST',
				localAddress: from,
				headers: {
					origin: url.origin,
					accept: 'text/html',
					...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }),
					...(options.cookie ? { cookie: options.cookie } : {}),
					...options.headers
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => {
					const cookies: Record<string, string> = {};
					for (const line of res.headers['set-cookie'] ?? []) {
						const [pair] = line.split(';');
						const eq = pair.indexOf('=');
						cookies[pair.slice(0, eq)] = pair.slice(eq + 1);
					}
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, cookies });
				});
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

/** `count` loopback addresses starting at 127.0.`block`.1, one per pretend visitor. */
export function loopbacks(block: number, count: number): string[] {
	return Array.from({ length: count }, (_, i) => `127.0.${block}.${i + 1}`);
}
