import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { endAllStreams, endViewerMessage, eventId, eventStream, openStreamCount, SHARED_STATE_MS } from '../../src/lib/server/live/event-stream';
import { ENGINE, freshDatabase } from '../fixtures/database';

/** Opens a stream as a browser would, and reads its events as they come. */
function open(
	handle: DatabaseHandle,
	state: { value: string; reads?: number; delayMs?: number; ended?: Map<string, { event: string; data: string }>; endedReads?: number },
	headers: Record<string, string> = {},
	viewer?: string
) {
	const abort = new AbortController();
	const response = eventStream(handle, new Request('http://kit.test/events', { headers, signal: abort.signal }), {
		topic: 'class:t1',
		snapshot: async () => {
			state.reads = (state.reads ?? 0) + 1;
			const value = state.value;
			if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
			return value;
		},
		viewer,
		...(state.ended
			? {
					endedViewers: async () => {
						state.endedReads = (state.endedReads ?? 0) + 1;
						return new Map(state.ended);
					}
				}
			: {})
	});
	const reader = response.body!.getReader();
	let buffer = '';
	// A read outlives a timed-out wait, so the chunk it brings is not lost.
	let reading: ReturnType<typeof reader.read> | null = null;
	/** The next event's data (heartbeats and the retry line are skipped). */
	async function next(ms = 3_000): Promise<{ id: string; data: string; event?: string }> {
		const deadline = Date.now() + ms;
		for (;;) {
			const end = buffer.indexOf('\n\n');
			if (end >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
				const event = /^event: (.*)$/m.exec(block)?.[1];
				if (data.length) return { id: /^id: (.*)$/m.exec(block)?.[1] ?? '', data: data.join('\n'), ...(event ? { event } : {}) };
				continue;
			}
			reading ??= reader.read();
			const chunk = await Promise.race([
				reading,
				new Promise<never>((_, fail) => setTimeout(() => fail(new Error('no event in time')), Math.max(1, deadline - Date.now())))
			]);
			reading = null;
			if (chunk.done) throw new Error('stream ended');
			buffer += new TextDecoder().decode(chunk.value);
		}
	}
	/** Stops reading, as a client that goes away without aborting its request. */
	const cancel = () => reader.cancel();
	return { response, next, abort, cancel };
}

describe(`live event streams on ${ENGINE}`, () => {
	let handle: DatabaseHandle;

	beforeEach(async () => {
		handle = await freshDatabase();
	});
	afterEach(async () => handle.close());

	it('ends every stream when the server shuts down, and any opened after, telling browsers to come back', async () => {
		const state = { value: '{"joined":1}' };
		const first = open(handle, state);
		const second = open(handle, state);
		expect((await first.next()).data).toBe(state.value);
		expect((await second.next()).data).toBe(state.value);
		endAllStreams(handle);
		await expect(first.next()).rejects.toThrow('stream ended');
		await expect(second.next()).rejects.toThrow('stream ended');
		expect(openStreamCount(handle)).toBe(0);
		// A browser that reconnects to this server while it drains is sent only `retry`.
		const late = open(handle, state);
		await expect(late.next()).rejects.toThrow('stream ended');
		expect(openStreamCount(handle)).toBe(0);
	});

	it('sends the current state, then each published state, with headers that keep proxies from buffering', async () => {
		const state = { value: '{"joined":0}' };
		const stream = open(handle, state);
		expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
		expect(stream.response.headers.get('cache-control')).toContain('no-cache');
		expect(await stream.next()).toEqual({ id: eventId('{"joined":0}'), data: '{"joined":0}' });
		await handle.pubsub.publish('class:t1', '{"joined":1}');
		expect((await stream.next()).data).toBe('{"joined":1}');
		stream.abort.abort();
	});

	it('resumes without repeating a state the client already has (Last-Event-ID)', async () => {
		const state = { value: '{"joined":4}' };
		const stream = open(handle, state, { 'last-event-id': eventId('{"joined":4}') });
		await expect(stream.next(300)).rejects.toThrow('no event in time');
		await handle.pubsub.publish('class:t1', '{"joined":5}');
		expect((await stream.next()).data).toBe('{"joined":5}');
		stream.abort.abort();

		const behind = open(handle, state, { 'last-event-id': eventId('{"joined":2}') });
		expect((await behind.next()).data).toBe('{"joined":4}');
		behind.abort.abort();
	});

	it('shares one subscription per topic and lets go of it when the last client leaves', async () => {
		const state = { value: 's' };
		const streams = [open(handle, state), open(handle, state), open(handle, state)];
		await Promise.all(streams.map((s) => s.next()));
		expect(openStreamCount(handle)).toBe(3);
		await handle.pubsub.publish('class:t1', 'everyone');
		for (const s of streams) expect((await s.next()).data).toBe('everyone');
		streams[0].abort.abort();
		expect(openStreamCount(handle)).toBe(2);
		await streams[1].cancel();
		expect(openStreamCount(handle)).toBe(1);
		streams[2].abort.abort();
		expect(openStreamCount(handle)).toBe(0);
	});

	it("opens a class's worth of streams on one database read, then on what the subscription heard", async () => {
		const state = { value: '{"joined":0}', reads: 0, delayMs: 50 };
		// Opening together, while the first read is under way: one read between them.
		const together = Array.from({ length: 30 }, () => open(handle, state));
		for (const s of together) expect((await s.next()).data).toBe('{"joined":0}');
		expect(state.reads).toBe(1);
		// A published state is what the next stream to open gets, without reading.
		state.value = '{"joined":9}';
		await handle.pubsub.publish('class:t1', '{"joined":1}');
		for (const s of together) expect((await s.next()).data).toBe('{"joined":1}');
		const later = open(handle, state);
		expect((await later.next()).data).toBe('{"joined":1}');
		expect(state.reads).toBe(1);
		for (const s of [...together, later]) s.abort.abort();
	});

	it('reads the database again once the state heard is older than SHARED_STATE_MS', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			const state = { value: '{"joined":2}', reads: 0 };
			const first = open(handle, state);
			expect((await first.next()).data).toBe('{"joined":2}');
			state.value = '{"joined":3}';
			vi.setSystemTime(Date.now() + SHARED_STATE_MS + 1);
			const second = open(handle, state);
			expect((await second.next()).data).toBe('{"joined":3}');
			expect(state.reads).toBe(2);
			first.abort.abort();
			second.abort.abort();
		} finally {
			vi.useRealTimers();
		}
	});

	it('lets a message that arrives during the read win over the older state the read brings', async () => {
		const state = { value: '{"v":1}', reads: 0, delayMs: 100 };
		const stream = open(handle, state);
		await new Promise((r) => setTimeout(r, 20));
		await handle.pubsub.publish('class:t1', '{"v":2}');
		expect((await stream.next()).data).toBe('{"v":2}');
		// The read, started before the message, ends with the stream still on the newer state
		// (sent again at most: harmless, the client keeps the latest).
		const after = await stream.next(400).catch(() => null);
		expect(after?.data ?? '{"v":2}').toBe('{"v":2}');
		expect(state.reads).toBe(1);
		stream.abort.abort();
	});

	it("ends one viewer's streams with a named event, and nobody else's", async () => {
		const state = { value: '{"joined":2}' };
		const removed = open(handle, state, {}, 'student-a');
		const onOtherDevice = open(handle, state, {}, 'student-a');
		const other = open(handle, state, {}, 'student-b');
		const projector = open(handle, state);
		for (const s of [removed, onOtherDevice, other, projector]) expect((await s.next()).data).toBe('{"joined":2}');
		await handle.pubsub.publish('class:t1', endViewerMessage('student-a', 'removed', '{"message":"out"}'));
		for (const s of [removed, onOtherDevice]) {
			expect(await s.next()).toEqual({ id: '', event: 'removed', data: '{"message":"out"}' });
			await expect(s.next()).rejects.toThrow('stream ended');
		}
		expect(openStreamCount(handle)).toBe(2);
		// The others never see the message, and carry on with the next state.
		await handle.pubsub.publish('class:t1', '{"joined":1}');
		for (const s of [other, projector]) expect(await s.next()).toEqual({ id: eventId('{"joined":1}'), data: '{"joined":1}' });
		other.abort.abort();
		projector.abort.abort();
	});

	it('ends a stream whose viewer was removed before it subscribed (a removal racing the route\'s check), and only theirs', async () => {
		// The end was published while no stream of the topic was open here, so nothing heard it;
		// the database knows.
		const state: Parameters<typeof open>[1] = { value: '{"joined":2}', ended: new Map([['student-a', { event: 'removed', data: '{"message":"out"}' }]]) };
		const removed = open(handle, state, {}, 'student-a');
		const other = open(handle, state, {}, 'student-b');
		expect(await removed.next()).toEqual({ id: '', event: 'removed', data: '{"message":"out"}' });
		await expect(removed.next()).rejects.toThrow('stream ended');
		// The removed student never gets the state; the other does.
		expect(await other.next()).toEqual({ id: eventId('{"joined":2}'), data: '{"joined":2}' });
		expect(openStreamCount(handle)).toBe(1);
		// A projector (no viewer) never asks.
		const reads = state.endedReads;
		const projector = open(handle, state);
		expect((await projector.next()).data).toBe('{"joined":2}');
		expect(state.endedReads).toBe(reads);
		other.abort.abort();
		projector.abort.abort();
	});

	it("shares one read of the ended viewers among a class's streams opening together", async () => {
		const state: Parameters<typeof open>[1] = { value: '{"joined":30}', ended: new Map() };
		const streams = Array.from({ length: 30 }, (_, i) => open(handle, state, {}, `student-${i}`));
		for (const s of streams) expect((await s.next()).data).toBe('{"joined":30}');
		expect(state.endedReads).toBeGreaterThanOrEqual(1);
		expect(state.endedReads).toBeLessThan(30);
		for (const s of streams) s.abort.abort();
	});
});
