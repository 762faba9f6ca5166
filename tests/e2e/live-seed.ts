/**
 * The teacher's side of a live session for the student e2e tests, driven through the
 * server module on the app's own SQLite file (the teacher's pages are tested on their own).
 * SQLite's pub/sub is in-process, so a command given here reaches the app's event streams
 * only when the app next announces the session (a student joining or answering); pages
 * that must see a command at once are reloaded, as a phone coming back would be.
 */
import { eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/database';
import { commandLiveSession, liveQuestionsOf, startLiveSession, teacherLiveSession, type LiveSettings } from '../../src/lib/server/live/sessions';
import type { Command } from '../../src/lib/live/session-state';
import { PACK_QUIZ } from './http-seed';

export interface LiveDriver {
	id: string;
	/** The session's question ids, in quiz order. */
	questionIds: string[];
	/** Gives the teacher's command to the state as it is now. */
	command(type: Command['type']): Promise<void>;
	handle: DatabaseHandle;
	close(): Promise<void>;
}

/** Starts a live session of the pack's quiz for `classId`, as the teacher with `teacherEmail`. */
export async function startLive(databaseFile: string, teacherEmail: string, classId: string, settings: Partial<LiveSettings> = {}): Promise<LiveDriver> {
	const handle = await openDatabase(databaseFile);
	const [teacher] = await handle.db.select({ id: handle.tables.teachers.id }).from(handle.tables.teachers).where(eq(handle.tables.teachers.email, teacherEmail));
	const { id } = await startLiveSession(handle, teacher.id, classId, PACK_QUIZ, { pacing: 'teacher', askCertainty: true, names: 'none', ...settings });
	const questions = await liveQuestionsOf(handle, await teacherLiveSession(handle, teacher.id, id));
	return {
		id,
		questionIds: questions.map((q) => q.id),
		handle,
		async command(type) {
			const { version } = await teacherLiveSession(handle, teacher.id, id);
			await commandLiveSession(handle, teacher.id, id, version, { type } as Command);
		},
		close: () => handle.close()
	};
}
