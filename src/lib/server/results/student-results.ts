/**
 * One student's results in one assignment or live session, for the teacher: per question
 * exactly what they chose, how sure they were, the marks, and the feedback they were shown
 * (as the review policy showed it to them, now); and their attempts at the quiz over time,
 * in this and the class's other assignments and live sessions. Callers have checked the teacher.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { certaintyLabel, verdictWords } from '$lib/quiz/teacher-words';
import { reviewPolicy, type ReviewPolicy } from '$lib/quiz/review-policy';
import { studentMaySee } from '$lib/live/pacing';
import { accuracyAndScore, scoreText } from '$lib/results/item-stats';
import { accuracy, accuracyWords, liveQuestionIndexes, scoreRange } from '$lib/results/accuracy';
import { answerSummary, feedbackView } from '../quiz/question-views';
import { attemptOver } from '../quiz/assignments';
import { studentAnswers, studentQuizHistory } from './question-queries';
import type { DashboardScope } from './question-results';

type AssignmentRow = DatabaseHandle['tables']['assignments']['$inferSelect'];
type LiveSessionRow = DatabaseHandle['tables']['liveSessions']['$inferSelect'];
type AttemptRow = DatabaseHandle['tables']['attempts']['$inferSelect'];

/** The scope with what decides what a student was shown: the assignment's rules, or the session's state. */
export interface StudentScope extends DashboardScope {
	classId: string;
	quizId: string;
	assignment?: AssignmentRow | null;
	session?: LiveSessionRow | null;
}

/** What the student may see of a question of `attempt` now, as their own pages decide it. */
function policyFor(scope: StudentScope, attempt: AttemptRow, attempts: AttemptRow[], index: number, answered: boolean, now: Date): ReviewPolicy {
	if (scope.assignment) {
		const a = scope.assignment;
		return reviewPolicy({
			mode: a.feedback,
			answersEachAttempt: a.answersEachAttempt,
			closed: now >= a.closesAt,
			attemptOver: attemptOver(a, attempt, now),
			answered,
			attemptsLeft: Math.max(0, a.maxAttempts - attempts.length),
			anotherUnderWay: attempts.some((x) => x.id !== attempt.id && !attemptOver(a, x, now))
		});
	}
	const s = scope.session!;
	return studentMaySee(s.state, s.pacing, index, { handedIn: attempt.submittedAt !== null || s.state.stage === 'ended' });
}

/** Whether a question asks how sure in this scope (a live session may not ask at all). */
function asksCertainty(scope: StudentScope, q: { certainty: boolean }) {
	return q.certainty && (scope.session ? scope.session.askCertainty : true);
}

/** The student's answers in `scope`, attempt by attempt (`attemptNumber` picks one; the latest by default). */
export async function studentResults(handle: DatabaseHandle, scope: StudentScope, studentId: string, attemptNumber: number | null, now = new Date()) {
	const { db, tables: t } = handle;
	const [student] = await db
		.select({ id: t.students.id, name: t.students.displayName })
		.from(t.students)
		.where(and(eq(t.students.id, studentId.slice(0, 64)), eq(t.students.classId, scope.classId)));
	if (!student) throw new DomainError(m.results_err_no_student(), 404);
	const { attempts, responses } = await studentAnswers(handle, scope, student.id);
	const numbered = attempts.map((a, i) => ({ attempt: a, number: a.number ?? i + 1 }));
	const chosen = attemptNumber === null ? numbered.at(-1) : numbered.find((a) => a.number === attemptNumber);
	if (attemptNumber !== null && !chosen) throw new DomainError(m.results_err_no_attempt(), 404);
	const mine = chosen ? responses.filter((r) => r.attemptId === chosen.attempt.id) : [];
	const byQuestion = new Map(mine.map((r) => [r.questionId, r]));
	const questions = scope.questions.map((q, i) => {
		const index = (q.number ?? i + 1) - 1;
		const asked = { ...q, certainty: asksCertainty(scope, q) };
		const r = byQuestion.get(q.id);
		const policy = chosen ? policyFor(scope, chosen.attempt, attempts, index, !!r, now) : { feedback: false, rightAnswers: false };
		const seen = r ? feedbackView(asked, r, scope.article, policy) : null;
		return {
			id: q.id,
			number: q.number ?? i + 1,
			prompt: q.prompt,
			answered: !!r,
			answer: r ? answerSummary(q, r, scope.article) : null,
			certainty: r?.certainty ? certaintyLabel(r.certainty) : null,
			verdict: r ? verdictWords(r.fraction) : null,
			marks: r?.marks ?? null,
			awaiting: !!r && r.fraction === null,
			answeredAt: r?.answeredAt ?? null,
			/** What the student's own page shows about this answer now; null when nothing yet. */
			seen,
			href: `${scope.base}/questions/${q.number ?? i + 1}`
		};
	});
	// A live session counts its attempts on the questions it showed (see $lib/results/accuracy).
	const counted = scope.session ? new Set(liveQuestionIndexes(scope.session.state, scope.session.pacing)) : null;
	const summary = accuracyAndScore(
		scope.questions.filter((q, i) => !counted || counted.has((q.number ?? i + 1) - 1)).map((q) => ({ certainty: asksCertainty(scope, q) })),
		mine.filter((r) => !counted || counted.has(scope.questions.findIndex((q) => q.id === r.questionId)))
	);
	return {
		student,
		attemptNumber: chosen?.number ?? null,
		attempts: numbered.map(({ attempt, number }) => ({ number, startedAt: attempt.startedAt, submittedAt: attempt.submittedAt })),
		questions,
		accuracy: accuracyWords(summary.accuracy) ?? '–',
		score: scoreText(summary),
		summary,
		feedbackSetting: scope.assignment?.feedback ?? null
	};
}

/**
 * The student's attempts at this quiz in the class, oldest first: when, which assignment or
 * live session, accuracy and score. Two queries: the attempts with their sums, and the
 * live sessions among them (which questions they asked).
 */
export async function studentHistory(handle: DatabaseHandle, scope: StudentScope, studentId: string) {
	const { db, tables: t } = handle;
	const [rows, quizQuestions] = await Promise.all([
		studentQuizHistory(handle, studentId, scope.quizId),
		db.select({ id: t.quizQuestions.id, certainty: t.quizQuestions.certainty, sort: t.quizQuestions.sort }).from(t.quizQuestions).where(eq(t.quizQuestions.quizId, scope.quizId))
	]);
	const ordered = [...quizQuestions].sort((a, b) => a.sort - b.sort);
	const sessionIds = [...new Set(rows.flatMap((r) => (r.liveSessionId ? [r.liveSessionId] : [])))];
	const sessions = sessionIds.length
		? await db.select({ id: t.liveSessions.id, askCertainty: t.liveSessions.askCertainty, state: t.liveSessions.state, pacing: t.liveSessions.pacing }).from(t.liveSessions).where(inArray(t.liveSessions.id, sessionIds))
		: [];
	const sessionById = new Map(sessions.map((s) => [s.id, s]));
	return rows
		.filter((r) => r.assignmentId || r.liveSessionId)
		.map((r) => {
			const session = r.liveSessionId ? sessionById.get(r.liveSessionId) : undefined;
			// A live session is counted on the questions it showed, with certainty only where it asked.
			const shown = session ? new Set(liveQuestionIndexes(session.state, session.pacing)) : null;
			const asked = shown ? ordered.filter((_, i) => shown.has(i)).map((q) => ({ certainty: q.certainty && session!.askCertainty })) : ordered.map((q) => ({ certainty: q.certainty }));
			const range = scoreRange(asked, { sure: r.awaitingSure, plain: r.awaiting - r.awaitingSure });
			const sums = { accuracy: accuracy({ questions: asked.length, right: r.right, partly: r.partly, awaiting: r.awaiting }), score: Math.round(r.marks * 100) / 100, min: range.lowest, max: range.highest };
			const kind = r.assignmentId ? 'assignment' : 'live';
			const id = (r.assignmentId ?? r.liveSessionId)!;
			const here = id === scope.id && kind === scope.kind;
			return {
				attemptId: r.attemptId,
				number: r.number ?? 1,
				kind,
				label:
					kind === 'assignment'
						? (here ? m.results_this_assignment_attempt : m.results_other_assignment_attempt)({ number: r.number ?? 1 })
						: here
							? m.results_this_live()
							: m.results_other_live(),
				startedAt: r.startedAt,
				submittedAt: r.submittedAt,
				removed: r.removedAt !== null,
				here,
				accuracy: accuracyWords(sums.accuracy) ?? '–',
				score: scoreText(sums),
				href: `/teach/results/${kind}/${encodeURIComponent(id)}/students/${encodeURIComponent(studentId)}${kind === 'assignment' ? `?attempt=${r.number ?? 1}` : ''}`
			};
		});
}
