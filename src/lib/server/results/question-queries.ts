/**
 * The aggregation queries behind the per-question and per-student results of one
 * assignment or live session. Each is one query over plain columns (`choice`, `choices`,
 * `span_start`, `span_end`, `fraction`, `marks`, `certainty`) in SQL both engines run the
 * same way: group by and sum(case …), no JSON functions, no per-row queries. Callers have
 * already checked the teacher (resultScope).
 */
import { and, asc, count, eq, inArray, isNotNull, max, sql, type SQL } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import type { ItemSums } from '$lib/results/item-stats';
import { countedAttempts, type ResultScope } from './scope';

/** Which attempts count (see scope.ts): an assignment's, or a live session's less the students removed. */
export type CountedAttempts = Pick<ResultScope, 'kind' | 'id'>;

/** `sum(case when … then 1 else 0 end)` as a number on both engines (PostgreSQL sums bigints as text). */
function countWhen(condition: SQL) {
	return sql<number>`sum(case when ${condition} then 1 else 0 end)`.mapWith(Number);
}

/** Each question's figures: answered, right, partly, wrong, waiting, certainty, confidently wrong. */
export async function questionFigures(handle: DatabaseHandle, scope: CountedAttempts) {
	const { db, tables: t } = handle;
	const r = t.responses;
	const rows = await db
		.select({
			questionId: r.questionId,
			answered: count(),
			right: countWhen(sql`${r.fraction} = 1`),
			partly: countWhen(sql`${r.fraction} > 0 and ${r.fraction} < 1`),
			wrong: countWhen(sql`${r.fraction} = 0`),
			awaiting: countWhen(sql`${r.fraction} is null`),
			/** Answers with a certainty, and their sum, for the average. */
			certain: count(r.certainty),
			certaintySum: sql<number>`coalesce(sum(${r.certainty}), 0)`.mapWith(Number),
			/** Not right at all at the highest certainty: the misreadings most worth discussing. */
			confidentlyWrong: countWhen(sql`${r.fraction} = 0 and ${r.certainty} = 3`)
		})
		.from(r)
		.innerJoin(t.attempts, eq(t.attempts.id, r.attemptId))
		.where(countedAttempts(handle, scope))
		.groupBy(r.questionId);
	return new Map(rows.map((row) => [row.questionId, row]));
}

export type QuestionFigures = NonNullable<Awaited<ReturnType<typeof questionFigures>> extends Map<string, infer V> ? V : never>;

/**
 * How many chose each single option (`choice`) and each set of options (`choices`), per
 * question. Multiple-response sets are few (one row per distinct set), and are split into
 * per-option counts by `optionTally`.
 */
export async function choiceCounts(handle: DatabaseHandle, scope: CountedAttempts, questionId?: string) {
	const { db, tables: t } = handle;
	const r = t.responses;
	const where = [countedAttempts(handle, scope), sql`(${isNotNull(r.choice)} or ${isNotNull(r.choices)})`];
	if (questionId) where.push(eq(r.questionId, questionId));
	return db
		.select({ questionId: r.questionId, choice: r.choice, choices: r.choices, n: count() })
		.from(r)
		.innerJoin(t.attempts, eq(t.attempts.id, r.attemptId))
		.where(and(...where))
		.groupBy(r.questionId, r.choice, r.choices);
}

/** Each option's count for one question, from `choiceCounts`' rows (every option listed). */
export function optionTally(optionValues: readonly string[], rows: readonly { choice: string | null; choices: string | null; n: number }[]) {
	const counts = new Map(optionValues.map((v) => [v, 0]));
	for (const row of rows) {
		const chosen = row.choice !== null ? [row.choice] : (row.choices ?? '').split('|').filter(Boolean);
		for (const value of chosen) if (counts.has(value)) counts.set(value, counts.get(value)! + row.n);
	}
	return counts;
}

/**
 * Find the evidence: selections not right that still overlap a key passage ("partly"), per
 * the question's key spans. Right and wrong come from `questionFigures`.
 */
export async function evidenceNearMisses(handle: DatabaseHandle, scope: CountedAttempts, questionId: string, keys: readonly { start: number; end: number }[]) {
	if (keys.length === 0) return 0;
	const { db, tables: t } = handle;
	const r = t.responses;
	const overlaps = sql.join(
		keys.map((k) => sql`(${r.spanStart} < ${k.end} and ${r.spanEnd} > ${k.start})`),
		sql` or `
	);
	const [row] = await db
		.select({ n: countWhen(sql`${r.fraction} = 0 and (${overlaps})`) })
		.from(r)
		.innerJoin(t.attempts, eq(t.attempts.id, r.attemptId))
		.where(and(countedAttempts(handle, scope), eq(r.questionId, questionId)));
	return row?.n ?? 0;
}

/**
 * The sums facility and discrimination need, per question, in one query: each attempt's
 * total (ungraded answers count 0) joined back to its graded answers, so the rest of the
 * quiz is `total − fraction`.
 */
export async function itemSums(handle: DatabaseHandle, scope: CountedAttempts): Promise<Map<string, ItemSums>> {
	const { db, tables: t } = handle;
	const r = t.responses;
	const totals = db
		.select({ attemptId: r.attemptId, total: sql<number>`sum(coalesce(${r.fraction}, 0))`.as('total') })
		.from(r)
		.innerJoin(t.attempts, eq(t.attempts.id, r.attemptId))
		.where(countedAttempts(handle, scope))
		.groupBy(r.attemptId)
		.as('totals');
	const x = sql`${r.fraction}`;
	const y = sql`(${totals.total} - ${r.fraction})`;
	const num = (expr: SQL) => sql<number>`coalesce(sum(${expr}), 0)`.mapWith(Number);
	const rows = await db
		.select({
			questionId: r.questionId,
			n: count(),
			sx: num(x),
			sy: num(y),
			sxx: num(sql`${x} * ${x}`),
			syy: num(sql`${y} * ${y}`),
			sxy: num(sql`${x} * ${y}`)
		})
		.from(r)
		// The scope again, outside the subquery: PostgreSQL cannot see that `totals` holds only the
		// scope's 30 or so attempts, and otherwise reads every response in the kit (250 ms on the
		// district data set, 2 ms with it).
		.innerJoin(t.attempts, eq(t.attempts.id, r.attemptId))
		.innerJoin(totals, eq(totals.attemptId, r.attemptId))
		.where(and(countedAttempts(handle, scope), isNotNull(r.fraction)))
		.groupBy(r.questionId);
	return new Map(rows.map(({ questionId, ...sums }) => [questionId, sums]));
}

/**
 * Who answered one question, and what: one row per counted attempt's answer, by name. A
 * class is at most a few hundred students, so the page lists them all.
 */
export async function questionAnswers(handle: DatabaseHandle, scope: CountedAttempts, questionId: string) {
	const { db, tables: t } = handle;
	const r = t.responses;
	return db
		.select({
			studentId: t.attempts.studentId,
			name: t.students.displayName,
			attemptNumber: t.attempts.number,
			choice: r.choice,
			choices: r.choices,
			spanStart: r.spanStart,
			spanEnd: r.spanEnd,
			answer: r.answer,
			fraction: r.fraction,
			certainty: r.certainty,
			marks: r.marks
		})
		.from(r)
		.innerJoin(t.attempts, eq(t.attempts.id, r.attemptId))
		.innerJoin(t.students, eq(t.students.id, t.attempts.studentId))
		.where(and(countedAttempts(handle, scope), eq(r.questionId, questionId)))
		.orderBy(asc(t.students.nameKey), asc(t.attempts.number));
}

/** The student's attempts in the scope, oldest first, and all their answers. */
export async function studentAnswers(handle: DatabaseHandle, scope: CountedAttempts, studentId: string) {
	const { db, tables: t } = handle;
	const attempts = await db
		.select()
		.from(t.attempts)
		.where(and(countedAttempts(handle, scope), eq(t.attempts.studentId, studentId)))
		.orderBy(asc(t.attempts.startedAt), asc(t.attempts.id));
	const responses = attempts.length
		? await db
				.select()
				.from(t.responses)
				.where(
					inArray(
						t.responses.attemptId,
						attempts.map((a) => a.id)
					)
				)
		: [];
	return { attempts, responses };
}

/**
 * Every attempt the student made at `quizId` in the class (assignments and live sessions),
 * with its right answers and marks summed in the database: their attempts over time.
 */
export async function studentQuizHistory(handle: DatabaseHandle, studentId: string, quizId: string) {
	const { db, tables: t } = handle;
	const r = t.responses;
	return db
		.select({
			attemptId: t.attempts.id,
			assignmentId: t.attempts.assignmentId,
			liveSessionId: t.attempts.liveSessionId,
			number: t.attempts.number,
			startedAt: t.attempts.startedAt,
			submittedAt: t.attempts.submittedAt,
			removedAt: t.attempts.removedAt,
			answered: count(r.id),
			right: countWhen(sql`${r.fraction} = 1`),
			partly: countWhen(sql`${r.fraction} > 0 and ${r.fraction} < 1`),
			awaiting: countWhen(sql`${r.id} is not null and ${r.fraction} is null`),
			/** Of those waiting, the ones given with a certainty (their question's range is out of the score's). */
			awaitingSure: countWhen(sql`${r.id} is not null and ${r.fraction} is null and ${r.certainty} is not null`),
			marks: sql<number>`coalesce(sum(${r.marks}), 0)`.mapWith(Number)
		})
		.from(t.attempts)
		.leftJoin(r, eq(r.attemptId, t.attempts.id))
		.where(and(eq(t.attempts.studentId, studentId), eq(t.attempts.quizId, quizId)))
		.groupBy(t.attempts.id)
		.orderBy(asc(t.attempts.startedAt), asc(t.attempts.id));
}

/**
 * A short version of the scope's answers (how many, the latest answer and grading): the
 * live stream's first event, so a dashboard reconnecting after a gap knows to refresh.
 */
export async function resultsVersion(handle: DatabaseHandle, scope: CountedAttempts): Promise<string> {
	const { db, tables: t } = handle;
	const r = t.responses;
	const [row] = await db
		.select({ n: count(), answered: max(r.answeredAt), graded: max(r.gradedAt) })
		.from(r)
		.innerJoin(t.attempts, eq(t.attempts.id, r.attemptId))
		.where(countedAttempts(handle, scope));
	const ms = (d: Date | null | undefined) => (d ? new Date(d).getTime() : 0);
	return `v:${row?.n ?? 0}:${ms(row?.answered)}:${ms(row?.graded)}`;
}
