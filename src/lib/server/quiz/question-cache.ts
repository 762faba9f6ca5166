/**
 * A quiz's questions are the same for every student until the quiz is edited, and every
 * assignment page and answer needs all of them (to find the one asked, in the attempt's
 * order, and grade it). This keeps the last list read per quiz, tied to the quiz's
 * `updatedAt`, which the caller has just read with the quiz row: one query fewer per
 * answer. It holds no per-user state and is rebuilt from the database when missing or
 * stale; it can be dropped at any time.
 *
 * The contract with whoever edits a quiz (pack sync, the quiz editor's `changeQuestions`):
 * a change to its questions gives `quizzes.updatedAt` a value it never had before, in the
 * same transaction as the change. A reader that read the old value may file the new
 * questions under it, or the old ones; either way the next reader sees the new value and
 * reads afresh. No clock is compared, so app servers whose clocks disagree stay correct.
 */
import { asc, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';

type QuestionRow = DatabaseHandle['tables']['quizQuestions']['$inferSelect'];

/** Quizzes kept per database (least recently used go first). */
const MAX_QUIZZES = 500;

interface Entry {
	updatedAt: number;
	questions: QuestionRow[];
}

// Per database handle, so two databases in one process (the tests) never share entries.
const caches = new WeakMap<DatabaseHandle, Map<string, Entry>>();

/**
 * The questions of `quiz` in authored order (shared and read-only: never change what it
 * returns). `quiz` must have been read before this call, so that the questions read here
 * are never older than the `updatedAt` they are filed under.
 */
export async function quizQuestions(handle: DatabaseHandle, quiz: { id: string; updatedAt: Date }): Promise<QuestionRow[]> {
	let cache = caches.get(handle);
	if (!cache) caches.set(handle, (cache = new Map()));
	const updatedAt = quiz.updatedAt.getTime();
	const hit = cache.get(quiz.id);
	if (hit?.updatedAt === updatedAt) {
		// Most recently used last, so the oldest are first in line to go.
		cache.delete(quiz.id);
		cache.set(quiz.id, hit);
		return hit.questions;
	}
	const { db, tables: t } = handle;
	const questions = await db.select().from(t.quizQuestions).where(eq(t.quizQuestions.quizId, quiz.id)).orderBy(asc(t.quizQuestions.sort));
	cache.delete(quiz.id);
	cache.set(quiz.id, { updatedAt, questions });
	for (const oldest of cache.keys()) {
		if (cache.size <= MAX_QUIZZES) break;
		cache.delete(oldest);
	}
	return questions;
}
