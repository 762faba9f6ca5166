/**
 * What a student may do and see in a live session, under either pacing. The session's
 * state machine (session-state.ts) is the teacher's; this adds the student's side of it:
 *
 * - Teacher-paced: the student answers the question on screen while it is open, and sees
 *   their result and the right answer once the teacher reveals that question.
 * - Student-paced: once the teacher starts, every question is open to the student, in any
 *   order, until the teacher pauses, ends, or locks the question the projector shows. The
 *   student may hand in their part early; their answers are then final, and each answer's
 *   own result (right or not, marks, feedback on what they chose) shows. The right answers
 *   (correct options, explanation, the passage and its note) still wait for the teacher's
 *   reveal of that question, because classmates may still be answering it.
 *
 * In both, ending the session shows nothing new by itself: a teacher-paced session shows
 * only what was revealed, and a student-paced one the student's own results.
 * Plain TypeScript with no framework imports, unit-tested beside this file.
 */
import { isRevealed, mayAnswer, type LiveSessionState, type QuestionPhase } from './session-state';

/** Who moves the class through the questions. */
export type Pacing = 'teacher' | 'student';

/** The student's own circumstances: whether they have handed their part in (or the end handed it in). */
export interface StudentPart {
	handedIn: boolean;
}

/** A question's phase for students: never shown means open under student pacing. */
function phaseOf(s: LiveSessionState, index: number): QuestionPhase {
	return s.phases[index] ?? 'open';
}

/** Whether the student may answer (or change the answer to) question `index` now. */
export function studentMayAnswer(s: LiveSessionState, pacing: Pacing, index: number, part: StudentPart): boolean {
	if (part.handedIn) return false;
	if (pacing === 'teacher') return mayAnswer(s, index);
	return s.stage === 'question' && !s.paused && Number.isInteger(index) && index >= 0 && index < s.questionCount && phaseOf(s, index) === 'open';
}

/** Why an answer is refused now, as a code (the server words it in the student's language); null when it may be saved. */
export type AnswerRefusal = 'ended' | 'handed-in' | 'lobby' | 'paused' | 'locked';

/** Why an answer to question `index` is refused now; null when it may be saved. */
export function answerRefusal(s: LiveSessionState, pacing: Pacing, index: number, part: StudentPart): AnswerRefusal | null {
	if (studentMayAnswer(s, pacing, index, part)) return null;
	if (s.stage === 'ended') return 'ended';
	if (part.handedIn) return 'handed-in';
	if (s.stage === 'lobby') return 'lobby';
	if (s.paused) return 'paused';
	return 'locked';
}

/** What of question `index` the student may see: their own result, and the right answers too. */
export function studentMaySee(s: LiveSessionState, pacing: Pacing, index: number, part: StudentPart): { feedback: boolean; rightAnswers: boolean } {
	if (isRevealed(s, index)) return { feedback: true, rightAnswers: true };
	const own = pacing === 'student' && (part.handedIn || s.stage === 'ended');
	return { feedback: own, rightAnswers: false };
}

/** What the student's screen shows: like `studentScreen`, but a student-paced student chooses the question. */
export type PacedScreen =
	| { kind: 'waiting' }
	| { kind: 'paused' }
	| { kind: 'ended' }
	| { kind: 'question'; index: number; phase: QuestionPhase };

/**
 * The screen for state `s`. Under teacher pacing the question is the teacher's; under
 * student pacing it is the one the student asked for (`wanted`, 0-based), kept in range.
 */
export function pacedScreen(s: LiveSessionState, pacing: Pacing, wanted: number | null): PacedScreen {
	if (s.stage === 'ended') return { kind: 'ended' };
	if (s.paused) return { kind: 'paused' };
	if (s.stage === 'lobby') return { kind: 'waiting' };
	const index = pacing === 'student' ? Math.min(Math.max(Number.isInteger(wanted) ? wanted! : 0, 0), s.questionCount - 1) : s.current;
	return { kind: 'question', index, phase: phaseOf(s, index) };
}

/**
 * Whether a page without JavaScript should reload itself to follow the session: always,
 * except while the student could be writing an answer they have not saved yet (a reload
 * would wipe it), and once nothing can change any more (the end, a removed student).
 */
export function refreshesItself(screen: PacedScreen, mayAnswerNow: boolean, answered: boolean): boolean {
	if (screen.kind === 'ended') return false;
	return !(screen.kind === 'question' && mayAnswerNow && !answered);
}
