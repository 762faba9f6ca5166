/**
 * Results by claim: how many answers about each claim were wrong, what students chose for
 * who-said-it and whose-voice questions against the claim's true speaker and form, and which
 * words they selected for find-the-evidence questions. Every figure is counted in SQL that
 * runs on both engines, over the plain columns of `responses` (claim_id, choice, span_start,
 * span_end, fraction), grouped by claim and by truth against choice; what comes back to
 * JavaScript is one row per claim and question (or per cell of a matrix), never per answer.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { countedAttempts, type ResultScope } from './scope';
import type { ClaimView, ReaderArticle } from '$lib/articles/types';
import { m } from '$lib/paraglide/messages';
import { formLabel } from '$lib/results/dashboard-labels';
import { NO_ONE_NAMED } from '$lib/articles/vocabulary';
import { confusionMatrix, errorRate, misreadings, topMisreading, type ConfusionCount, type ConfusionMatrix, type ErrorRate, type Misreading } from '$lib/results/confusion';

type Tables = DatabaseHandle['tables'];

/** Whose answers count: one assignment or live session (its dashboard scope), or every one of a class's. */
export type ResultSource = Pick<ResultScope, 'kind' | 'id'> | { classId: string };

/** The condition on `attempts` for `source`: the attempts that count in its results. */
export function attemptsOf(handle: DatabaseHandle, source: ResultSource): SQL {
	if ('kind' in source) return countedAttempts(handle, source);
	const { db, tables: t } = handle;
	// The class's attempts at its assignments, and its live sessions' but for removed students, as countedAttempts has it.
	// One id list made by `union all`: an `or` of the two would keep either engine from using
	// the attempts' indexes, and read every attempt of the kit (300–500 ms on a district's data).
	const atAssignments = db
		.select({ id: t.attempts.id })
		.from(t.attempts)
		.innerJoin(t.assignments, eq(t.assignments.id, t.attempts.assignmentId))
		.where(eq(t.assignments.classId, source.classId));
	const inLiveSessions = db
		.select({ id: t.attempts.id })
		.from(t.attempts)
		.innerJoin(t.liveSessions, eq(t.liveSessions.id, t.attempts.liveSessionId))
		.where(and(eq(t.liveSessions.classId, source.classId), isNull(t.attempts.removedAt)));
	return inArray(t.attempts.id, atAssignments.unionAll(inLiveSessions));
}

/** `sum(case when … then 1 else 0 end)` as a number on both engines (PostgreSQL sends sums as text). */
const countWhere = (condition: SQL) => sql<number>`sum(case when ${condition} then 1 else 0 end)`.mapWith(Number);
const countAll = () => sql<number>`count(*)`.mapWith(Number);

/** The answers the claim figures count: scored ones about a claim (written answers waiting for a grade have no verdict yet). */
const scoredAboutClaim = (t: Tables) => and(isNotNull(t.responses.claimId), isNotNull(t.responses.fraction));

/** Scored answers and wrong ones (not fully right), per claim and question; per source too with `bySource`. */
export async function claimAnswerCounts(handle: DatabaseHandle, source: ResultSource, bySource = false) {
	const { db, tables: t } = handle;
	const r = t.responses;
	const groups = [r.claimId, r.questionId, ...(bySource ? [t.attempts.assignmentId, t.attempts.liveSessionId] : [])];
	const rows = await db
		.select({
			claimId: r.claimId,
			questionId: r.questionId,
			assignmentId: bySource ? t.attempts.assignmentId : sql<string | null>`null`,
			liveSessionId: bySource ? t.attempts.liveSessionId : sql<string | null>`null`,
			answered: countAll(),
			wrong: countWhere(sql`${r.fraction} < 1`)
		})
		.from(r)
		.innerJoin(t.attempts, eq(t.attempts.id, r.attemptId))
		.where(and(attemptsOf(handle, source), scoredAboutClaim(t)))
		.groupBy(...groups);
	return rows.map((row) => ({ ...row, claimId: row.claimId! }));
}

export type ClaimAnswerCount = Awaited<ReturnType<typeof claimAnswerCounts>>[number];

/** Which questions feed which matrix. */
const MATRIX_OF = { 'who-said-it': 'speaker', 'whose-voice': 'form' } as const;

/**
 * For who-said-it and whose-voice answers: per claim, the true value against the value
 * chosen, counted. The truth is the claim's as the ledger holds it now: its form, or its
 * speaker (a speaker the article leaves unnamed, such as "Trump's camp", is "no one is
 * named", the answer question-rules requires for it).
 */
export async function confusionCounts(handle: DatabaseHandle, source: ResultSource) {
	const { db, tables: t } = handle;
	const r = t.responses;
	const q = t.quizQuestions;
	const truth = sql<string>`case when ${q.type} = 'whose-voice' then ${t.claims.form} when ${t.speakers.role} = 'government-unnamed' then ${NO_ONE_NAMED} else ${t.speakers.key} end`;
	const rows = await db
		.select({ claimId: r.claimId, type: q.type, truth, chosen: r.choice, count: countAll() })
		.from(r)
		.innerJoin(t.attempts, eq(t.attempts.id, r.attemptId))
		.innerJoin(q, eq(q.id, r.questionId))
		.innerJoin(t.claims, eq(t.claims.annotationId, r.claimId))
		.innerJoin(t.speakers, eq(t.speakers.id, t.claims.speakerId))
		.where(and(attemptsOf(handle, source), inArray(q.type, Object.keys(MATRIX_OF)), isNotNull(r.choice)))
		.groupBy(r.claimId, q.type, t.claims.form, t.speakers.role, t.speakers.key, r.choice);
	return rows.map((row) => ({ claimId: row.claimId!, kind: MATRIX_OF[row.type as keyof typeof MATRIX_OF], truth: row.truth, chosen: row.chosen!, count: row.count }));
}

export type ClaimConfusionCount = Awaited<ReturnType<typeof confusionCounts>>[number];

/** For find-the-evidence questions: each distinct selection and how many chose it, per question. */
export async function selectionCounts(handle: DatabaseHandle, source: ResultSource, questionIds: string[]) {
	if (questionIds.length === 0) return [];
	const { db, tables: t } = handle;
	const r = t.responses;
	const rows = await db
		.select({ questionId: r.questionId, start: r.spanStart, end: r.spanEnd, count: countAll() })
		.from(r)
		.innerJoin(t.attempts, eq(t.attempts.id, r.attemptId))
		.where(and(attemptsOf(handle, source), inArray(r.questionId, questionIds), isNotNull(r.spanStart), isNotNull(r.spanEnd)))
		.groupBy(r.questionId, r.spanStart, r.spanEnd)
		.orderBy(asc(r.questionId), asc(r.spanStart), asc(r.spanEnd));
	return rows.map((row) => ({ questionId: row.questionId, start: row.start!, end: row.end!, count: row.count }));
}

/** The selections of one question, one per student who made it, as the heat map counts them. */
export function selectionsOf(counts: Awaited<ReturnType<typeof selectionCounts>>, questionId: string) {
	return counts.filter((c) => c.questionId === questionId).flatMap((c) => Array.from({ length: c.count }, () => ({ start: c.start, end: c.end })));
}

/** How a speaker value reads in a table heading: "The writer", "Anna Kelly", "No one is named". */
export function speakerLabel(article: ReaderArticle, key: string): string {
	if (key === NO_ONE_NAMED) return m.results_no_one_named();
	const name = article.speakers.find((s) => s.key === key)?.name ?? key;
	return name.charAt(0).toUpperCase() + name.slice(1);
}

/** How a matrix value reads in a table heading. */
export function valueLabel(article: ReaderArticle, kind: 'speaker' | 'form', value: string): string {
	return kind === 'form' ? formLabel(value) : speakerLabel(article, value);
}

/** The order of speaker rows and columns: the article's speakers, then "no one is named". */
const speakerOrder = (article: ReaderArticle) => [...article.speakers.map((s) => s.key), NO_ONE_NAMED];

/** A speaker's name as a misreading sentence uses it (the ledger's own spelling). */
const nameIn = (article: ReaderArticle) => (key: string) => article.speakers.find((s) => s.key === key)?.name ?? key;

/** Both matrices for the confusion counts `counts` (of one claim, or of many summed). */
export function matricesOf(article: ReaderArticle, counts: readonly (ConfusionCount & { kind: 'speaker' | 'form' })[]) {
	return {
		speaker: confusionMatrix('speaker', counts.filter((c) => c.kind === 'speaker'), speakerOrder(article)),
		form: confusionMatrix('form', counts.filter((c) => c.kind === 'form'))
	};
}

/** One claim's results, for the claims page, the passage and the CSV. */
export interface ClaimResult {
	claim: ClaimView;
	speakerName: string;
	formLabel: string;
	rate: ErrorRate;
	speaker: ConfusionMatrix;
	form: ConfusionMatrix;
	misreadings: Misreading[];
	top: Misreading | null;
	/** The questions about the claim that were answered, in the quiz's order. */
	questions: { id: string; number: number; prompt: string; type: string; rate: ErrorRate }[];
}

/**
 * Every claim of `article` with its figures, in reading order. `questions` are the quiz's,
 * in order (their numbers are their places in it); claims nobody answered a question about
 * come back too, "not asked", so the passage can say so.
 */
export function claimResults(
	article: ReaderArticle,
	questions: readonly { id: string; prompt: string; type: string }[],
	answers: readonly ClaimAnswerCount[],
	confusion: readonly ClaimConfusionCount[]
): ClaimResult[] {
	const name = nameIn(article);
	return article.claims.map((claim) => {
		// A claim's id is its article's id and its key (the annotation row's id).
		const id = `${article.id}/${claim.key}`;
		const mine = answers.filter((a) => a.claimId === id);
		const sum = (rows: typeof mine) => errorRate(rows.reduce((n, a) => n + a.answered, 0), rows.reduce((n, a) => n + a.wrong, 0));
		const { speaker, form } = matricesOf(article, confusion.filter((c) => c.claimId === id));
		const found = [...misreadings(speaker, name), ...misreadings(form, name)].sort((a, b) => b.count - a.count);
		return {
			claim,
			speakerName: speakerLabel(article, claim.speaker),
			formLabel: formLabel(claim.form),
			rate: sum(mine),
			speaker,
			form,
			misreadings: found.slice(0, 3),
			top: topMisreading([speaker, form], name),
			questions: questions.flatMap((q, i) => {
				const rows = mine.filter((a) => a.questionId === q.id);
				return rows.length ? [{ id: q.id, number: i + 1, prompt: q.prompt, type: q.type, rate: sum(rows) }] : [];
			})
		};
	});
}

/** The claims, questions and figures of one assignment or live session on `article`. */
export async function sourceClaimResults(handle: DatabaseHandle, source: ResultSource, article: ReaderArticle, questions: readonly { id: string; prompt: string; type: string }[]) {
	const [answers, confusion] = await Promise.all([claimAnswerCounts(handle, source), confusionCounts(handle, source)]);
	const claims = claimResults(article, questions, answers, confusion);
	return { claims, overall: matricesOf(article, confusion) };
}

/**
 * The students who answered questions about one claim, with how many of those answers were
 * wrong, most wrong first: where the claim view leads on to each student's answers. At most
 * one row per student of the class.
 */
export async function claimStudents(handle: DatabaseHandle, source: ResultSource, claimId: string) {
	const { db, tables: t } = handle;
	const r = t.responses;
	const rows = await db
		.select({ studentId: t.students.id, name: t.students.displayName, answered: countAll(), wrong: countWhere(sql`${r.fraction} < 1`) })
		.from(r)
		.innerJoin(t.attempts, eq(t.attempts.id, r.attemptId))
		.innerJoin(t.students, eq(t.students.id, t.attempts.studentId))
		.where(and(attemptsOf(handle, source), eq(r.claimId, claimId), isNotNull(r.fraction)))
		.groupBy(t.students.id, t.students.displayName);
	return rows.sort((a, b) => b.wrong - a.wrong || a.name.localeCompare(b.name));
}
