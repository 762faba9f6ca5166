import { describe, expect, it } from 'vitest';
import { apply, newSession, type Command, type LiveSessionState } from './session-state';
import { answerRefusal, pacedScreen, refreshesItself, studentMayAnswer, studentMaySee } from './pacing';

/** A three-question session after `commands`. */
function after(...commands: Command['type'][]): LiveSessionState {
	return commands.reduce((s, type) => apply(s, { type } as Command), newSession(3));
}
const open = { handedIn: false };
const handedIn = { handedIn: true };

describe('teacher pacing', () => {
	it('lets students answer only the open question on screen', () => {
		const s = after('start', 'reveal', 'next');
		expect(studentMayAnswer(s, 'teacher', 1, open)).toBe(true);
		expect(studentMayAnswer(s, 'teacher', 0, open)).toBe(false);
		expect(studentMayAnswer(s, 'teacher', 2, open)).toBe(false);
		expect(studentMayAnswer(after('start', 'lock'), 'teacher', 0, open)).toBe(false);
		expect(studentMayAnswer(after('start', 'pause'), 'teacher', 0, open)).toBe(false);
		expect(studentMayAnswer(after(), 'teacher', 0, open)).toBe(false);
	});

	it('shows a result and the right answer only after the reveal, and nothing new at the end', () => {
		expect(studentMaySee(after('start'), 'teacher', 0, open)).toEqual({ feedback: false, rightAnswers: false });
		expect(studentMaySee(after('start', 'lock'), 'teacher', 0, open)).toEqual({ feedback: false, rightAnswers: false });
		expect(studentMaySee(after('start', 'reveal'), 'teacher', 0, open)).toEqual({ feedback: true, rightAnswers: true });
		expect(studentMaySee(after('start', 'next', 'end'), 'teacher', 0, handedIn)).toEqual({ feedback: false, rightAnswers: false });
	});

	it('puts a late joiner or a reloaded phone on the teacher’s question, whatever it asks for', () => {
		expect(pacedScreen(after('start', 'next'), 'teacher', 0)).toEqual({ kind: 'question', index: 1, phase: 'open' });
		expect(pacedScreen(after('start', 'next', 'lock'), 'teacher', null)).toEqual({ kind: 'question', index: 1, phase: 'locked' });
		expect(pacedScreen(after(), 'teacher', 2)).toEqual({ kind: 'waiting' });
		expect(pacedScreen(after('start', 'pause'), 'teacher', null)).toEqual({ kind: 'paused' });
		expect(pacedScreen(after('start', 'end'), 'teacher', null)).toEqual({ kind: 'ended' });
	});
});

describe('student pacing', () => {
	it('opens every question once started, in any order, until paused, ended or that question is locked', () => {
		const s = after('start');
		for (const i of [0, 1, 2]) expect(studentMayAnswer(s, 'student', i, open)).toBe(true);
		expect(studentMayAnswer(s, 'student', 3, open)).toBe(false);
		expect(studentMayAnswer(s, 'student', -1, open)).toBe(false);
		expect(studentMayAnswer(after(), 'student', 0, open)).toBe(false);
		expect(studentMayAnswer(after('start', 'pause'), 'student', 1, open)).toBe(false);
		expect(studentMayAnswer(after('start', 'end'), 'student', 1, open)).toBe(false);
		const locked = after('start', 'lock');
		expect(studentMayAnswer(locked, 'student', 0, open)).toBe(false);
		expect(studentMayAnswer(locked, 'student', 1, open)).toBe(true);
	});

	it('closes every question to a student who has handed in', () => {
		expect(studentMayAnswer(after('start'), 'student', 1, handedIn)).toBe(false);
		expect(answerRefusal(after('start'), 'student', 1, handedIn)).toBe('handed-in');
	});

	it('shows the student’s own result after handing in or the end, and the right answer only after the reveal', () => {
		expect(studentMaySee(after('start'), 'student', 1, open)).toEqual({ feedback: false, rightAnswers: false });
		expect(studentMaySee(after('start'), 'student', 1, handedIn)).toEqual({ feedback: true, rightAnswers: false });
		expect(studentMaySee(after('start', 'end'), 'student', 1, handedIn)).toEqual({ feedback: true, rightAnswers: false });
		expect(studentMaySee(after('start', 'reveal'), 'student', 0, open)).toEqual({ feedback: true, rightAnswers: true });
	});

	it('shows the question the student asks for, kept in range', () => {
		const s = after('start');
		expect(pacedScreen(s, 'student', 2)).toEqual({ kind: 'question', index: 2, phase: 'open' });
		expect(pacedScreen(s, 'student', null)).toEqual({ kind: 'question', index: 0, phase: 'open' });
		expect(pacedScreen(s, 'student', 9)).toEqual({ kind: 'question', index: 2, phase: 'open' });
		expect(pacedScreen(s, 'student', -4)).toEqual({ kind: 'question', index: 0, phase: 'open' });
		expect(pacedScreen(after(), 'student', 1)).toEqual({ kind: 'waiting' });
	});
});

describe('answerRefusal', () => {
	it.each([
		['open', after('start'), 0, null],
		['not started', after(), 0, 'lobby'],
		['paused', after('start', 'pause'), 0, 'paused'],
		['ended', after('start', 'end'), 0, 'ended'],
		['locked', after('start', 'lock'), 0, 'locked'],
		['another question', after('start'), 1, 'locked']
	])('teacher pacing, %s', (_, s, index, expected) => {
		expect(answerRefusal(s, 'teacher', index, open)).toBe(expected);
	});
});

describe('refreshesItself (pages without JavaScript)', () => {
	it('holds still while the student may be writing an unsaved answer', () => {
		const question = { kind: 'question', index: 0, phase: 'open' } as const;
		expect(refreshesItself(question, true, false)).toBe(false);
		expect(refreshesItself(question, true, true)).toBe(true);
		expect(refreshesItself({ ...question, phase: 'locked' }, false, false)).toBe(true);
		expect(refreshesItself({ kind: 'waiting' }, false, false)).toBe(true);
		expect(refreshesItself({ kind: 'paused' }, false, false)).toBe(true);
		expect(refreshesItself({ kind: 'ended' }, false, false)).toBe(false);
	});
});
