import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { apply, newSession, RefusedCommand, type Command, type RefusalReason } from '$lib/live/session-state';
import { answerRefusal, type AnswerRefusal } from '$lib/live/pacing';
import { answerRefusalMessage, commandRefusalMessage } from './refusal-messages';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

/** The reason a command is refused in the state after `before`. */
function reasonOf(command: Command, ...before: Command['type'][]): RefusalReason {
	const s = before.reduce((state, type) => apply(state, { type } as Command), newSession(2));
	try {
		apply(s, command);
	} catch (e) {
		if (e instanceof RefusedCommand) return e.reason;
	}
	throw new Error('not refused');
}

describe('the words of a live session’s refusals', () => {
	it('say in English what the state machine says, for the teacher', () => {
		overwriteGetLocale(() => 'en');
		expect(commandRefusalMessage(reasonOf({ type: 'lock' }, 'start', 'lock'))).toBe('Answers to this question are already locked.');
		expect(commandRefusalMessage(reasonOf({ type: 'next' }, 'start', 'next'))).toBe('This is the last question. End the session when you are ready.');
	});

	it('say it in Spanish in a Spanish request, for the teacher and for the student', () => {
		overwriteGetLocale(() => 'es');
		expect(commandRefusalMessage(reasonOf({ type: 'lock' }, 'start', 'lock'))).toBe('Las respuestas a esta pregunta ya están bloqueadas.');
		const locked = apply(apply(newSession(2), { type: 'start' }), { type: 'lock' });
		expect(answerRefusalMessage(answerRefusal(locked, 'teacher', 0, { handedIn: false })!)).toBe('Las respuestas a esta pregunta están bloqueadas. Tu maestro ya siguió adelante.');
	});

	it.each(['en', 'es'] as const)('word every code in %s', (locale) => {
		overwriteGetLocale(() => locale);
		const commands: RefusalReason[] = ['no-question', 'ended', 'start-first', 'started', 'last', 'first', 'locked', 'open', 'no-reopen', 'revealed', 'reveal-first', 'note-up'];
		const answers: AnswerRefusal[] = ['ended', 'handed-in', 'lobby', 'paused', 'locked'];
		const words = [...commands.map(commandRefusalMessage), ...answers.map(answerRefusalMessage)];
		expect(words.every((w) => w.length > 5)).toBe(true);
		expect(new Set(words).size).toBe(words.length);
	});
});
