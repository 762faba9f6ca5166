/**
 * "Results changed" for the open dashboards of one assignment or live session. Saving an
 * answer (or grading one) touches the scope's topic; the touch is coalesced per server to
 * at most two publishes a second, and the message is a bare signal with no database read,
 * so an answer costs the hot path a map lookup and, now and then, one NOTIFY. Open
 * dashboards then re-read their own data. The stream's first event is a version read from
 * the database, so a dashboard that reconnects after missing signals refreshes too.
 */
import type { DatabaseHandle } from '../db/database';
import { coalescer } from '../live/coalesce';
import { eventId } from '../live/event-stream';
import { resultsVersion, type CountedAttempts } from './question-queries';

/**
 * How often one scope's dashboards may be told. Each signal makes every open dashboard
 * re-read its page, so this is slower than the projector's rate.
 */
export const RESULTS_SIGNAL_MS = 500;

/** The pub/sub topic of a scope's dashboards. */
export function resultsTopic(scope: CountedAttempts): string {
	return `results:${scope.kind === 'assignment' ? 'a' : 'l'}:${scope.id}`;
}

const perHandle = new WeakMap<DatabaseHandle, (topic: string) => void>();

/** Tells the scope's open dashboards that its results changed; never throws into the caller. */
export function signalResults(handle: DatabaseHandle, scope: CountedAttempts): void {
	let touch = perHandle.get(handle);
	if (!touch) {
		let sequence = 0;
		touch = coalescer(RESULTS_SIGNAL_MS, async (topic) => {
			if (handle.pubsub.closed) return;
			// A signal never equals a version ("v:…"), so the page always re-reads on one.
			await handle.pubsub.publish(topic, `s:${Date.now()}:${++sequence}`).catch((error) => {
				if (!handle.pubsub.closed) throw error;
			});
		});
		perHandle.set(handle, touch);
	}
	touch(resultsTopic(scope));
}

/** Signals the scope an attempt belongs to (practice attempts have none). */
export function signalAttemptResults(handle: DatabaseHandle, attempt: { assignmentId: string | null; liveSessionId: string | null }): void {
	if (attempt.assignmentId) signalResults(handle, { kind: 'assignment', id: attempt.assignmentId });
	else if (attempt.liveSessionId) signalResults(handle, { kind: 'live', id: attempt.liveSessionId });
}

/** What a dashboard page needs to follow its scope: the version it shows and that version's event id. */
export async function resultsStamp(handle: DatabaseHandle, scope: CountedAttempts) {
	const version = await resultsVersion(handle, scope);
	return { version, since: eventId(version) };
}
