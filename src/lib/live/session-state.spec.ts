import { describe, expect, it } from 'vitest';
import {
	apply,
	availableCommands,
	currentPhase,
	isRevealed,
	mayAnswer,
	newSession,
	RefusedCommand,
	type RefusalReason,
	studentScreen,
	type Command,
	type LiveSessionState
} from './session-state';

/** Applies commands in order from a new session of `count` questions. */
function run(count: number, ...commands: Command['type'][]): LiveSessionState {
	return commands.reduce((s, type) => apply(s, { type } as Command), newSession(count));
}

describe('a live session', () => {
	it('starts in the lobby, where students wait and nobody may answer', () => {
		const s = newSession(3);
		expect(studentScreen(s)).toEqual({ kind: 'waiting' });
		expect(mayAnswer(s, 0)).toBe(false);
		expect(availableCommands(s)).toEqual(['start', 'pause', 'end']);
		expect(() => newSession(0)).toThrow(RangeError);
	});

	it('takes a question through open, locked and revealed', () => {
		const open = run(3, 'start');
		expect(studentScreen(open)).toEqual({ kind: 'question', index: 0, phase: 'open' });
		expect(mayAnswer(open, 0)).toBe(true);
		expect(mayAnswer(open, 1)).toBe(false);

		const locked = apply(open, { type: 'lock' });
		expect(mayAnswer(locked, 0)).toBe(false);
		expect(isRevealed(locked, 0)).toBe(false);
		expect(apply(locked, { type: 'reopen' }).phases[0]).toBe('open');

		const revealed = apply(locked, { type: 'reveal' });
		expect(isRevealed(revealed, 0)).toBe(true);
		expect(mayAnswer(revealed, 0)).toBe(false);
		expect(apply(revealed, { type: 'show-note' }).noteShown).toBe(true);
	});

	it('reveals straight from open, which also stops answers', () => {
		const s = run(2, 'start', 'reveal');
		expect(currentPhase(s)).toBe('revealed');
		expect(mayAnswer(s, 0)).toBe(false);
	});

	it.each<[string, Command['type'][], Command, RegExp, RefusalReason]>([
		['start twice', ['start'], { type: 'start' }, /already started/, 'started'],
		['move before starting', [], { type: 'next' }, /Start the session first/, 'start-first'],
		['go past the last question', ['start', 'next'], { type: 'next' }, /last question/, 'last'],
		['go before the first', ['start'], { type: 'previous' }, /first question/, 'first'],
		['lock twice', ['start', 'lock'], { type: 'lock' }, /already locked/, 'locked'],
		['reopen an open question', ['start'], { type: 'reopen' }, /already open/, 'open'],
		['reopen a revealed question', ['start', 'reveal'], { type: 'reopen' }, /cannot reopen/, 'no-reopen'],
		['reveal twice', ['start', 'reveal'], { type: 'reveal' }, /already revealed/, 'revealed'],
		['show the note before revealing', ['start'], { type: 'show-note' }, /Reveal the answer/, 'reveal-first'],
		['show the note twice', ['start', 'reveal', 'show-note'], { type: 'show-note' }, /already on the projector/, 'note-up'],
		['anything after the end', ['start', 'end'], { type: 'next' }, /ended/, 'ended'],
		['a question that does not exist', ['start'], { type: 'go', to: 7 }, /no such question/, 'no-question']
	])('refuses to %s, saying why with a code', (_, before, command, message, reason) => {
		const s = run(2, ...before);
		expect(() => apply(s, command)).toThrow(RefusedCommand);
		expect(() => apply(s, command)).toThrow(message);
		// The code is what the server words in the teacher's language.
		expect(() => apply(s, command)).toThrow(expect.objectContaining({ reason }));
	});

	it('keeps a question as it was left when the teacher goes back to it', () => {
		const s = run(3, 'start', 'reveal', 'next', 'lock', 'previous');
		expect(studentScreen(s)).toEqual({ kind: 'question', index: 0, phase: 'revealed' });
		const forward = apply(s, { type: 'next' });
		expect(currentPhase(forward)).toBe('locked');
		// A question shown for the first time opens.
		expect(currentPhase(apply(forward, { type: 'next' }))).toBe('open');
	});

	it('hides the note again on another question', () => {
		const s = run(2, 'start', 'reveal', 'show-note', 'next');
		expect(s.noteShown).toBe(false);
	});

	it('pauses: students see a paused screen and cannot answer; resuming brings the question back', () => {
		const paused = run(2, 'start', 'pause');
		expect(studentScreen(paused)).toEqual({ kind: 'paused' });
		expect(mayAnswer(paused, 0)).toBe(false);
		expect(availableCommands(paused)).toContain('resume');
		expect(availableCommands(paused)).not.toContain('pause');
		const resumed = apply(paused, { type: 'resume' });
		expect(mayAnswer(resumed, 0)).toBe(true);
	});

	it('lets a late joiner or a reloaded phone in at the current question, from the state alone', () => {
		const s = run(4, 'start', 'reveal', 'next', 'next');
		const lateJoiner = studentScreen(structuredClone(s));
		expect(lateJoiner).toEqual({ kind: 'question', index: 2, phase: 'open' });
		expect(mayAnswer(s, 2)).toBe(true);
		expect(mayAnswer(s, 0)).toBe(false);
	});

	it('ends from any state, keeps what was revealed, and offers nothing after', () => {
		const s = run(2, 'start', 'reveal', 'end');
		expect(studentScreen(s)).toEqual({ kind: 'ended' });
		expect(isRevealed(s, 0)).toBe(true);
		expect(availableCommands(s)).toEqual([]);
		expect(studentScreen(run(2, 'end'))).toEqual({ kind: 'ended' });
	});

	it('never changes the state it was given', () => {
		const s = run(2, 'start');
		const copy = structuredClone(s);
		apply(s, { type: 'reveal' });
		apply(s, { type: 'next' });
		expect(s).toEqual(copy);
	});
});
