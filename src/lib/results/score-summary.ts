/**
 * How a student's answers add up, told as two separate figures as Moodle's certainty-based
 * marking report does: accuracy (how many were right, ignoring how sure the student was)
 * and the certainty-based score (the marks, which a sure wrong answer makes negative).
 * Added together on one line they once read "-39 of 25 marks"; a score that can be
 * negative is therefore always given with its whole range, never as "x of max".
 */
import { m } from '$lib/paraglide/messages';
import { accuracyOfAnswers, accuracyWords as wordsOf, awaitingAnswers, scoreRange, type Accuracy } from './accuracy';

/** One answer as stored: fraction and marks are null while a written answer waits to be marked. */
export interface AnswerFigures {
	fraction: number | null;
	marks: number | null;
	/** The certainty the student gave (1–3), or null when the question did not ask. */
	certainty: number | null;
}

export interface ScoreSummary {
	/** Answers given. */
	answered: number;
	/** Answers marked (a written answer counts once its grade is in). */
	marked: number;
	/** Written answers still waiting to be marked. */
	awaiting: number;
	/** Accuracy as every view counts it ($lib/results/accuracy): right of the quiz's questions. */
	accuracy: Accuracy;
	/** Marks of the marked answers, and the lowest and highest the questions counted could give. */
	score: { marks: number; lowest: number; highest: number };
	/** Marked answers given with a certainty: the score differs from accuracy only through these. */
	withCertainty: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Adds up answers into accuracy and the certainty-based score, kept apart. `questions`: the
 * questions the attempt is counted on (the quiz's, or those a live session showed), with
 * whether each asked how sure; both figures speak of them ($lib/results/accuracy).
 */
export function summariseScores(answers: AnswerFigures[], questions: readonly { certainty: boolean }[]): ScoreSummary {
	let marked = 0;
	let marks = 0;
	let withCertainty = 0;
	for (const a of answers) {
		if (a.fraction === null) continue;
		marked++;
		marks += a.marks ?? a.fraction;
		if (a.certainty !== null) withCertainty++;
	}
	return {
		answered: answers.length,
		marked,
		awaiting: answers.length - marked,
		accuracy: accuracyOfAnswers(questions.length, answers),
		score: { marks: round2(marks), ...scoreRange(questions, awaitingAnswers(answers)) },
		withCertainty
	};
}

/** A number as people read a score: a true minus sign, and a plus on positives when asked. */
export function signed(n: number, plus = false): string {
	const r = round2(n);
	if (r < 0) return `−${Math.abs(r)}`;
	return plus && r > 0 ? `+${r}` : String(r);
}

/** "7 of 10 right (70%)", with partly right answers named; null when nothing is marked. In the page's language. */
export function accuracyWords(s: ScoreSummary): string | null {
	return s.marked === 0 ? null : wordsOf(s.accuracy);
}

/**
 * The score in words. When it can be negative it is given on its range ("−39 marks, on a
 * scale from −150 to +75"), so it never reads as a negative part of a positive maximum.
 */
export function scoreWords(s: ScoreSummary): string | null {
	if (s.marked === 0) return null;
	const { marks, lowest, highest } = s.score;
	const unit = Math.abs(marks) === 1 ? m.score_mark() : m.score_marks();
	if (lowest < 0) return m.score_range({ marks: signed(marks), unit, lowest: signed(lowest), highest: signed(highest, true) });
	return m.score_of({ marks: signed(marks), highest: String(highest), unit });
}

/** The one sentence that explains the certainty-based score, shown beside it. */
export const scoreExplanation = () => m.score_explanation();

/** Why some answers are not in either figure yet, or null when all are. */
export function awaitingWords(s: ScoreSummary, who: 'teacher' | 'nobody'): string | null {
	if (s.awaiting === 0) return null;
	if (who === 'teacher') return s.awaiting === 1 ? m.score_waiting_teacher_one() : m.score_waiting_teacher_many({ count: s.awaiting });
	return s.awaiting === 1 ? m.score_waiting_practice_one() : m.score_waiting_practice_many({ count: s.awaiting });
}
