/**
 * Attempts and responses: starting a practice attempt, saving answers (idempotently,
 * checked against the question, graded on the server) and submitting. Pages and the
 * assignment rules come later; this is the engine they will call.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { preparedFor } from '../db/prepared';
import { signalAttemptResults } from '../results/results-signal';
import { stampColumns, stampOf } from '../articles/reader';
import type { StoredAnswer } from '../db/schema.sqlite';
import { DomainError } from '../domain-error';
import { hashesEqual, hashSecret, randomToken } from '../auth/tokens';
import { marks, score, type Certainty, type Question } from '$lib/quiz/scoring';
import { answerColumns } from '$lib/quiz/answer-columns';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

type QuestionRow = DatabaseHandle['tables']['quizQuestions']['$inferSelect'];

/** Starts an anonymous practice attempt; the token (`id.secret`) goes in a cookie. */
export async function startPracticeAttempt({ db, tables: t }: DatabaseHandle, quizId: string, now = new Date()) {
	const [quiz] = await db.select({ id: t.quizzes.id }).from(t.quizzes).where(eq(t.quizzes.id, quizId));
	if (!quiz) throw new DomainError(m.rest_err_no_quiz(), 404);
	const id = randomToken();
	const secret = randomToken();
	await db.insert(t.attempts).values({ id, quizId, practiceKeyHash: hashSecret(secret), startedAt: now });
	return { attemptId: id, token: `${id}.${secret}` };
}

/** A practice attempt by id, with its quiz's article slug and stamp (see articleStamp). */
const attemptWithArticle = preparedFor((handle) => {
	const { db, tables: t } = handle;
	return db
		.select({ attempt: t.attempts, articleSlug: t.articles.slug, stamp: stampColumns(handle) })
		.from(t.attempts)
		.innerJoin(t.quizzes, eq(t.quizzes.id, t.attempts.quizId))
		.innerJoin(t.articles, eq(t.articles.id, t.quizzes.articleId))
		.where(eq(t.attempts.id, sql.placeholder('id')))
		.prepare('practice_attempt_with_article');
});

/**
 * The practice attempt a cookie token stands for, with its article's slug and stamp (read
 * in the same query, so a practice page needs no separate query for the stamp), or null.
 */
export async function practiceAttemptWithArticle(handle: DatabaseHandle, token: string) {
	const [id, secret] = token.split('.');
	if (!/^[a-z2-7]{24}$/.test(id ?? '') || !/^[a-z2-7]{24}$/.test(secret ?? '')) return null;
	const [row] = await attemptWithArticle(handle).execute({ id });
	if (!row?.attempt.practiceKeyHash || !hashesEqual(hashSecret(secret), row.attempt.practiceKeyHash)) return null;
	return { attempt: row.attempt, articleSlug: row.articleSlug, articleStamp: stampOf(row.stamp) };
}

/** The practice attempt a cookie token stands for, or null. */
export async function practiceAttempt(handle: DatabaseHandle, token: string) {
	return (await practiceAttemptWithArticle(handle, token))?.attempt ?? null;
}

/** The scoring module's view of a stored question. */
function asScoringQuestion(q: QuestionRow): Question {
	const correct = (q.options ?? []).filter((o) => o.correct).map((o) => o.value);
	switch (q.type) {
		case 'multiple-response':
			return { type: 'multiple-response', key: correct, options: (q.options ?? []).map((o) => o.value) };
		case 'find-evidence':
			return { type: 'find-evidence', key: q.evidence ?? [], tolerance: (q.tolerancePercent ?? 50) / 100 };
		case 'short-answer':
			return { type: 'short-answer', maxScore: (q.rubric ?? []).reduce((sum, r) => sum + r.points, 0) };
		default:
			return { type: q.type as 'multiple-choice', key: correct[0] };
	}
}

export interface AnswerInput {
	/** Option values, a selected span (start and end in the article text), or written text. */
	choices?: string[];
	span?: { start: number; end: number };
	text?: string;
	certainty?: number | null;
}

/** Turns form input into a stored answer for `q`, refusing anything that does not belong to it. */
function answerFor(q: QuestionRow, input: AnswerInput, textLength: number): StoredAnswer {
	const values = new Set((q.options ?? []).map((o) => o.value));
	switch (q.type) {
		case 'multiple-response': {
			const choices = [...new Set(input.choices ?? [])];
			if (choices.length === 0) throw new DomainError(m.rest_err_choose_some(), 400);
			if (choices.some((c) => !values.has(c))) throw new DomainError(m.rest_err_not_an_option(), 400);
			return { type: 'choices', values: choices };
		}
		case 'find-evidence': {
			const span = input.span;
			if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > textLength || span.start >= span.end) {
				throw new DomainError(m.rest_err_select_words(), 400);
			}
			return { type: 'span', span: { start: span.start, end: span.end } };
		}
		case 'short-answer': {
			const text = (input.text ?? '').trim();
			if (text.length === 0) throw new DomainError(m.rest_err_write_answer(), 400);
			if (text.length > 5000) throw new DomainError(m.rest_err_answer_long({ max: (5000).toLocaleString(getLocale()) }), 413);
			return { type: 'text', text };
		}
		default: {
			const [choice, ...rest] = input.choices ?? [];
			if (!choice || rest.length > 0) throw new DomainError(m.rest_err_choose_one(), 400);
			if (!values.has(choice)) throw new DomainError(m.rest_err_not_an_option(), 400);
			return { type: 'choice', value: choice };
		}
	}
}

type AttemptRow = DatabaseHandle['tables']['attempts']['$inferSelect'];

/**
 * Saves (or replaces) the attempt's answer to a question and grades it on the server.
 * Saving twice is harmless: there is one response per attempt and question. The caller
 * passes the rows it already holds; `textLength` bounds a selected span. With
 * `lockOnceAnswered` (feedback after each question) the first answer is final: a repeat
 * (a double click, a retried request) changes nothing and gets the first answer's result.
 */
export async function saveResponse(
	handle: DatabaseHandle,
	attempt: AttemptRow,
	question: QuestionRow,
	input: AnswerInput,
	textLength: number,
	options: { lockOnceAnswered?: boolean } = {},
	now = new Date()
) {
	if (attempt.submittedAt) throw new DomainError(m.rest_err_submitted_short(), 409);
	if (question.quizId !== attempt.quizId) throw new DomainError(m.rest_err_not_in_quiz(), 404);

	let certainty: Certainty | null = null;
	if (question.certainty) {
		if (input.certainty !== 1 && input.certainty !== 2 && input.certainty !== 3) {
			throw new DomainError(m.rest_err_say_how_sure(), 400);
		}
		certainty = input.certainty;
	}
	const answer = answerFor(question, input, textLength);
	const result = score(asScoringQuestion(question), answer);
	const fraction = result.status === 'scored' ? result.fraction : null;
	const row = {
		id: randomToken(),
		attemptId: attempt.id,
		questionId: question.id,
		answer,
		...answerColumns(answer),
		certainty,
		fraction,
		marks: fraction === null ? null : marks(fraction, certainty),
		claimId: question.claimId,
		answeredAt: now
	};
	try {
		if (options.lockOnceAnswered) {
			const inserted = await insertFirstResponse(handle).execute(row);
			if (inserted.length === 0) {
				const [first] = await responseMarks(handle).execute({ attemptId: attempt.id, questionId: question.id });
				return first;
			}
		} else {
			await upsertResponse(handle).execute(row);
		}
	} catch (error) {
		const refusal = databaseRefusal(error);
		if (refusal) throw new DomainError(refusal, 409);
		throw error;
	}
	// Open results dashboards re-read (coalesced; no database read here).
	signalAttemptResults(handle, attempt);
	return { fraction, marks: row.marks };
}

/** The database's refusals of an answer (triggers of migrations 0006 and 0007), in words for the student. */
const REFUSALS = [
	{ code: 'AL409', text: 'attempt handed in', message: 'This attempt has been handed in, so its answers can no longer change.' },
	{ code: 'AL423', text: 'question locked', message: 'Answers to this question are locked. Your teacher has moved on.' }
];

/** Why the database refused the write, if it was one of its own rules (on either engine); null otherwise. */
function databaseRefusal(error: unknown): string | null {
	for (let e = error; e instanceof Error; e = e.cause) {
		const code = (e as { code?: string }).code;
		const found = REFUSALS.find((r) => code === r.code || e.message.includes(r.text));
		if (found) return found.message;
	}
	return null;
}

/** A response row's values as placeholders, for the prepared inserts below. */
function responsePlaceholders() {
	const p = (name: string) => sql.placeholder(name);
	return {
		id: p('id'),
		attemptId: p('attemptId'),
		questionId: p('questionId'),
		answer: p('answer'),
		choice: p('choice'),
		choices: p('choices'),
		spanStart: p('spanStart'),
		spanEnd: p('spanEnd'),
		certainty: p('certainty'),
		fraction: p('fraction'),
		marks: p('marks'),
		claimId: p('claimId'),
		answeredAt: p('answeredAt')
	};
}

/** Saves a first answer; a repeat inserts nothing and returns no row. */
const insertFirstResponse = preparedFor(({ db, tables: t }) =>
	db.insert(t.responses).values(responsePlaceholders()).onConflictDoNothing().returning({ id: t.responses.id }).prepare('insert_first_response')
);

/** The marks of the response already saved for an attempt's question. */
const responseMarks = preparedFor(({ db, tables: t }) =>
	db
		.select({ fraction: t.responses.fraction, marks: t.responses.marks })
		.from(t.responses)
		.where(and(eq(t.responses.attemptId, sql.placeholder('attemptId')), eq(t.responses.questionId, sql.placeholder('questionId'))))
		.prepare('response_marks')
);

/** Saves an answer, or replaces the one saved for the same attempt and question. */
const upsertResponse = preparedFor(({ db, tables: t }) => {
	const r = t.responses;
	const excluded = (column: { name: string }) => sql`excluded.${sql.identifier(column.name)}`;
	return db
		.insert(r)
		.values(responsePlaceholders())
		.onConflictDoUpdate({
			target: [r.attemptId, r.questionId],
			// A changed answer is a new answer: any grading of the old one no longer applies.
			set: {
				answer: excluded(r.answer),
				choice: excluded(r.choice),
				choices: excluded(r.choices),
				spanStart: excluded(r.spanStart),
				spanEnd: excluded(r.spanEnd),
				certainty: excluded(r.certainty),
				fraction: excluded(r.fraction),
				marks: excluded(r.marks),
				answeredAt: excluded(r.answeredAt),
				rubricMet: null,
				comment: null,
				gradedAt: null
			}
		})
		.prepare('upsert_response');
});

/** Submits an attempt; submitting again changes nothing. */
export async function submitAttempt({ db, tables: t }: DatabaseHandle, attemptId: string, now = new Date()) {
	await db
		.update(t.attempts)
		.set({ submittedAt: now })
		.where(and(eq(t.attempts.id, attemptId), isNull(t.attempts.submittedAt)));
}
