import { describe, expect, it } from 'vitest';
import { claimCoverageProblems } from './claim-coverage';

const text = 'Heading\nOne two three. Four five.';
const span = (key: string, words: string, from = 0) => {
	const start = text.indexOf(words, from);
	return { key, start, end: start + words.length };
};
const COMPLETE = [span('h', 'Heading'), span('a', 'One two three.'), span('b', 'Four five.')];

describe('claimCoverageProblems', () => {
	it('passes claims that cover every word without overlapping, in any order', () => {
		expect(claimCoverageProblems(text, COMPLETE)).toEqual([]);
		expect(claimCoverageProblems(text, [...COMPLETE].reverse())).toEqual([]);
	});

	it('reports words no claim covers, with their exact span and no surrounding spaces', () => {
		const problems = claimCoverageProblems(text, [COMPLETE[0], COMPLETE[2]]);
		expect(problems).toEqual([{ kind: 'uncovered', start: 8, end: 22, message: 'no claim covers "One two three."' }]);
		expect(text.slice(problems[0].start, problems[0].end)).toBe('One two three.');
	});

	it('reports uncovered words at the start and the end', () => {
		const problems = claimCoverageProblems(text, [COMPLETE[1]]);
		expect(problems.map((p) => text.slice(p.start, p.end))).toEqual(['Heading', 'Four five.']);
	});

	it('reports an overlap naming both claims and the words they share, and keeps checking', () => {
		const problems = claimCoverageProblems(text, [COMPLETE[0], span('a', 'One two three.'), span('x', 'three. Four'), span('b', 'Four five.')]);
		expect(problems.map((p) => p.kind)).toEqual(['overlap', 'overlap']);
		expect(problems[0]).toMatchObject({ claim: 'x', other: 'a', message: 'claim "x" overlaps the claim before it ("a")' });
		expect(text.slice(problems[0].start, problems[0].end)).toBe('three.');
		expect(problems[1]).toMatchObject({ claim: 'b', other: 'x' });
		expect(text.slice(problems[1].start, problems[1].end)).toBe('Four');
	});

	it('reports a claim nested inside another as an overlap', () => {
		const problems = claimCoverageProblems(text, [...COMPLETE, span('n', 'two')]);
		expect(problems).toMatchObject([{ kind: 'overlap', claim: 'n', other: 'a' }]);
	});

	it('reports a span outside the text instead of throwing', () => {
		expect(claimCoverageProblems(text, [...COMPLETE, { key: 'z', start: 30, end: 99 }])).toMatchObject([{ kind: 'out-of-range', claim: 'z' }]);
		expect(claimCoverageProblems(text, [...COMPLETE, { key: 'e', start: 5, end: 5 }])).toMatchObject([{ kind: 'out-of-range', claim: 'e' }]);
	});

	it('shortens a long uncovered passage in the message only', () => {
		const long = `${'word '.repeat(60)}end.`;
		const [problem] = claimCoverageProblems(long, []);
		expect(problem.message.length).toBeLessThan(140);
		expect(problem).toMatchObject({ start: 0, end: long.length });
	});
});
