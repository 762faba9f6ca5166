/**
 * What a student may see of an answered question, in one place for every page that shows
 * feedback (the question pages, the review of an attempt, the attempts list, practice).
 * It follows Moodle's review options, which keep "whether correct", the marks and the
 * feedback on the student's own response apart from "right answer" and general feedback:
 *
 * - feedback: right or not, the marks, the feedback on what the student chose, and the
 *   teacher's comment on a written answer. When it shows is the assignment's setting.
 * - right answers: the correct options, the key passages of find the evidence, the
 *   feedback on options the student did not choose, the question's explanation, and the
 *   links to the passage and its notes (which name the speaker and the form). They wait
 *   until the student cannot use them in another attempt (no attempts left and none under
 *   way) or until the assignment closes, unless the teacher chose to show them after every
 *   attempt.
 *
 * Plain TypeScript with no framework imports, so the whole table is unit-tested.
 */

/** When an assignment shows feedback (the assignment's `feedback` column). */
export const FEEDBACK_MODES = ['each-question', 'after-submit', 'after-close'] as const;
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];

/** Everything the decision depends on, for one question of one attempt at `now`. */
export interface ReviewSituation {
	mode: FeedbackMode;
	/** The teacher chose to show the right answers after every attempt (`answers_each_attempt`). */
	answersEachAttempt: boolean;
	/** The assignment has closed. */
	closed: boolean;
	/** The attempt looked at is over: submitted, or handed in when the assignment closed. */
	attemptOver: boolean;
	/** The question is answered in that attempt. */
	answered: boolean;
	/** Attempts the student may still start (the limit less those started; never below 0). */
	attemptsLeft: number;
	/** The student has an attempt under way other than the one looked at. */
	anotherUnderWay: boolean;
}

/** What may be shown: `rightAnswers` is never true without `feedback`. */
export interface ReviewPolicy {
	feedback: boolean;
	rightAnswers: boolean;
}

/** Whether right or not, the marks and the student's own feedback may show, as the assignment's setting says. */
function feedbackAllowed(s: ReviewSituation): boolean {
	if (s.mode === 'each-question') return s.answered || s.attemptOver;
	if (s.mode === 'after-submit') return s.attemptOver;
	return s.closed;
}

/** What the student may see of one answered question now. */
export function reviewPolicy(s: ReviewSituation): ReviewPolicy {
	const feedback = feedbackAllowed(s);
	if (!feedback) return { feedback, rightAnswers: false };
	// Nobody can answer any more: nothing left to protect.
	if (s.closed) return { feedback, rightAnswers: true };
	// The teacher chose this, knowing students could copy the answers into their next attempt.
	if (s.answersEachAttempt) return { feedback, rightAnswers: true };
	// Otherwise only once the student cannot use them: no attempt left to start and none
	// under way but this one. A question answered in this one is final (handed in, or
	// locked after each question), so its right answer cannot change its mark.
	return { feedback, rightAnswers: s.attemptsLeft <= 0 && !s.anotherUnderWay };
}

/**
 * Practice shows everything once a question is answered: it is self-study with no grade,
 * the first answer is final, and the annotated article with every key is public anyway.
 */
export function practicePolicy(answered: boolean): ReviewPolicy {
	return { feedback: answered, rightAnswers: answered };
}
