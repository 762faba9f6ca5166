/**
 * When a session expires and when its expiry slides forward. Pure, so it can be
 * tested without a database or a clock.
 */

export interface SessionPolicy {
	/** A session unused for this long is over. */
	inactivityTimeoutMs: number;
	/** How often a session in use has its expiry pushed back (saves a write per request). */
	activityCheckIntervalMs: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** Teachers: signed out after 10 days without use. */
export const TEACHER_SESSIONS: SessionPolicy = { inactivityTimeoutMs: 10 * DAY, activityCheckIntervalMs: 60 * 60 * 1000 };
/** Student devices: kept for 60 days without use, so a class device stays joined across a term. */
export const STUDENT_SESSIONS: SessionPolicy = { inactivityTimeoutMs: 60 * DAY, activityCheckIntervalMs: 60 * 60 * 1000 };

export type SessionState = 'valid' | 'refresh' | 'expired';

/** What to do with a session last verified at `lastVerifiedAt`, seen at `now`. */
export function sessionState(lastVerifiedAt: Date, now: Date, policy: SessionPolicy): SessionState {
	const idle = now.getTime() - lastVerifiedAt.getTime();
	if (idle >= policy.inactivityTimeoutMs) return 'expired';
	if (idle >= policy.activityCheckIntervalMs) return 'refresh';
	return 'valid';
}
