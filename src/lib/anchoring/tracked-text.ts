/**
 * A text under edit that knows, by construction, where each annotation's words are: every
 * change is a splice or a move, and each one moves the spans by a stated rule. The edit
 * corpus is built from these, so its truth never depends on the re-anchoring it measures.
 */
import type { Anchor } from './reanchor';

/** Where an annotation truly is after an edit. */
export type Truth =
	| { id: string; state: 'kept'; start: number; end: number }
	/** The words at its place were edited; start/end are -1 when its place was split apart. */
	| { id: string; state: 'changed'; start: number; end: number }
	| { id: string; state: 'gone' };

/** An annotation's span in the text as it is now. */
export type Span = { start: number; end: number; fate: 'live' | 'gone' | 'split' };

/** The text, its spans, and what the edit did so far. */
export interface TrackedText {
	text: string;
	spans: Map<string, Span>;
	steps: string[];
	/** Words pasted and words deleted so far in this edit (see `deletable` and `pastable` in edit-corpus.ts). */
	pasted: string[];
	deleted: string[];
}

/** `text` with `anchors` placed on it, before any edit. */
export function track(text: string, anchors: Anchor[]): TrackedText {
	return {
		text,
		spans: new Map(anchors.map((a) => [a.id, { start: a.start, end: a.end, fate: 'live' as const }])),
		steps: [],
		pasted: [],
		deleted: []
	};
}

/** The truth for each anchor after the edits: kept (same words, whitespace aside), changed or gone. */
export function truthsOf(state: TrackedText, anchors: Anchor[]): Truth[] {
	const words = (s: string) => s.replace(/\s+/g, ' ').trim();
	return anchors.map((a): Truth => {
		const span = state.spans.get(a.id)!;
		if (span.fate === 'gone') return { id: a.id, state: 'gone' };
		if (span.fate === 'split') return { id: a.id, state: 'changed', start: -1, end: -1 };
		const same = words(state.text.slice(span.start, span.end)) === words(a.exact);
		return { id: a.id, state: same ? 'kept' : 'changed', start: span.start, end: span.end };
	});
}

/** The spans still in the text, with their ids. */
export function liveSpans(state: TrackedText): [string, Span][] {
	return [...state.spans.entries()].filter(([, s]) => s.fate === 'live');
}

/**
 * Replaces text[at, at + removed) with `inserted`, and moves every span by the rule the
 * re-anchoring promises: text added exactly at a span's edge is outside it, a span wholly
 * removed is gone, and a span partly edited keeps what is left of it plus what was typed in.
 */
export function splice(state: TrackedText, at: number, removed: number, inserted: string, step: string) {
	const end = at + removed;
	const delta = inserted.length - removed;
	for (const span of state.spans.values()) {
		if (span.fate !== 'live') continue;
		if (end <= span.start) {
			span.start += delta;
			span.end += delta;
		} else if (at >= span.end) {
			// after the span: unchanged
		} else if (at <= span.start && end >= span.end) {
			if (inserted.length === 0) span.fate = 'gone';
			else {
				span.start = at;
				span.end = at + inserted.length;
			}
		} else if (at < span.start) {
			span.start = at;
			span.end += delta;
		} else if (end > span.end) {
			span.end = at + inserted.length;
		} else {
			span.end += delta;
		}
	}
	state.text = state.text.slice(0, at) + inserted + state.text.slice(end);
	state.steps.push(step);
}

/** Moves text[from, to) so that it starts at `at` (an offset in the text without it). */
export function move(state: TrackedText, from: number, to: number, at: number, step: string) {
	const carried = new Map<Span, number>();
	for (const span of state.spans.values()) {
		if (span.fate !== 'live') continue;
		if (span.start >= from && span.end <= to) carried.set(span, span.start - from);
		else if (span.start < to && span.end > from) span.fate = 'split';
	}
	const block = state.text.slice(from, to);
	const live = [...carried.keys()];
	live.forEach((s) => (s.fate = 'gone'));
	splice(state, from, to - from, '', step);
	splice(state, at, 0, block, `  (${step}: put back at ${at})`);
	state.steps.pop();
	for (const span of live) {
		const offset = carried.get(span)!;
		span.end = at + offset + (span.end - span.start);
		span.start = at + offset;
		span.fate = 'live';
	}
}
