// Simulated people in a live session, over plain HTTP (no browser): students holding the
// session's event stream and posting answers as the no-JavaScript form does, and the
// teacher's commands as the teacher's page sends them. Used by the fault tests and by
// `npm run bench live`; every wait is bounded in time.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/**
 * One event stream, reconnecting as a browser's EventSource does: after the server's
 * `retry`, with `Last-Event-ID`, until `close()`. `latest` is the last state received
 * (parsed), with the time it arrived.
 */
export class LiveStream {
	/** @type {any} */ latest = null;
	/** The last event's data as sent. */
	raw = '';
	lastId = '';
	events = 0;
	connects = 0;
	retryMs = 2000;
	closed = false;
	/** @type {http.ClientRequest | null} */ #request = null;
	/** @type {((data: any, at: number) => void)[]} */ #listeners = [];

	/** @param {string} url @param {string} cookie @param {{ retryMs?: number, onEvent?: (data: any, at: number) => void }} [options] */
	constructor(url, cookie, options = {}) {
		this.url = url;
		this.cookie = cookie;
		this.maxRetryMs = options.retryMs ?? 2000;
		if (options.onEvent) this.#listeners.push(options.onEvent);
		this.#connect();
	}

	#connect() {
		if (this.closed) return;
		const headers = /** @type {Record<string, string>} */ ({ accept: 'text/event-stream', cookie: this.cookie });
		if (this.lastId) headers['last-event-id'] = this.lastId;
		let buffer = '';
		let retried = false;
		const retry = () => {
			if (retried || this.closed) return;
			retried = true;
			setTimeout(() => this.#connect(), Math.min(this.retryMs, this.maxRetryMs));
		};
		const request = http.get(this.url, { headers, agent }, (response) => {
			if (response.statusCode !== 200) {
				response.resume();
				response.on('end', retry);
				return;
			}
			this.connects++;
			response.setEncoding('utf8');
			response.on('data', (chunk) => {
				buffer += chunk;
				let end;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					this.#block(buffer.slice(0, end));
					buffer = buffer.slice(end + 2);
				}
			});
			response.on('end', retry);
			response.on('error', retry);
			response.on('aborted', retry);
		});
		request.on('error', retry);
		this.#request = request;
	}

	/** @param {string} block */
	#block(block) {
		const data = [];
		let id = null;
		for (const line of block.split('\n')) {
			if (line.startsWith('data: ')) data.push(line.slice(6));
			else if (line.startsWith('id: ')) id = line.slice(4);
			else if (line.startsWith('retry: ')) this.retryMs = Number(line.slice(7)) || this.retryMs;
		}
		if (id !== null) this.lastId = id;
		if (data.length === 0) return;
		const at = performance.now();
		this.raw = data.join('\n');
		this.latest = JSON.parse(this.raw);
		this.events++;
		for (const listener of this.#listeners) listener(this.latest, at);
	}

	/** Resolves with the first state (now or later) for which `test` holds; rejects after `ms`. */
	waitFor(/** @type {(data: any) => boolean} */ test, ms = 10_000) {
		if (this.latest && test(this.latest)) return Promise.resolve(this.latest);
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.#listeners = this.#listeners.filter((l) => l !== listener);
				reject(new Error(`${this.url}: no matching event within ${ms} ms (last: ${JSON.stringify(this.latest)})`));
			}, ms);
			/** @param {any} data */
			const listener = (data) => {
				if (!test(data)) return;
				clearTimeout(timer);
				this.#listeners = this.#listeners.filter((l) => l !== listener);
				resolve(data);
			};
			this.#listeners.push(listener);
		});
	}

	close() {
		this.closed = true;
		this.#request?.destroy();
	}
}

/**
 * Posts a form as a browser without JavaScript does (same Origin); resolves with the
 * status and the redirect's location. `timeoutMs` bounds it.
 */
export function postForm(/** @type {string} */ url, /** @type {Record<string, string>} */ fields, cookie = '', timeoutMs = 15_000) {
	const body = new URLSearchParams(fields).toString();
	const target = new URL(url);
	return new Promise((resolve, reject) => {
		const request = http.request(
			target,
			{
				method: 'POST',
				agent,
				timeout: timeoutMs,
				headers: {
					origin: target.origin,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body),
					...(cookie ? { cookie } : {})
				}
			},
			(response) => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', (c) => (text += c));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? '', text }));
				response.on('error', reject);
			}
		);
		request.on('timeout', () => request.destroy(new Error(`${url}: no answer within ${timeoutMs} ms`)));
		request.on('error', reject);
		request.end(body);
	});
}

/**
 * A student's answer to `questionId` with the answer form's `fields` (option positions are
 * shuffled per student, and any is valid). Acknowledged when the server answers 303 (saved).
 * @param {string} base @param {string} cookie @param {string} sid @param {string} questionId @param {Record<string, string>} fields
 */
export async function answer(base, cookie, sid, questionId, fields) {
	const result = /** @type {{ status: number, location: string, text: string }} */ (
		await postForm(`${base}/me/live/${sid}?/answer`, { question: questionId, ...fields }, cookie)
	);
	return { acknowledged: result.status === 303, status: result.status, text: result.text };
}
