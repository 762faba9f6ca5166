/**
 * A seeded, reproducible corpus of edits to an article, for measuring re-anchoring. Every
 * edit is built from splices and moves whose effect on each annotation is known by
 * construction, so each edit carries the truth: where every annotation's words now are,
 * whether they are unchanged (ignoring whitespace), changed, or gone.
 *
 * One edit the corpus never makes on purpose: deleting a passage and pasting the same words
 * elsewhere with a different label. Observably that is a move, and no method could tell it
 * from one; so a "duplicate" always leaves its original where it was.
 */
import type { Anchor } from './reanchor';
import { lines, sentences, twinAt, wordsIn } from './text-units';
import { liveSpans, move, splice, track, truthsOf, type Span, type TrackedText, type Truth } from './tracked-text';

export type { Truth } from './tracked-text';

/** The kinds of edit, each made equally often. */
export const EDIT_KINDS = [
	'insert-sentence',
	'insert-paragraph',
	'delete-sentence',
	'delete-paragraph',
	'reword-near',
	'reword-inside',
	'move-paragraph',
	'whitespace',
	'duplicate-sentence',
	'duplicate-then-reword-original',
	'move-and-duplicate',
	'mixed'
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** One generated edit: the new text and the truth for every annotation. */
export interface Edit {
	index: number;
	kind: EditKind;
	/** What was done, for reading a failure. */
	steps: string[];
	text: string;
	truths: Truth[];
}

const NEW_SENTENCES = [
	'Officials did not respond to a request for comment.',
	'The statement was posted late on Sunday.',
	'Analysts were divided on what the move would mean.',
	'Neither government gave further details.',
	'The exchange was widely shared online.',
	'Several lawmakers called for a hearing on the matter.',
	'A spokesperson said talks would continue next week.',
	'The figures could not be independently verified.'
];
const NEW_WORDS = ['quietly', 'reportedly', 'firmly', 'several', 'officials', 'regional', 'sharply', 'openly', 'recent', 'northern'];

/** A small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `count` edits of `text`, `seed` making them reproducible; kinds take turns. */
export function generateCorpus(text: string, anchors: Anchor[], { seed = 1, count = 240 } = {}): Edit[] {
	const random = seededRandom(seed);
	const edits: Edit[] = [];
	for (let index = 0; index < count; index++) {
		const kind = EDIT_KINDS[index % EDIT_KINDS.length];
		const state = track(text, anchors);
		applyKind(state, kind, random);
		edits.push({ index, kind, steps: state.steps, text: state.text, truths: truthsOf(state, anchors) });
	}
	return edits;
}

function applyKind(state: TrackedText, kind: EditKind, random: () => number) {
	const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
	switch (kind) {
		case 'insert-sentence': {
			const at = pick(sentences(state.text)).start;
			splice(state, at, 0, `${pick(NEW_SENTENCES)} `, 'insert a sentence');
			return;
		}
		case 'insert-paragraph': {
			const at = pick(lines(state.text)).start;
			splice(state, at, 0, `${pick(NEW_SENTENCES)} ${pick(NEW_SENTENCES)}\n`, 'insert a paragraph');
			return;
		}
		case 'delete-sentence': {
			const choices = sentences(state.text).filter((x) => deletable(state, x.start, x.endWithSpace));
			if (choices.length === 0) return;
			const x = pick(choices);
			state.deleted.push(state.text.slice(x.start, x.end));
			splice(state, x.start, x.endWithSpace - x.start, '', `delete the sentence "${state.text.slice(x.start, x.end)}"`);
			return;
		}
		case 'delete-paragraph': {
			const choices = lines(state.text)
				.slice(0, -1)
				.filter((l) => deletable(state, l.start, l.end));
			if (choices.length === 0) return;
			const l = pick(choices);
			state.deleted.push(state.text.slice(l.start, l.end));
			splice(state, l.start, l.end + 1 - l.start, '', `delete the paragraph "${state.text.slice(l.start, l.start + 40)}…"`);
			return;
		}
		case 'reword-near':
			rewordNear(state, random);
			return;
		case 'reword-inside':
			rewordInside(state, random);
			return;
		case 'move-paragraph':
			moveParagraph(state, random);
			return;
		case 'whitespace':
			whitespace(state, random);
			return;
		case 'duplicate-sentence':
			duplicateSentence(state, random, null);
			return;
		case 'duplicate-then-reword-original': {
			// The temptation: an unchanged copy of the words elsewhere, and the original edited.
			const target = duplicateSentence(state, random, 'annotated');
			if (target) rewordInside(state, random, target);
			return;
		}
		case 'move-and-duplicate': {
			const moved = moveParagraph(state, random);
			if (moved) duplicateSentence(state, random, moved);
			return;
		}
		case 'mixed': {
			const simple: EditKind[] = ['insert-sentence', 'delete-sentence', 'reword-near', 'reword-inside', 'move-paragraph', 'whitespace', 'duplicate-sentence'];
			const n = 2 + Math.floor(random() * 3);
			for (let i = 0; i < n; i++) applyKind(state, pick(simple), random);
			return;
		}
	}
}

/**
 * Deleting words and pasting the same words elsewhere in one edit is, to any observer, a
 * move; the corpus would have to call it "gone" and "kept" at once. So an edit never
 * deletes text that holds words it pasted, nor pastes words it deleted.
 */
function deletable(state: TrackedText, start: number, end: number): boolean {
	const text = state.text.slice(start, end);
	return !state.pasted.some((p) => text.includes(p));
}

function pastable(state: TrackedText, words: string): boolean {
	return !state.deleted.some((d) => d.includes(words) || words.includes(d));
}

function replaceWord(state: TrackedText, word: { start: number; end: number }, random: () => number, why: string) {
	const old = state.text.slice(word.start, word.end);
	const choices = NEW_WORDS.filter((w) => w.toLowerCase() !== old.toLowerCase());
	const next = choices[Math.floor(random() * choices.length)];
	splice(state, word.start, word.end - word.start, next, `${why}: "${old}" → "${next}"`);
}

function rewordNear(state: TrackedText, random: () => number) {
	const [id, span] = liveSpans(state)[Math.floor(random() * liveSpans(state).length)];
	const near = [
		...wordsIn(state.text, Math.max(0, span.start - 40), span.start),
		...wordsIn(state.text, span.end, Math.min(state.text.length, span.end + 40))
	].filter((w) => w.end <= span.start || w.start >= span.end);
	if (near.length === 0) return;
	replaceWord(state, near[Math.floor(random() * near.length)], random, `reword next to ${id}`);
}

function rewordInside(state: TrackedText, random: () => number, id?: string) {
	const candidates = liveSpans(state).filter(([key, s]) => (id ? key === id : true) && wordsIn(state.text, s.start, s.end).length > 0);
	if (candidates.length === 0) return;
	const [key, span] = candidates[Math.floor(random() * candidates.length)];
	const words = wordsIn(state.text, span.start, span.end);
	replaceWord(state, words[Math.floor(random() * words.length)], random, `reword inside ${key}`);
}

/**
 * Moves a paragraph no annotation crosses into. Returns where it now is and where it was
 * (both in the new text), or null if none could move.
 */
function moveParagraph(state: TrackedText, random: () => number): Moved | null {
	const all = lines(state.text);
	const crossed = (at: number) => liveSpans(state).some(([, s]) => s.start < at && s.end > at);
	const movable = all.filter((l) => l.end < state.text.length && !crossed(l.start) && !crossed(l.end + 1));
	if (movable.length < 1 || all.length < 3) return null;
	const line = movable[Math.floor(random() * movable.length)];
	const length = line.end + 1 - line.start;
	const block = state.text.slice(line.start, line.end);
	// Not right next to an identical paragraph (a text that repeats): "X X" has no original.
	const targets = all
		.map((l) => l.start)
		.filter((start) => start !== line.start && start !== line.end + 1 && !crossed(start))
		.filter((start) => !twinAt(state.text, start, block))
		.map((start) => (start > line.start ? start - length : start));
	if (targets.length === 0) return null;
	const at = targets[Math.floor(random() * targets.length)];
	move(state, line.start, line.end + 1, at, `move the paragraph "${state.text.slice(line.start, line.start + 40)}…"`);
	return { start: at, end: at + length - 1, oldSlot: at > line.start ? line.start : line.start + length };
}

interface Moved {
	start: number;
	end: number;
	oldSlot: number;
}

/** How far (in characters) a pasted copy must stay from a moved passage's old and new places. */
const PASTE_DISTANCE = 200;

function whitespace(state: TrackedText, random: () => number) {
	const live = liveSpans(state);
	const [id, span] = live[Math.floor(random() * live.length)];
	const spaces: number[] = [];
	for (let i = Math.max(0, span.start - 1); i < Math.min(state.text.length, span.end + 1); i++) if (state.text[i] === ' ') spaces.push(i);
	if (spaces.length === 0) return;
	const at = spaces[Math.floor(random() * spaces.length)];
	const replacement = ['  ', '\u00a0', ' \t', '   '][Math.floor(random() * 4)];
	splice(state, at, 1, replacement, `whitespace in or next to ${id}: ${JSON.stringify(replacement)}`);
}

/**
 * Pastes a copy of a sentence at the start of a sentence in another paragraph. With
 * `annotated`, the sentence is one that holds a whole annotation, whose id is returned.
 * Copying from a moved paragraph, the copy goes well away from where the paragraph was
 * and is: a copy left next to a passage's old place while the passage itself moved off
 * would make "which one is the original" a matter of opinion, not of construction.
 * For the same reason a copy never goes right next to the same words.
 */
function duplicateSentence(state: TrackedText, random: () => number, source: 'annotated' | Moved | null): string | null {
	const all = sentences(state.text);
	let pool = all;
	let targets = all;
	if (source && source !== 'annotated') {
		pool = all.filter((s) => s.start >= source.start && s.end <= source.end);
		const far = (at: number) =>
			Math.abs(at - source.oldSlot) >= PASTE_DISTANCE && (at < source.start - PASTE_DISTANCE || at > source.end + PASTE_DISTANCE);
		targets = all.filter((s) => far(s.start));
	}
	let holder: string | null = null;
	if (source === 'annotated') {
		const holding = all.flatMap((s) =>
			liveSpans(state)
				.filter(([, sp]) => sp.start >= s.start && sp.end <= s.end)
				.map(([id]) => ({ s, id }))
		);
		if (holding.length === 0) return null;
		const chosen = holding[Math.floor(random() * holding.length)];
		pool = [chosen.s];
		holder = chosen.id;
	}
	if (pool.length === 0) return null;
	const copied = pool[Math.floor(random() * pool.length)];
	const words = state.text.slice(copied.start, copied.end);
	// Never right next to the same words (in a text that already repeats): in "X X" nothing
	// can say which X is the copy, so the truth would be a coin toss, not a construction.
	if (!pastable(state, words)) return null;
	const elsewhere = targets.filter((s) => s.line !== copied.line && !twinAt(state.text, s.start, words));
	if (elsewhere.length === 0) return null;
	const at = elsewhere[Math.floor(random() * elsewhere.length)].start;
	state.pasted.push(words);
	splice(state, at, 0, `${words} `, `paste a copy of "${words.slice(0, 40)}…" elsewhere`);
	return holder;
}
