/**
 * Publish/subscribe between app servers, behind the database seam. On PostgreSQL it is
 * LISTEN/NOTIFY, so several app servers on one database hear each other with no broker
 * to run; on SQLite (one server per file) it is an in-process emitter.
 *
 * Messages are hints, not a log: anything published while a listener was reconnecting
 * is lost. That is why a subscriber passes `onResync`, called after every reconnection,
 * where it re-reads the state it shows from the database.
 */
import { randomBytes } from 'node:crypto';
import type { Sql } from 'postgres';

/** A message handler and what to do when messages may have been missed. */
export interface Subscriber {
	message(text: string): void;
	/** Called after a lost connection was re-established: re-read state from the database. */
	resync?(): void;
}

export interface PubSub {
	/** Sends `text` to every subscriber of `topic` on every app server (this one included). */
	publish(topic: string, text: string): Promise<void>;
	/** Delivers `topic`'s messages to `subscriber` until the returned function is called. */
	subscribe(topic: string, subscriber: Subscriber): Promise<() => void>;
	/** Stops listening; later publishes and subscribes are refused. */
	close(): Promise<void>;
	/** True once closed (the database is shutting down). */
	readonly closed: boolean;
}

/** Topics are short names of letters, digits and `:_.-`, e.g. `class:abc123`. */
const TOPIC = /^[A-Za-z0-9:_.-]{1,60}$/;

function checkTopic(topic: string) {
	if (!TOPIC.test(topic)) throw new Error(`Not a valid pub/sub topic: ${JSON.stringify(topic)}`);
}

/**
 * Local fan-out: one registration per topic however many subscribers this process has,
 * so a thousand open event streams cost the database one LISTEN, not a thousand.
 */
class LocalTopics {
	readonly #topics = new Map<string, Set<Subscriber>>();

	add(topic: string, subscriber: Subscriber): boolean {
		let set = this.#topics.get(topic);
		const first = !set;
		if (!set) this.#topics.set(topic, (set = new Set()));
		set.add(subscriber);
		return first;
	}

	/** Removes `subscriber`; true when `topic` has no subscribers left. */
	remove(topic: string, subscriber: Subscriber): boolean {
		const set = this.#topics.get(topic);
		if (!set) return false;
		set.delete(subscriber);
		if (set.size > 0) return false;
		this.#topics.delete(topic);
		return true;
	}

	deliver(topic: string, text: string) {
		for (const subscriber of this.#topics.get(topic) ?? []) {
			try {
				subscriber.message(text);
			} catch (error) {
				console.error(`A subscriber of "${topic}" failed:`, error);
			}
		}
	}

	resync(topic?: string) {
		for (const [name, set] of this.#topics) {
			if (topic && name !== topic) continue;
			for (const subscriber of set) subscriber.resync?.();
		}
	}

	names(): string[] {
		return [...this.#topics.keys()];
	}

	clear() {
		this.#topics.clear();
	}
}

/** The in-process emitter used on SQLite: delivery is asynchronous, as it is on PostgreSQL. */
export function memoryPubSub(): PubSub {
	const topics = new LocalTopics();
	let closed = false;
	return {
		async publish(topic, text) {
			checkTopic(topic);
			if (closed) throw new Error('Pub/sub is closed.');
			queueMicrotask(() => topics.deliver(topic, text));
		},
		async subscribe(topic, subscriber) {
			checkTopic(topic);
			if (closed) throw new Error('Pub/sub is closed.');
			topics.add(topic, subscriber);
			return () => void topics.remove(topic, subscriber);
		},
		async close() {
			closed = true;
			topics.clear();
		},
		get closed() {
			return closed;
		}
	};
}

/** NOTIFY payloads must stay under 8,000 bytes; a larger message goes in `live_spills`. */
export const NOTIFY_LIMIT = 7_900;
const INLINE = 'm';
const SPILLED = 's';
/** How often each server checks that its own notifications still reach it. */
const HEARTBEAT_MS = 5_000;
const SPILL_TTL_MS = 60_000;

export interface PostgresPubSubOptions {
	/** Opens the connection used only for LISTEN (a new one after a loss). */
	openListener: () => Sql;
	/** The pool used for NOTIFY and for reading spilled messages. */
	sql: Sql;
	heartbeatMs?: number;
}

/**
 * LISTEN/NOTIFY with a dedicated listening connection. Each server notifies a private
 * heartbeat channel every few seconds; when its own heartbeat stops arriving (the
 * connection died, or postgres.js gave up re-listening after an outage) the listening
 * connection is replaced, every topic is listened to again and every subscriber resyncs.
 */
export function postgresPubSub({ openListener, sql, heartbeatMs = HEARTBEAT_MS }: PostgresPubSubOptions): PubSub {
	const topics = new LocalTopics();
	const heartbeatChannel = `al_heartbeat_${randomBytes(6).toString('hex')}`;
	let listener: Sql | null = null;
	let lastBeat = Date.now();
	let closed = false;
	let renewing: Promise<void> | null = null;
	let timer: ReturnType<typeof setInterval> | null = null;
	/** How to stop listening to each topic on the current connection. */
	const unlistens = new Map<string, () => Promise<unknown>>();
	/** LISTENs under way, so a second subscriber to a topic also waits until it is heard. */
	const pending = new Map<string, Promise<void>>();

	const channel = (topic: string) => `al_${topic}`;

	async function receive(topic: string, payload: string) {
		const kind = payload[0];
		const rest = payload.slice(1);
		if (kind === INLINE) return topics.deliver(topic, rest);
		if (kind !== SPILLED) return;
		const [row] = await sql<{ body: string }[]>`select body from live_spills where id = ${rest}`;
		if (row) topics.deliver(topic, row.body);
	}

	/** Listens to `topic` on the current connection; a reconnection by postgres.js itself means a resync. */
	async function listen(conn: Sql, topic: string) {
		let established = false;
		const { unlisten } = await conn.listen(
			channel(topic),
			(payload) => void receive(topic, payload).catch((error) => console.error('Reading a spilled message failed:', error)),
			() => {
				if (established) topics.resync(topic);
				established = true;
			}
		);
		if (conn === listener) unlistens.set(topic, unlisten);
	}

	function connection(): Sql {
		if (!listener) {
			listener = openListener();
			lastBeat = Date.now();
			void listener
				.listen(heartbeatChannel, () => (lastBeat = Date.now()))
				.catch(() => {
					/* noticed by the heartbeat check */
				});
		}
		return listener;
	}

	/** Replaces the listening connection and listens to every topic again. */
	function renew(): Promise<void> {
		renewing ??= (async () => {
			const old = listener;
			listener = null;
			unlistens.clear();
			await old?.end({ timeout: 0 }).catch(() => {});
			const conn = connection();
			await Promise.all(topics.names().map((topic) => listen(conn, topic)));
			topics.resync();
		})().finally(() => (renewing = null));
		return renewing;
	}

	async function beat() {
		if (closed || topics.names().length === 0) return;
		if (Date.now() - lastBeat > heartbeatMs * 3 && !renewing) {
			await renew().catch(() => {
				/* the database is still away: try again at the next beat */
			});
		}
		await sql`select pg_notify(${heartbeatChannel}, '')`.catch(() => {});
	}

	return {
		async publish(topic, text) {
			checkTopic(topic);
			if (closed) throw new Error('Pub/sub is closed.');
			if (Buffer.byteLength(text) + 1 <= NOTIFY_LIMIT) {
				await sql`select pg_notify(${channel(topic)}, ${INLINE + text})`;
				return;
			}
			const id = randomBytes(12).toString('hex');
			// (Timestamps go as ISO text: Drizzle sets this client's date serializer to pass strings.)
			await sql`delete from live_spills where created_at < ${new Date(Date.now() - SPILL_TTL_MS).toISOString()}`;
			await sql`insert into live_spills (id, body, created_at) values (${id}, ${text}, ${new Date().toISOString()})`;
			await sql`select pg_notify(${channel(topic)}, ${SPILLED + id})`;
		},
		async subscribe(topic, subscriber) {
			checkTopic(topic);
			if (closed) throw new Error('Pub/sub is closed.');
			timer ??= setInterval(() => void beat(), heartbeatMs);
			timer.unref?.();
			if (topics.add(topic, subscriber)) {
				const started = renewing ?? listen(connection(), topic);
				pending.set(topic, started);
				await started.finally(() => pending.delete(topic));
			} else {
				await pending.get(topic);
			}
			return () => {
				if (!topics.remove(topic, subscriber)) return;
				const unlisten = unlistens.get(topic);
				unlistens.delete(topic);
				void unlisten?.().catch(() => {});
			};
		},
		async close() {
			closed = true;
			if (timer) clearInterval(timer);
			topics.clear();
			unlistens.clear();
			await listener?.end({ timeout: 0 });
			listener = null;
		},
		get closed() {
			return closed;
		}
	};
}
