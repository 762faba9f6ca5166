/**
 * Accuracy: the one definition every view of results uses (the student's own score lines,
 * the assignment's grid, the dashboards, students by assignments, and every CSV of them).
 *
 * Accuracy is how many questions were answered right, out of the questions the attempt
 * could be counted on, as a count and a whole percentage: "7 of 10 right (70%)".
 * - The questions are the quiz's (a live session: those it showed), so a question left
 *   unanswered counts as not right. A student who answers one question of ten and gets it
 *   right has 1 of 10 right, not 100%.
 * - A written answer counts once the teacher has graded it. Until then it is left out of
 *   both numbers (neither right nor wrong), and the views say how many wait.
 * - Only a fully right answer is right. Partly right answers (some of a multiple-response
 *   question's options, part of a rubric) are named beside the figure, never added to it, so
 *   the percentage is always the count over the total shown beside it.
 * - How sure the student was plays no part: that is the certainty-based score's job, which
 *   the views show as a separate figure (as Moodle's certainty-based marking report does).
 *   The score's range is taken over the same questions (`scoreRange`), so both figures
 *   speak of the same questions in every view.
 *
 * Plain TypeScript with no framework imports but the messages, unit-tested beside.
 */
import { m } from '$lib/paraglide/messages';
import { CBM } from '$lib/quiz/scoring';
import type { LiveSessionState } from '$lib/live/session-state';
import type { Pacing } from '$lib/live/pacing';

/** The counts accuracy is made of, as the database or a list of answers gives them. */
export interface AccuracyCounts {
	/** Questions the attempt is counted on: the quiz's, or a live session's shown ones. */
	questions: number;
	/** Answers fully right. */
	right: number;
	/** Answers partly right (named beside the figure, not counted as right). */
	partly: number;
	/** Written answers still waiting for a grade: left out of the figure until graded. */
	awaiting: number;
}

/** Accuracy with what it is made of. */
export interface Accuracy extends AccuracyCounts {
	/** The denominator: the questions less the written answers still to grade. */
	counted: number;
	/** `right` of `counted` as a whole percentage; null when nothing can be counted yet. */
	percent: number | null;
}

/**
 * Whether a scored answer is fully right: its fraction is exactly 1, as scoring gives it
 * (a whole key, a whole rubric) and as the SQL aggregates and the ✓ verdict test it.
 */
export function isRight(fraction: number | null): boolean {
	return fraction === 1;
}

/** Accuracy from its counts. */
export function accuracy(c: AccuracyCounts): Accuracy {
	// Answers to questions outside the count (a quiz edited after the attempt) cannot push it over 100%.
	const counted = Math.max(0, c.questions - c.awaiting);
	const right = Math.min(c.right, counted);
	return { ...c, right, counted, percent: counted > 0 ? Math.round((100 * right) / counted) : null };
}

/** Accuracy of one attempt from its answers (`fraction` null: a written answer to grade). */
export function accuracyOfAnswers(questions: number, answers: readonly { fraction: number | null }[]): Accuracy {
	let right = 0;
	let partly = 0;
	let awaiting = 0;
	for (const a of answers) {
		if (a.fraction === null) awaiting++;
		else if (isRight(a.fraction)) right++;
		else if (a.fraction > 0) partly++;
	}
	return accuracy({ questions, right, partly, awaiting });
}

/** "7 of 10 right (70%)", with partly right answers named; null when nothing can be counted yet. In the page's language. */
export function accuracyWords(a: Accuracy): string | null {
	if (a.percent === null) return null;
	const figures = { right: a.right, marked: a.counted, percent: a.percent };
	return a.partly ? m.score_accuracy_partly({ ...figures, partly: a.partly }) : m.score_accuracy(figures);
}

/** The percentage alone, "70%", or a dash when nothing can be counted yet: for a cell beside the words. */
export function accuracyPercent(a: Pick<Accuracy, 'percent'>): string {
	return a.percent === null ? '–' : `${a.percent}%`;
}

/** For the teacher: how many written answers wait to be graded and are not counted yet; null when none. */
export function toGradeWords(a: Pick<Accuracy, 'awaiting'>): string | null {
	if (a.awaiting === 0) return null;
	return a.awaiting === 1 ? m.acc_to_grade_one() : m.acc_to_grade_many({ count: a.awaiting });
}

/**
 * The questions (0-based, in quiz order) a live session's attempts are counted on: those
 * the teacher showed; under student pacing every question, since all are open to students
 * from the start (a question nobody opened still counts as not right for each of them).
 */
export function liveQuestionIndexes(state: Pick<LiveSessionState, 'stage' | 'phases' | 'questionCount'>, pacing: Pacing): number[] {
	if (pacing === 'student' && state.stage !== 'lobby') return Array.from({ length: state.questionCount }, (_, i) => i);
	return Object.keys(state.phases)
		.map(Number)
		.filter((i) => Number.isInteger(i) && i >= 0)
		.sort((a, b) => a - b);
}

/** The marks one question can give: very sure and wrong to very sure and right; 0 to 1 without certainty. */
export function questionRange(certainty: boolean): { lowest: number; highest: number } {
	return certainty ? { lowest: CBM[3].wrong, highest: CBM[3].right } : { lowest: 0, highest: 1 };
}

/**
 * The certainty-based score's range over the questions accuracy counts: every question's
 * range, less those of the written answers still to grade (`awaiting`: how many of them were
 * given with a certainty, and how many without). An unanswered question stays in: it scores 0.
 */
export function scoreRange(questions: readonly { certainty: boolean }[], awaiting: { sure: number; plain: number }): { lowest: number; highest: number } {
	let lowest = 0;
	let highest = 0;
	for (const q of questions) {
		const r = questionRange(q.certainty);
		lowest += r.lowest;
		highest += r.highest;
	}
	const sure = questionRange(true);
	const plain = questionRange(false);
	return {
		lowest: lowest - awaiting.sure * sure.lowest - awaiting.plain * plain.lowest,
		highest: highest - awaiting.sure * sure.highest - awaiting.plain * plain.highest
	};
}

/** The written answers still to grade among `answers`, by whether they were given with a certainty. */
export function awaitingAnswers(answers: readonly { fraction: number | null; certainty: number | null }[]): { sure: number; plain: number } {
	let sure = 0;
	let plain = 0;
	for (const a of answers) if (a.fraction === null) a.certainty === null ? plain++ : sure++;
	return { sure, plain };
}
