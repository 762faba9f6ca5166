import { beforeAll, describe, expect, it } from 'vitest';
import { shippedAnchors } from '../../../tests/fixtures/shipped-anchors';
import { EDIT_KINDS, generateCorpus, seededRandom, type Edit } from './edit-corpus';
import type { Anchor } from './reanchor';

let text: string;
let anchors: Anchor[];
let corpus: Edit[];

beforeAll(async () => {
	({ text, anchors } = await shippedAnchors());
	corpus = generateCorpus(text, anchors, { seed: 1, count: 240 });
});

const words = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('generateCorpus', () => {
	it('makes at least 200 edits, every kind equally often, each one changing the text', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(200);
		for (const kind of EDIT_KINDS) expect(corpus.filter((e) => e.kind === kind)).toHaveLength(20);
		expect(corpus.filter((e) => e.text === text)).toEqual([]);
	});

	it('is reproducible from its seed, and another seed gives other edits', () => {
		const again = generateCorpus(text, anchors, { seed: 1, count: 240 });
		expect(again.map((e) => e.text)).toEqual(corpus.map((e) => e.text));
		const other = generateCorpus(text, anchors, { seed: 2, count: 240 });
		expect(other.filter((e, i) => e.text !== corpus[i].text).length).toBeGreaterThan(200);
	});

	it('knows where every kept annotation is: its words, unchanged but for whitespace', () => {
		for (const edit of corpus) {
			edit.truths.forEach((truth, i) => {
				if (truth.state === 'kept') expect(words(edit.text.slice(truth.start, truth.end))).toBe(words(anchors[i].exact));
				if (truth.state === 'changed' && truth.start >= 0) {
					expect(words(edit.text.slice(truth.start, truth.end))).not.toBe(words(anchors[i].exact));
				}
			});
		}
	});

	it('includes deleted, changed and moved annotations, and copies that tempt a wrong match', () => {
		const states = corpus.flatMap((e) => e.truths.map((t) => t.state));
		expect(states.filter((s) => s === 'gone').length).toBeGreaterThan(50);
		expect(states.filter((s) => s === 'changed').length).toBeGreaterThan(50);
		// A move puts two annotations in a different order.
		const reordered = (e: Edit) =>
			e.truths.some((t, i) =>
				e.truths.some((u, j) => t.state === 'kept' && u.state === 'kept' && anchors[i].start < anchors[j].start && t.start > u.start)
			);
		expect(corpus.filter((e) => e.kind === 'move-paragraph' && reordered(e))).toHaveLength(20);
		// A duplicate-then-reword edit leaves an exact copy of the edited annotation's words elsewhere.
		const tempting = corpus.filter((e) => e.kind === 'duplicate-then-reword-original');
		const decoys = tempting.filter((e) => e.truths.some((t, i) => t.state === 'changed' && e.text.includes(anchors[i].exact)));
		expect(decoys.length).toBeGreaterThanOrEqual(15);
	});
});

describe('seededRandom', () => {
	it('draws the same numbers from the same seed', () => {
		const a = seededRandom(7);
		const b = seededRandom(7);
		expect([a(), a(), a()]).toEqual([b(), b(), b()]);
	});
});
