/**
 * The rules of a live, teacher-paced session, as a pure state machine: which commands the
 * teacher may give in which state, and what students may do then. The server keeps the
 * state in the database and applies commands through `apply`, so every app server, the
 * projector and every phone agree on one state; nothing here knows about storage, time
 * or transport. Plain TypeScript, unit-tested beside this file.
 *
 * A question goes open → locked → revealed. The teacher may reveal straight from open (it
 * locks too), go back to an earlier question (its answers stay as they were: locked and
 * revealed), pause (students see a "paused" screen and cannot answer) and end. Students
 * who join late come in at the current question; a student who reloads or changes device
 * reads the same state again.
 */

/** Where the session is: before the first question, on a question, or over. */
export type Stage = 'lobby' | 'question' | 'ended';

/** What the class can do with the current question. */
export type QuestionPhase = 'open' | 'locked' | 'revealed';

export interface LiveSessionState {
	stage: Stage;
	/** The question on screen, 0-based; -1 in the lobby. */
	current: number;
	questionCount: number;
	/** Each question's phase; questions never shown are absent. */
	phases: Partial<Record<number, QuestionPhase>>;
	/** The claim's note is shown on the projector (after reveal). */
	noteShown: boolean;
	paused: boolean;
}

export type Command =
	| { type: 'start' }
	| { type: 'next' }
	| { type: 'previous' }
	| { type: 'go'; to: number }
	| { type: 'lock' }
	| { type: 'reopen' }
	| { type: 'reveal' }
	| { type: 'show-note' }
	| { type: 'pause' }
	| { type: 'resume' }
	| { type: 'end' };

/** Why a command does not fit the state, as a code: the server words it in the teacher's language. */
export type RefusalReason = 'no-question' | 'ended' | 'start-first' | 'started' | 'last' | 'first' | 'locked' | 'open' | 'no-reopen' | 'revealed' | 'reveal-first' | 'note-up';

/** A command that does not fit the state: `reason` says why (the message is its English, for logs and tests). */
export class RefusedCommand extends Error {
	constructor(
		readonly reason: RefusalReason,
		message: string
	) {
		super(message);
	}
}

/** A new session of `questionCount` questions, in the lobby. */
export function newSession(questionCount: number): LiveSessionState {
	if (!Number.isInteger(questionCount) || questionCount < 1) throw new RangeError('A live session needs at least one question.');
	return { stage: 'lobby', current: -1, questionCount, phases: {}, noteShown: false, paused: false };
}

/** The current question's phase, or null outside a question. */
export function currentPhase(s: LiveSessionState): QuestionPhase | null {
	return s.stage === 'question' ? (s.phases[s.current] ?? 'open') : null;
}

/** Shows question `to`: open if it was never shown, otherwise as it was left. */
function showQuestion(s: LiveSessionState, to: number): LiveSessionState {
	if (to < 0 || to >= s.questionCount) throw new RefusedCommand('no-question', 'There is no such question in this quiz.');
	return { ...s, stage: 'question', current: to, phases: { ...s.phases, [to]: s.phases[to] ?? 'open' }, noteShown: false };
}

function withPhase(s: LiveSessionState, phase: QuestionPhase): LiveSessionState {
	return { ...s, phases: { ...s.phases, [s.current]: phase } };
}

/** The state after the teacher's `command`; a command that does not fit throws RefusedCommand. */
export function apply(s: LiveSessionState, command: Command): LiveSessionState {
	if (s.stage === 'ended') throw new RefusedCommand('ended', 'This session has ended.');
	if (command.type === 'end') return { ...s, stage: 'ended', paused: false };
	if (command.type === 'pause') return { ...s, paused: true };
	if (command.type === 'resume') return { ...s, paused: false };
	if (s.stage === 'lobby') {
		if (command.type === 'start') return showQuestion(s, 0);
		throw new RefusedCommand('start-first', 'Start the session first.');
	}
	const phase = currentPhase(s)!;
	switch (command.type) {
		case 'start':
			throw new RefusedCommand('started', 'The session has already started.');
		case 'next':
			if (s.current + 1 >= s.questionCount) throw new RefusedCommand('last', 'This is the last question. End the session when you are ready.');
			return showQuestion(s, s.current + 1);
		case 'previous':
			if (s.current === 0) throw new RefusedCommand('first', 'This is the first question.');
			return showQuestion(s, s.current - 1);
		case 'go':
			return showQuestion(s, command.to);
		case 'lock':
			if (phase !== 'open') throw new RefusedCommand('locked', 'Answers to this question are already locked.');
			return withPhase(s, 'locked');
		case 'reopen':
			if (phase !== 'locked') throw phase === 'open'
					? new RefusedCommand('open', 'Answers are already open.')
					: new RefusedCommand('no-reopen', 'The answer has been revealed, so answers cannot reopen.');
			return withPhase(s, 'open');
		case 'reveal':
			if (phase === 'revealed') throw new RefusedCommand('revealed', 'The answer is already revealed.');
			return withPhase(s, 'revealed');
		case 'show-note':
			if (phase !== 'revealed') throw new RefusedCommand('reveal-first', 'Reveal the answer before showing the note.');
			// Refused when already up, so the teacher's screens stop offering it.
			if (s.noteShown) throw new RefusedCommand('note-up', 'The note is already on the projector.');
			return { ...s, noteShown: true };
	}
}

/** Whether a student may answer (or change the answer to) question `index` now. */
export function mayAnswer(s: LiveSessionState, index: number): boolean {
	return s.stage === 'question' && !s.paused && index === s.current && currentPhase(s) === 'open';
}

/** Whether the right answer, feedback and the class's answers to question `index` may reach students. */
export function isRevealed(s: LiveSessionState, index: number): boolean {
	return s.phases[index] === 'revealed';
}

/** What a student's screen shows now; a late joiner or a reloaded phone gets the same. */
export type StudentScreen =
	| { kind: 'waiting' }
	| { kind: 'paused' }
	| { kind: 'question'; index: number; phase: QuestionPhase }
	| { kind: 'ended' };

/** The student's screen for state `s` (the same for every student: answers are added per student by the page). */
export function studentScreen(s: LiveSessionState): StudentScreen {
	if (s.stage === 'ended') return { kind: 'ended' };
	if (s.paused) return { kind: 'paused' };
	if (s.stage === 'lobby') return { kind: 'waiting' };
	return { kind: 'question', index: s.current, phase: currentPhase(s)! };
}

/** The teacher's controls that fit the state, for showing only buttons that will work. */
export function availableCommands(s: LiveSessionState): Command['type'][] {
	const all: Command[] = [
		{ type: 'start' },
		{ type: 'previous' },
		{ type: 'next' },
		{ type: 'lock' },
		{ type: 'reopen' },
		{ type: 'reveal' },
		{ type: 'show-note' },
		{ type: 'pause' },
		{ type: 'resume' },
		{ type: 'end' }
	];
	return all
		.filter((command) => {
			if (command.type === 'pause' && s.paused) return false;
			if (command.type === 'resume' && !s.paused) return false;
			try {
				apply(s, command);
				return true;
			} catch {
				return false;
			}
		})
		.map((c) => c.type);
}
