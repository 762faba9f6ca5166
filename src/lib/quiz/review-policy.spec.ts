import { describe, expect, it } from 'vitest';
import { practicePolicy, reviewPolicy, type FeedbackMode } from './review-policy';

/**
 * One row per case: the feedback mode, the attempts allowed and started, whether the
 * attempt looked at is over, whether the question is answered in it, whether another
 * attempt is under way, whether the assignment has closed, and the teacher's choice to
 * show right answers after every attempt; then what may show.
 */
type Row = [
	mode: FeedbackMode,
	allowed: number,
	started: number,
	over: boolean,
	answered: boolean,
	another: boolean,
	closed: boolean,
	eachAttempt: boolean,
	feedback: boolean,
	rightAnswers: boolean
];

const rows: Row[] = [
	// After they submit, two attempts: attempt 1 handed in, one left, open. The trial's case.
	['after-submit', 2, 1, true, true, false, false, false, true, false],
	// ... and the teacher chose to show the right answers after every attempt.
	['after-submit', 2, 1, true, true, false, false, true, true, true],
	// ... attempt 2 under way: attempt 1's review must still hold them back.
	['after-submit', 2, 2, true, true, true, false, false, true, false],
	['after-submit', 2, 2, true, true, true, false, true, true, true],
	// ... the attempt under way itself: nothing until it is submitted.
	['after-submit', 2, 2, false, true, false, false, false, false, false],
	['after-submit', 2, 2, false, true, false, false, true, false, false],
	// ... the last attempt handed in: everything.
	['after-submit', 2, 2, true, true, false, false, false, true, true],
	// ... closed with an attempt unused: everything, since nobody can answer any more.
	['after-submit', 2, 1, true, true, false, true, false, true, true],
	['after-submit', 3, 1, true, false, false, true, false, true, true],
	// One attempt: everything once it is handed in, as before.
	['after-submit', 1, 1, true, true, false, false, false, true, true],
	['after-submit', 1, 1, false, true, false, false, false, false, false],
	// The teacher lowered the limit below what was used: no attempts left.
	['after-submit', 1, 2, true, true, false, false, false, true, true],
	// Ten attempts, three used, open.
	['after-submit', 10, 3, true, true, false, false, false, true, false],

	// After each question, one attempt: everything as soon as a question is answered.
	['each-question', 1, 1, false, true, false, false, false, true, true],
	['each-question', 1, 1, false, false, false, false, false, false, false],
	// ... two attempts, the first under way: right or not, but not the right answer.
	['each-question', 2, 1, false, true, false, false, false, true, false],
	['each-question', 2, 1, false, true, false, false, true, true, true],
	['each-question', 2, 1, false, false, false, false, true, false, false],
	// ... attempt 1 over, one left.
	['each-question', 2, 1, true, true, false, false, false, true, false],
	['each-question', 2, 1, true, false, false, false, false, true, false],
	// ... attempt 1 looked at while the last is under way.
	['each-question', 2, 2, true, true, true, false, false, true, false],
	// ... the last attempt under way: a question answered in it is final, so its answer shows.
	['each-question', 2, 2, false, true, false, false, false, true, true],
	['each-question', 2, 2, false, false, false, false, false, false, false],
	// ... closed.
	['each-question', 2, 1, true, true, false, true, false, true, true],

	// After the assignment closes: nothing before closing, whatever else holds.
	['after-close', 1, 1, true, true, false, false, false, false, false],
	['after-close', 2, 1, true, true, false, false, true, false, false],
	['after-close', 2, 2, true, true, false, false, false, false, false],
	['after-close', 2, 2, false, true, true, false, true, false, false],
	// ... and everything after.
	['after-close', 2, 1, true, true, false, true, false, true, true],
	['after-close', 1, 1, true, false, false, true, false, true, true],
	['after-close', 2, 2, true, true, false, true, true, true, true]
];

describe('reviewPolicy', () => {
	it.each(rows)(
		'%s, %i allowed, %i started, over %s, answered %s, another under way %s, closed %s, answers each attempt %s → feedback %s, right answers %s',
		(mode, allowed, started, over, answered, another, closed, eachAttempt, feedback, rightAnswers) => {
			const policy = reviewPolicy({
				mode,
				answersEachAttempt: eachAttempt,
				closed,
				attemptOver: over || closed,
				answered,
				attemptsLeft: Math.max(0, allowed - started),
				anotherUnderWay: another
			});
			expect(policy).toEqual({ feedback, rightAnswers });
		}
	);

	it('never shows right answers without feedback', () => {
		const modes: FeedbackMode[] = ['each-question', 'after-submit', 'after-close'];
		const flags = [false, true];
		for (const mode of modes)
			for (const closed of flags)
				for (const attemptOver of flags)
					for (const answered of flags)
						for (const anotherUnderWay of flags)
							for (const answersEachAttempt of flags)
								for (const attemptsLeft of [0, 1, 5]) {
									const p = reviewPolicy({ mode, closed, attemptOver, answered, anotherUnderWay, answersEachAttempt, attemptsLeft });
									if (p.rightAnswers) expect(p.feedback).toBe(true);
								}
	});
});

describe('practicePolicy', () => {
	it.each([
		[false, { feedback: false, rightAnswers: false }],
		[true, { feedback: true, rightAnswers: true }]
	])('answered %s → %o', (answered, expected) => {
		expect(practicePolicy(answered)).toEqual(expected);
	});
});
