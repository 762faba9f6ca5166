import { describe, expect, it } from 'vitest';
import { ClaimSpanIndex, claimCoverageProblems, type ClaimSpan } from './claim-coverage';

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

describe('ClaimSpanIndex', () => {
	it('finds an overlap exactly when the coverage rule reports one, over many random spans', () => {
		// A seeded generator: the same 2,000 spans every run.
		let seed = 7;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		const long = 'word '.repeat(400);
		const kept: ClaimSpan[] = [{ key: 'h', start: 0, end: 3 }];
		const index = new ClaimSpanIndex(kept);
		let refused = 0;
		for (let i = 0; i < 2000; i++) {
			const start = Math.floor(random() * (long.length - 1));
			const candidate = { key: `k${i}`, start, end: Math.min(long.length, start + 1 + Math.floor(random() * 12)) };
			const byRule = claimCoverageProblems(long, [...kept, candidate]).some((p) => p.kind === 'overlap' && (p.claim === candidate.key || p.other === candidate.key));
			const found = index.overlapping(candidate);
			expect(found !== null, `${candidate.start}-${candidate.end}`).toBe(byRule);
			if (found) {
				refused++;
				expect(found.start < candidate.end && candidate.start < found.end).toBe(true);
			} else {
				index.add(candidate);
				kept.push(candidate);
			}
		}
		// Both outcomes were exercised.
		expect(refused).toBeGreaterThan(100);
		expect(kept.length).toBeGreaterThan(100);
	});

	it.each([
		['the same words', 8, 22, 'a'],
		['one character into the claim after', 5, 9, 'a'],
		['one character of the claim before', 21, 23, 'a'],
		['inside a claim', 10, 12, 'a'],
		['around a claim', 7, 23, 'a']
	])('refuses a span over %s', (_, start, end, key) => {
		const index = new ClaimSpanIndex([COMPLETE[1]]);
		expect(index.overlapping({ key: 'new', start, end })?.key).toBe(key);
	});

	it('allows spans that only touch a claim', () => {
		const index = new ClaimSpanIndex([COMPLETE[1]]);
		expect(index.overlapping({ key: 'x', start: 0, end: 8 })).toBeNull();
		expect(index.overlapping({ key: 'y', start: 22, end: 23 })).toBeNull();
	});
});
