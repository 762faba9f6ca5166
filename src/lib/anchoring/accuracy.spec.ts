import { beforeAll, describe, expect, it } from 'vitest';
import { shippedAnchors } from '../../../tests/fixtures/shipped-anchors';
import { judge, measureCorpus } from './accuracy';
import { generateCorpus, type Edit } from './edit-corpus';
import type { Anchor, Reanchored } from './reanchor';

let text: string;
let anchors: Anchor[];
let corpus: Edit[];
let measured: ReturnType<typeof measureCorpus>;

beforeAll(async () => {
	({ text, anchors } = await shippedAnchors());
	corpus = generateCorpus(text, anchors, { seed: 1, count: 240 });
	measured = measureCorpus(text, anchors, corpus);
});

describe('re-anchoring the shipped article through 240 generated edits', () => {
	// A correctness rule, not a timing: no annotation may ever land on the wrong words unasked.
	it('never attaches an annotation to the wrong words silently', () => {
		const { total, misses } = measured;
		expect(total.annotations).toBe(corpus.length * anchors.length);
		expect(misses.filter((m) => m.verdict === 'silent-wrong')).toEqual([]);
	});

	it('holds for other seeds too', () => {
		for (const seed of [2, 3]) {
			const { misses } = measureCorpus(text, anchors, generateCorpus(text, anchors, { seed, count: 120 }));
			expect(misses.filter((m) => m.verdict === 'silent-wrong')).toEqual([]);
		}
	});

	it('attaches most unchanged annotations without asking, and makes orphans of deleted ones', () => {
		const { total } = measured;
		const kept = corpus.flatMap((e) => e.truths).filter((t) => t.state === 'kept').length;
		const gone = corpus.flatMap((e) => e.truths).filter((t) => t.state === 'gone').length;
		expect(total['exact-correct'] / kept).toBeGreaterThan(0.98);
		expect(total['orphan-gone']).toBe(gone);
	});
});

describe('judge', () => {
	const placed = (status: 'exact' | 'confirm', start: number, end: number) =>
		({ id: 'a', status, start, end, confidence: status === 'exact' ? 1 : 0.5 }) as Reanchored;
	const orphan = { id: 'a', status: 'orphan', confidence: 0, oldWords: 'x', reason: '' } as Reanchored;

	it.each([
		['kept, attached on its span', { id: 'a', state: 'kept', start: 5, end: 9 }, placed('exact', 5, 9), 'exact-correct'],
		['kept, attached one character off', { id: 'a', state: 'kept', start: 5, end: 9 }, placed('exact', 5, 10), 'silent-wrong'],
		['changed, attached silently', { id: 'a', state: 'changed', start: 5, end: 9 }, placed('exact', 5, 9), 'silent-wrong'],
		['gone, attached silently', { id: 'a', state: 'gone' }, placed('exact', 5, 9), 'silent-wrong'],
		['changed, offered over most of it', { id: 'a', state: 'changed', start: 5, end: 15 }, placed('confirm', 6, 15), 'confirm-correct'],
		['changed, offered elsewhere', { id: 'a', state: 'changed', start: 5, end: 15 }, placed('confirm', 40, 50), 'confirm-wrong'],
		['split apart, offered anything', { id: 'a', state: 'changed', start: -1, end: -1 }, placed('confirm', 5, 9), 'confirm-wrong'],
		['gone, offered anything', { id: 'a', state: 'gone' }, placed('confirm', 5, 9), 'confirm-wrong'],
		['gone, orphaned', { id: 'a', state: 'gone' }, orphan, 'orphan-gone'],
		['changed, orphaned', { id: 'a', state: 'changed', start: 5, end: 9 }, orphan, 'orphan-changed'],
		['kept, orphaned', { id: 'a', state: 'kept', start: 5, end: 9 }, orphan, 'orphan-missed']
	] as const)('%s', (_, truth, result, verdict) => {
		expect(judge(truth, result)).toBe(verdict);
	});
});
