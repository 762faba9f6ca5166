import { describe, expect, it } from 'vitest';
import { answerColumns, choicesPattern } from './answer-columns';

describe('answerColumns', () => {
	it('keeps a single choice in `choice` only', () => {
		expect(answerColumns({ type: 'choice', value: 'kelly' })).toEqual({ choice: 'kelly', choices: null, spanStart: null, spanEnd: null });
	});

	it('sorts multiple choices and fences each with |', () => {
		expect(answerColumns({ type: 'choices', values: ['c', 'a', 'b-2'] }).choices).toBe('|a|b-2|c|');
	});

	it('spells out a selected span', () => {
		expect(answerColumns({ type: 'span', span: { start: 12, end: 40 } })).toEqual({ choice: null, choices: null, spanStart: 12, spanEnd: 40 });
	});

	it('leaves written answers out of the plain columns', () => {
		expect(answerColumns({ type: 'text', text: 'Because…' })).toEqual({ choice: null, choices: null, spanStart: null, spanEnd: null });
	});

	it('matches a chosen value only as a whole value', () => {
		const { choices } = answerColumns({ type: 'choices', values: ['a-1', 'b'] });
		const like = (pattern: string) => new RegExp(`^${pattern.replace(/[|]/g, '\\|').replace(/%/g, '.*')}$`).test(choices!);
		expect(like(choicesPattern('b'))).toBe(true);
		expect(like(choicesPattern('a'))).toBe(false);
		expect(like(choicesPattern('a-1'))).toBe(true);
	});
});
