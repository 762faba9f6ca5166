/**
 * Announcing changes to live screens: after a change, the topic's current state is read
 * from the database and published, coalesced to at most about seven messages a second per topic and server,
 * always ending on the latest state. One home for the pattern the join screen and live
 * sessions share.
 */
import type { DatabaseHandle } from '../db/database';
import { coalescer } from './coalesce';

/**
 * How often one topic may be published to. An answer waits for the next publish, so this
 * bounds answer-to-projector latency: at 250 ms the p95 could not get under the 250 ms aim
 * (bench/live.js); 150 ms leaves room for the snapshot read and the fan-out.
 */
export const PUBLISH_INTERVAL_MS = 150;

/**
 * `announce(handle, key, urgent?)`: call it after every change to `key`; the state `snapshot`
 * reads goes out on `topicOf(key)`, coalesced (an urgent change goes out at once: see
 * coalesce.ts). It never throws into the caller, and stays quiet once the database is
 * shutting down.
 */
export function announcer(topicOf: (key: string) => string, snapshot: (handle: DatabaseHandle, key: string) => Promise<string>) {
	const perHandle = new WeakMap<DatabaseHandle, (key: string, urgent?: boolean) => void>();
	return function announce(handle: DatabaseHandle, key: string, urgent = false) {
		let touch = perHandle.get(handle);
		if (!touch) {
			touch = coalescer(PUBLISH_INTERVAL_MS, async (k) => {
				if (handle.pubsub.closed) return;
				try {
					await handle.pubsub.publish(topicOf(k), await snapshot(handle, k));
				} catch (error) {
					if (!handle.pubsub.closed) throw error; // shutting down mid-publish: nobody is listening
				}
			});
			perHandle.set(handle, touch);
		}
		touch(key, urgent);
	};
}
