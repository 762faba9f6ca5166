/**
 * What a class's join screen on the projector shows, read from the database and published
 * to its open screens whenever the class changes (a new code, a rename, archiving, a
 * student joining). Only counts go out: no student names reach the projector.
 */
import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { announcer } from '../live/announce';

/** The pub/sub topic of a class's join screen. */
export const joinScreenTopic = (classId: string) => `class:${classId}`;

/** The join screen's state as the JSON its event stream carries; '' for a class that is gone. */
export async function joinScreenState({ db, tables: t }: DatabaseHandle, classId: string): Promise<string> {
	const [cls] = await db
		.select({ code: t.classes.joinCode, name: t.classes.name, archivedAt: t.classes.archivedAt })
		.from(t.classes)
		.where(eq(t.classes.id, classId));
	if (!cls) return JSON.stringify({ gone: true });
	const [{ joined }] = await db
		.select({ joined: count() })
		.from(t.students)
		.where(and(eq(t.students.classId, classId), isNotNull(t.students.claimedAt)));
	return JSON.stringify({ code: cls.code, name: cls.name, archived: cls.archivedAt !== null, joined });
}

/** Tells the class's open join screens that it changed (coalesced); never throws into the caller. */
export const announceClassChange = announcer(joinScreenTopic, joinScreenState);
