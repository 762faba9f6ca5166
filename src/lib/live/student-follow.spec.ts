import { describe, expect, it } from 'vitest';
import { apply, newSession, type Command, type LiveSessionState } from './session-state';
import { followsChange, screenKey } from './student-follow';

function after(...commands: Command['type'][]): LiveSessionState {
	return commands.reduce((s, type) => apply(s, { type } as Command), newSession(3));
}
/** The stream's message for state `s`, with counts. */
const message = (s: LiveSessionState, version = 1) => JSON.stringify({ version, state: s, joined: 4, answered: 2 });

describe('followsChange (teacher pacing)', () => {
	const shown = after('start');
	const key = screenKey(shown, 'teacher', null);
	it.each([
		['a classmate answered (same state, new counts)', shown, false],
		['the note is shown on the projector', after('start', 'reveal', 'show-note'), true],
		['the teacher locked', after('start', 'lock'), true],
		['the teacher moved on', after('start', 'next'), true],
		['the teacher paused', after('start', 'pause'), true],
		['the session ended', after('start', 'end'), true]
	])('%s', (_, s, expected) => {
		expect(followsChange(key, 'teacher', null, message(s))).toBe(expected);
	});

	it('leaves the screen after a reveal alone when only the note is shown', () => {
		const revealed = screenKey(after('start', 'reveal'), 'teacher', null);
		expect(followsChange(revealed, 'teacher', null, message(after('start', 'reveal', 'show-note')))).toBe(false);
	});

	it('reloads for a session that has gone or a message it cannot read', () => {
		expect(followsChange(key, 'teacher', null, '{"gone":true}')).toBe(true);
		expect(followsChange(key, 'teacher', null, '{"version":3}')).toBe(true);
		expect(followsChange(key, 'teacher', null, 'oops')).toBe(true);
	});
});

describe('followsChange (student pacing)', () => {
	it('ignores the projector moving between questions, but not a lock on the student’s own question', () => {
		const key = screenKey(after('start'), 'student', 2);
		expect(followsChange(key, 'student', 2, message(after('start', 'next')))).toBe(false);
		expect(followsChange(key, 'student', 2, message(after('start', 'lock')))).toBe(false);
		expect(followsChange(key, 'student', 2, message(after('start', 'next', 'next', 'lock')))).toBe(true);
		expect(followsChange(key, 'student', 2, message(after('start', 'pause')))).toBe(true);
		expect(followsChange(key, 'student', 2, message(after('start', 'end')))).toBe(true);
	});

	it('moves a waiting student on when the teacher starts', () => {
		expect(followsChange(screenKey(after(), 'student', null), 'student', null, message(after('start')))).toBe(true);
	});
});
