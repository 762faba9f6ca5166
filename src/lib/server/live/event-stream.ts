/**
 * The live-update transport: Server-Sent Events. This is the one module that opens event
 * streams on the server (components use `$lib/live/live-connection.svelte` on the client).
 *
 * A stream carries the current state of one topic, as the publisher made it: the first
 * event is a snapshot read from the database, and each later one is a message published
 * through the database seam's pub/sub. Each event's id is a hash of its data, so a client
 * that reconnects with `Last-Event-ID` already holding the current state is sent nothing
 * again. Every stream of a topic on this server shares one subscription, and a message is
 * encoded once and the same bytes are queued to every stream.
 *
 * A whole class opens its streams within seconds (a lesson starting, every phone coming
 * back after a server restart). While a topic has streams here, its subscription hears
 * every change, so the last state heard stands in for the database read when another
 * stream opens, for at most SHARED_STATE_MS; streams opening together share one read.
 * That took each stream's opening from about eight queries to two (bench/live.js).
 */
import { createHash } from 'node:crypto';
import type { DatabaseHandle } from '../db/database';

/** What a stream shows: a topic and how to read its current state from the database. */
export interface LiveSource {
	topic: string;
	snapshot(): Promise<string>;
	/** Who is watching (a student's id), so that `endViewerMessage` can end their streams alone. */
	viewer?: string;
	/**
	 * The viewers whose streams of this topic have been ended for good (removed students),
	 * read from the database, each with the last event `endViewerMessage` sent them. The
	 * route checks its viewer before opening, but an end published between that check and
	 * the stream's subscription would otherwise never reach this stream.
	 */
	endedViewers?(): Promise<Map<string, { event: string; data: string }>>;
}

/** Published on a topic, ends `viewer`'s streams of it (on every server) with a last named event. */
const END_VIEWER = '!end ';

/**
 * The message that, published on a topic, sends `viewer`'s streams of it one `event`
 * (e.g. "removed") with `data`, then ends them; nobody else's stream sees it. States are
 * JSON, so a message starting with "!" cannot be taken for one.
 */
export function endViewerMessage(viewer: string, event: string, data: string): string {
	return END_VIEWER + JSON.stringify({ viewer, event, data });
}

/** A comment line every 20 s keeps proxies and phones from closing an idle stream. */
export const HEARTBEAT_MS = 20_000;
/** How long a browser waits before reconnecting by itself. */
const RETRY_MS = 2_000;
/** A client this far behind (a stalled phone) is dropped; it reconnects and gets a snapshot. */
const MAX_QUEUED_BYTES = 256 * 1024;
/**
 * How long a topic's last state heard (published or read) is sent to a stream that opens
 * instead of reading the database again. Changes are published, so this only bounds how
 * stale a change that was never announced can look to a newly opened stream.
 */
export const SHARED_STATE_MS = 2_000;

const encoder = new TextEncoder();

/** The id a state's event carries: short, and the same for the same data. */
export function eventId(data: string): string {
	return createHash('sha256').update(data).digest('base64url').slice(0, 16);
}

/** One event in the wire format: `id:` and a `data:` line for each line of the data. */
export function encodeEvent(data: string, id = eventId(data)): Uint8Array {
	const lines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`);
	return encoder.encode(`id: ${id}\n${lines.join('')}\n`);
}

/** A named event (`event:` line), which the page's state handler never receives as a state. */
function encodeNamedEvent(event: string, data: string): Uint8Array {
	const lines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`);
	return encoder.encode(`event: ${event}\n${lines.join('')}\n`);
}

const HEARTBEAT = encoder.encode(': keep-alive\n\n');
/**
 * The first bytes of every stream: how long to wait before reconnecting, and 2 KB of
 * comment, because some proxies and antivirus filters hold back the start of a response
 * until a couple of kilobytes have arrived, which would delay the first event.
 */
const PREAMBLE = encoder.encode(`retry: ${RETRY_MS}\n:${' '.repeat(2048)}\n\n`);

type Controller = ReadableStreamDefaultController<Uint8Array>;
/** A read of `LiveSource.endedViewers`, and when it started. */
type EndedRead = { startedAt: number; result: Promise<Map<string, { event: string; data: string }>> };

/** The streams of one topic on this server, and their shared subscription. */
class TopicStreams {
	/** Each stream, with who watches it (if the route said). */
	readonly streams = new Map<Controller, string | undefined>();
	#unsubscribe: Promise<() => void> | null = null;
	#heartbeat: ReturnType<typeof setInterval> | null = null;
	/** The last state heard, and when. */
	#state: { data: string; at: number } | null = null;
	/** The database read that streams opening now wait for, shared. */
	#reading: Promise<string> | null = null;
	/** Counts states heard, so a read that a newer message overtook is not kept. */
	#heardCount = 0;
	/** The read of ended viewers under way, shared by the streams added before it started. */
	#endedRead: EndedRead | null = null;
	/** The read that starts once the one under way ends, for the streams added meanwhile. */
	#nextEndedRead: Promise<EndedRead> | null = null;

	constructor(
		readonly handle: DatabaseHandle,
		readonly source: LiveSource,
		readonly onEmpty: () => void
	) {}

	/**
	 * The end `viewer` already met, if any, from a read of the database that started after
	 * their stream was added and subscribed (`addedAt`), so any end published before then is
	 * in it. Streams added while a read is under way share the one that follows it, so a
	 * class opening its streams together makes a few reads, not one each.
	 */
	async endedFor(viewer: string, addedAt: number): Promise<{ event: string; data: string } | undefined> {
		if (!this.source.endedViewers) return undefined;
		let read = this.#endedRead;
		if (!read) read = this.#readEnded();
		else if (read.startedAt < addedAt) {
			const current = read;
			this.#nextEndedRead ??= current.result.then(
				() => this.#readEnded(),
				() => this.#readEnded()
			);
			read = await this.#nextEndedRead;
		}
		return (await read.result).get(viewer);
	}

	#readEnded(): EndedRead {
		this.#nextEndedRead = null;
		const read: EndedRead = { startedAt: performance.now(), result: this.source.endedViewers!() };
		this.#endedRead = read;
		const done = () => {
			if (this.#endedRead === read) this.#endedRead = null;
		};
		read.result.then(done, done);
		return read;
	}

	/** Subscribes before the first stream reads its snapshot, so no change falls between. */
	async add(controller: Controller, viewer?: string) {
		this.streams.set(controller, viewer);
		this.#unsubscribe ??= this.handle.pubsub.subscribe(this.source.topic, {
			message: (data) => this.#hear(data),
			// Messages may have been missed while the database connection was away.
			resync: () => void this.source.snapshot().then((data) => this.#hear(data), () => {})
		});
		this.#heartbeat ??= setInterval(() => this.broadcast(HEARTBEAT), HEARTBEAT_MS);
		this.#heartbeat.unref?.();
		await this.#unsubscribe;
	}

	/**
	 * The state to send a stream that has just been added: the last one heard if recent,
	 * otherwise one database read shared by every stream asking meanwhile. If a message
	 * arrives during the read, the message wins (the stream was already sent it).
	 */
	current(): Promise<string> {
		if (this.#state && Date.now() - this.#state.at < SHARED_STATE_MS) return Promise.resolve(this.#state.data);
		if (!this.#reading) {
			const before = this.#heardCount;
			const reading = this.source
				.snapshot()
				.then((data) => {
					if (this.#heardCount !== before) return this.#state!.data;
					this.#state = { data, at: Date.now() };
					return data;
				})
				.finally(() => {
					if (this.#reading === reading) this.#reading = null;
				});
			this.#reading = reading;
		}
		return this.#reading;
	}

	#hear(data: string) {
		if (data.startsWith(END_VIEWER)) return this.#endViewer(data.slice(END_VIEWER.length));
		this.#heardCount++;
		this.#state = { data, at: Date.now() };
		this.broadcast(encodeEvent(data));
	}

	broadcast(bytes: Uint8Array) {
		for (const controller of this.streams.keys()) send(controller, bytes, () => this.remove(controller));
	}

	/** Sends one viewer's streams their last event and ends them (see endViewerMessage). */
	#endViewer(text: string) {
		let message: { viewer?: unknown; event?: unknown; data?: unknown };
		try {
			message = JSON.parse(text);
		} catch {
			return;
		}
		const { viewer, event, data } = message;
		if (typeof viewer !== 'string' || typeof event !== 'string' || !/^[a-z-]{1,30}$/.test(event) || typeof data !== 'string') return;
		const last = encodeNamedEvent(event, data);
		for (const [controller, watcher] of [...this.streams]) {
			if (watcher !== viewer) continue;
			send(controller, last, () => {});
			this.remove(controller);
			try {
				controller.close();
			} catch {
				// already closed
			}
		}
	}

	remove(controller: Controller) {
		if (!this.streams.delete(controller) || this.streams.size > 0) return;
		if (this.#heartbeat) clearInterval(this.#heartbeat);
		void this.#unsubscribe?.then((stop) => stop());
		this.#heartbeat = null;
		this.#unsubscribe = null;
		this.onEmpty();
	}
}

/** Queues `bytes`, or drops a stream whose client has stopped reading. */
function send(controller: Controller, bytes: Uint8Array, drop: () => void) {
	try {
		if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) {
			drop();
			controller.error(new Error('The client stopped reading.'));
			return;
		}
		controller.enqueue(bytes);
	} catch {
		drop(); // already closed
	}
}

/** Each database handle's topics with open streams (one handle per server; tests open several). */
const byHandle = new WeakMap<DatabaseHandle, Map<string, TopicStreams>>();

function topicsOf(handle: DatabaseHandle): Map<string, TopicStreams> {
	let topics = byHandle.get(handle);
	if (!topics) byHandle.set(handle, (topics = new Map()));
	return topics;
}

/** Handles whose server is shutting down: their streams end at once, and new ones too. */
const ending = new WeakSet<DatabaseHandle>();

/**
 * Ends every stream on this server for `handle`, and any opened after, as the server shuts
 * down. A browser whose stream ends reconnects by itself (after `retry`), through the load
 * balancer to another server, and gets the current state there.
 */
export function endAllStreams(handle: DatabaseHandle): void {
	ending.add(handle);
	for (const streams of [...topicsOf(handle).values()]) {
		for (const controller of [...streams.streams.keys()]) {
			streams.remove(controller);
			try {
				controller.close();
			} catch {
				// already closed or errored
			}
		}
	}
}

/** Streams open on this server for `handle` (for tests and the bench). */
export function openStreamCount(handle: DatabaseHandle): number {
	return [...topicsOf(handle).values()].reduce((sum, t) => sum + t.streams.size, 0);
}

/**
 * A `text/event-stream` response for `source`. The caller has already checked who is
 * asking. The stream ends when the client goes (the request is aborted or the body
 * cancelled), and leaves nothing behind.
 */
export function eventStream(handle: DatabaseHandle, request: Request, source: LiveSource): Response {
	const lastSeen = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId');
	let controllerRef: Controller | null = null;
	let streams: TopicStreams | undefined;

	const stop = () => {
		if (controllerRef) streams?.remove(controllerRef);
	};

	const body = new ReadableStream<Uint8Array>(
		{
			async start(controller) {
				if (ending.has(handle)) {
					// Shutting down: tell the browser to come back, which reaches another server.
					controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`));
					controller.close();
					return;
				}
				controllerRef = controller;
				const topics = topicsOf(handle);
				streams = topics.get(source.topic);
				if (!streams) {
					const created = new TopicStreams(handle, source, () => {
						if (topics.get(source.topic) === created) topics.delete(source.topic);
					});
					topics.set(source.topic, created);
					streams = created;
				}
				controller.enqueue(PREAMBLE);
				try {
					await streams.add(controller, source.viewer);
					const ended = source.viewer ? await streams.endedFor(source.viewer, performance.now()) : undefined;
					if (ended) {
						send(controller, encodeNamedEvent(ended.event, ended.data), () => {});
						stop();
						controller.close();
						return;
					}
					const data = await streams.current();
					if (data && eventId(data) !== lastSeen) send(controller, encodeEvent(data), stop);
				} catch (error) {
					console.error(`Opening the live stream "${source.topic}" failed:`, error);
					stop();
					controller.close();
				}
			},
			cancel: stop
		},
		{ highWaterMark: MAX_QUEUED_BYTES, size: (chunk) => chunk.byteLength }
	);
	request.signal.addEventListener('abort', stop, { once: true });

	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-store, no-transform',
			// nginx (and proxies that honour it) must pass events on as they come.
			'x-accel-buffering': 'no'
		}
	});
}
