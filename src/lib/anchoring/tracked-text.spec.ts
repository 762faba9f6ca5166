import { describe, expect, it } from 'vitest';
import { move, splice, track, truthsOf } from './tracked-text';
import type { Anchor } from './reanchor';

const text = 'One two three. Four five six.\nSeven eight nine.';

/** An anchor on `words` in `text`. */
function on(words: string): Anchor {
	const start = text.indexOf(words);
	return { id: words, start, end: start + words.length, exact: words, prefix: '', suffix: '' };
}

const anchors = [on('Four five six.'), on('Seven eight')];

function after(edit: (t: ReturnType<typeof track>) => void) {
	const t = track(text, anchors);
	edit(t);
	return { text: t.text, truths: truthsOf(t, anchors) };
}

describe('splice', () => {
	it('puts text inserted exactly at a span’s start before it, and at its end after it', () => {
		const at = text.indexOf('Four');
		const { text: edited, truths } = after((t) => splice(t, at, 0, 'X ', 'insert'));
		expect(truths[0]).toEqual({ id: 'Four five six.', state: 'kept', start: at + 2, end: at + 16 });
		const end = text.indexOf('\n');
		const second = after((t) => splice(t, end, 0, ' Y', 'insert'));
		expect(second.truths[0]).toMatchObject({ state: 'kept', start: at, end });
		expect(edited.slice(at + 2, at + 16)).toBe('Four five six.');
	});

	it('marks a span gone when its words are deleted, and changed when they are replaced', () => {
		const at = text.indexOf('Four');
		expect(after((t) => splice(t, at, 15, '', 'delete')).truths[0]).toEqual({ id: 'Four five six.', state: 'gone' });
		expect(after((t) => splice(t, at, 14, 'Something else.', 'replace')).truths[0]).toMatchObject({ state: 'changed', start: at, end: at + 15 });
	});

	it('keeps what is left of a span and what was typed into it', () => {
		const at = text.indexOf('five');
		const { text: edited, truths } = after((t) => splice(t, at, 4, 'FIVE and a half', 'reword'));
		expect(truths[0].state).toBe('changed');
		if (truths[0].state === 'changed') expect(edited.slice(truths[0].start, truths[0].end)).toBe('Four FIVE and a half six.');
	});

	it('counts a change of whitespace inside the words as kept', () => {
		const at = text.indexOf(' five');
		expect(after((t) => splice(t, at, 1, '\u00a0 ', 'space')).truths[0]).toMatchObject({ state: 'kept' });
	});
});

describe('move', () => {
	it('carries the spans inside the moved text to its new place', () => {
		const from = text.indexOf('Seven');
		const { text: edited, truths } = after((t) => move(t, from - 1, text.length, 0, 'move'));
		expect(edited.startsWith('\nSeven eight nine.')).toBe(true);
		expect(truths[1]).toEqual({ id: 'Seven eight', state: 'kept', start: 1, end: 12 });
		expect(truths[0]).toMatchObject({ state: 'kept', start: text.indexOf('Four') + (text.length - (from - 1)) });
	});

	it('marks a span cut across by the move as changed, with no place', () => {
		const from = text.indexOf('six.');
		expect(after((t) => move(t, from, text.length, 0, 'move')).truths[0]).toEqual({ id: 'Four five six.', state: 'changed', start: -1, end: -1 });
	});
});
