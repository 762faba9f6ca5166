import { describe, expect, it } from 'vitest';
import { percentRight, tally, wordHeat, type TalliedResponse } from './tally';

const choice = (value: string, fraction: number, certainty: 1 | 2 | 3 | null = null): TalliedResponse => ({
	answer: { type: 'choice', value },
	fraction,
	certainty
});

describe('tally', () => {
	it('counts every option, chosen or not, and who was right and confidently wrong', () => {
		const t = tally(['kelly', 'writer', 'nobody'], [
			choice('kelly', 1, 2),
			choice('writer', 0, 3),
			choice('writer', 0, 1),
			choice('kelly', 1, 3)
		]);
		expect(t).toEqual({ answered: 4, right: 2, confidentlyWrong: 1, options: { kelly: 2, writer: 2, nobody: 0 } });
		expect(percentRight(t)).toBe(50);
	});

	it('counts each option of a multiple response once per student, and partly right answers as not right', () => {
		const t = tally(['a', 'b', 'c'], [
			{ answer: { type: 'choices', values: ['a', 'b', 'a'] }, fraction: 0.5, certainty: 3 },
			{ answer: { type: 'choices', values: ['a', 'c'] }, fraction: 1, certainty: null }
		]);
		expect(t.options).toEqual({ a: 2, b: 1, c: 1 });
		expect(t.right).toBe(1);
		// Half right is not "confidently wrong".
		expect(t.confidentlyWrong).toBe(0);
	});

	it('ignores values that are not options (a question edited since), and has no share for nobody', () => {
		const t = tally(['a'], [choice('gone', 0)]);
		expect(t.options).toEqual({ a: 0 });
		expect(percentRight(tally(['a'], []))).toBeNull();
	});

	it('counts written answers waiting for the teacher as answered, not right', () => {
		const t = tally([], [{ answer: { type: 'text', text: 'Because…' }, fraction: null, certainty: 2 }]);
		expect(t).toMatchObject({ answered: 1, right: 0, confidentlyWrong: 0 });
	});
});

describe('wordHeat', () => {
	const text = 'Intro. She said no to troops. Outro.';
	const passage = { start: 7, end: 29 }; // "She said no to troops."

	it('counts, for each word of the passage, the selections that touch it', () => {
		const heat = wordHeat(text, passage, [
			{ start: 7, end: 15 }, // "She said"
			{ start: 16, end: 28 }, // "no to troops"
			{ start: 11, end: 12 } // the "s" of "said": touching a word counts
		]);
		expect(heat.map((w) => [text.slice(w.start, w.end), w.count])).toEqual([
			['She', 1],
			['said', 2],
			['no', 1],
			['to', 1],
			['troops.', 1]
		]);
	});

	it('ignores empty selections and words outside the passage', () => {
		const heat = wordHeat(text, passage, [
			{ start: 0, end: 6 },
			{ start: 12, end: 12 }
		]);
		expect(heat.every((w) => w.count === 0)).toBe(true);
		expect(heat).toHaveLength(5);
	});

	it('handles a whole class quickly enough to run on every reveal', () => {
		const long = 'word '.repeat(400);
		const selections = Array.from({ length: 2000 }, (_, i) => ({ start: (i * 7) % 1900, end: ((i * 7) % 1900) + 40 }));
		const heat = wordHeat(long, { start: 0, end: long.length }, selections);
		expect(heat).toHaveLength(400);
		expect(heat.reduce((sum, w) => sum + w.count, 0)).toBeGreaterThan(2000);
	});
});
