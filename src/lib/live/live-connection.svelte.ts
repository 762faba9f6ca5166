/**
 * The browser's side of the live-update transport, and the only place that opens an
 * event stream: components create a LiveConnection and read its `status`.
 *
 * EventSource reconnects by itself after a dropped connection, sending Last-Event-ID. It
 * gives up for good when a reconnection gets an error status (a restarting server, a
 * proxy's 502), so this class then reconnects itself, backing off up to 15 s, and passes
 * the last event id in the address. Coming back online or to the tab retries at once.
 */

/** What the person is told: connecting the first time, live, or reconnecting. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

const MAX_BACKOFF_MS = 15_000;

export class LiveConnection {
	#status = $state<LiveStatus>('connecting');
	#source: EventSource | null = null;
	#lastId = '';
	#backoff = 1_000;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#closed = false;
	readonly #url: string;
	readonly #onMessage: (data: string) => void;
	readonly #onEnd: ((event: string, data: string) => void) | undefined;
	readonly #retryNow = () => {
		if (this.#source?.readyState !== EventSource.OPEN) this.#open();
	};

	/**
	 * Opens the stream at `url` and calls `onMessage` with each event's data. `since` is the
	 * id of the state the page was rendered with, so that state is not sent again.
	 */
	/**
	 * `onEnd` is called when the server ends the stream for good with a named event (a
	 * student the teacher removed gets "removed"); the connection is closed first, so it
	 * does not keep knocking on a door that stays shut.
	 */
	constructor(url: string, onMessage: (data: string) => void, since = '', onEnd?: (event: string, data: string) => void) {
		this.#url = url;
		this.#onMessage = onMessage;
		this.#onEnd = onEnd;
		this.#lastId = since;
		window.addEventListener('online', this.#retryNow);
		document.addEventListener('visibilitychange', this.#retryNow);
		this.#open();
	}

	get status(): LiveStatus {
		return this.#status;
	}

	#open() {
		if (this.#closed) return;
		if (this.#timer) clearTimeout(this.#timer);
		this.#source?.close();
		const url = new URL(this.#url, location.href);
		if (this.#lastId) url.searchParams.set('lastEventId', this.#lastId);
		const source = new EventSource(url);
		this.#source = source;
		source.onopen = () => {
			this.#status = 'live';
			this.#backoff = 1_000;
		};
		source.onmessage = (event) => {
			this.#lastId = event.lastEventId || this.#lastId;
			this.#onMessage(event.data);
		};
		source.addEventListener('removed', (event) => {
			this.close();
			this.#onEnd?.('removed', (event as MessageEvent).data);
		});
		source.onerror = () => {
			if (this.#closed) return;
			this.#status = 'reconnecting';
			if (source.readyState !== EventSource.CLOSED) return; // the browser retries by itself
			this.#timer = setTimeout(() => this.#open(), this.#backoff);
			this.#backoff = Math.min(this.#backoff * 2, MAX_BACKOFF_MS);
		};
	}

	/** Closes the stream for good (the component is going away). */
	close() {
		this.#closed = true;
		this.#status = 'closed';
		if (this.#timer) clearTimeout(this.#timer);
		this.#source?.close();
		window.removeEventListener('online', this.#retryNow);
		document.removeEventListener('visibilitychange', this.#retryNow);
	}
}
