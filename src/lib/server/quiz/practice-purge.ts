/**
 * Privacy housekeeping: anonymous practice attempts (a cookie's hash, no student) are
 * deleted, with their answers, once nobody has touched them for the retention period.
 * Their cookie lasts 30 days, so by then no browser can reach them anyway.
 *
 * The purge is one conditional delete, so several app servers running it at once (or
 * twice in a row) delete each row once and never anything else: no lock, no leader.
 */
import { and, eq, gte, isNotNull, isNull, lt, notExists } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { SettingError } from '../config';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Default days a practice attempt is kept after its last answer (PRACTICE_RETENTION_DAYS). */
export const DEFAULT_PRACTICE_RETENTION_DAYS = 30;

/**
 * Reads PRACTICE_RETENTION_DAYS: a positive number of days, or the default when unset.
 * Throws on anything else, so a typo stops start-up rather than keeping data silently.
 */
export function practiceRetentionDays(value: string | undefined): number {
	if (value === undefined || value.trim() === '') return DEFAULT_PRACTICE_RETENTION_DAYS;
	const days = Number(value);
	if (!Number.isFinite(days) || days <= 0) {
		throw new SettingError(`PRACTICE_RETENTION_DAYS must be a positive number of days (it is "${value}").`);
	}
	return days;
}

/**
 * Deletes practice attempts started before `now - retentionDays` with no answer since
 * then; their responses go with them (foreign key cascade). Returns how many went.
 */
export async function purgeOldPracticeAttempts(
	{ db, tables: t }: DatabaseHandle,
	retentionDays: number,
	now = new Date()
): Promise<number> {
	const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
	const recentAnswer = db
		.select({ id: t.responses.id })
		.from(t.responses)
		.where(and(eq(t.responses.attemptId, t.attempts.id), gte(t.responses.answeredAt, cutoff)));
	const purged = await db
		.delete(t.attempts)
		.where(
			and(
				isNotNull(t.attempts.practiceKeyHash),
				isNull(t.attempts.studentId),
				lt(t.attempts.startedAt, cutoff),
				notExists(recentAnswer)
			)
		)
		.returning({ id: t.attempts.id });
	return purged.length;
}
