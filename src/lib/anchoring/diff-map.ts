/**
 * Maps text positions from one version of an article to the next through a diff
 * (diff-match-patch-es, by words then by characters), and says which characters the diff
 * kept, removed or added.
 * Re-anchoring trusts these facts before any fuzzy search: a span whose characters the
 * diff carried over unchanged is the same passage, wherever the edits around it went.
 */
import {
	DIFF_DELETE,
	DIFF_EQUAL,
	DIFF_INSERT,
	diffCleanupEfficiency,
	diffCleanupSemantic,
	diffCleanupSemanticLossless,
	diffCommonPrefix,
	diffCommonSuffix,
	diffMain,
	type Diff
} from 'diff-match-patch-es';

/** Runs of up to this many words kept inside a rewritten stretch count as chance. */
const CHANCE_WORDS = 2;

/** One step of the diff with where it sits in each version (end exclusive). */
export interface Segment {
	op: typeof DIFF_EQUAL | typeof DIFF_DELETE | typeof DIFF_INSERT;
	oldStart: number;
	oldEnd: number;
	newStart: number;
	newEnd: number;
}

/** The diff between two versions, ready for position look-ups. */
export interface VersionDiff {
	oldText: string;
	newText: string;
	segments: Segment[];
	/** For each character of the new text: true when the diff inserted it. */
	inserted: Uint8Array;
	/** For each character of the old text: true when the diff deleted it. */
	deleted: Uint8Array;
}

/**
 * Diffs `oldText` against `newText`: word by word first (an article of 5,000 words is
 * about 10,000 tokens instead of 35,000 characters, so even a heavy revision stays fast),
 * then character by character inside each replaced stretch, so a word edited in the
 * middle of a quote still maps precisely. `timeoutSeconds` bounds the work on a wholesale
 * rewrite (the library then returns a coarser but still valid diff); 0 means no limit.
 */
export function diffVersions(oldText: string, newText: string, timeoutSeconds = 2): VersionDiff {
	// Most edits touch one stretch: set the common start and end aside (cut at whitespace,
	// so no word is split) and tokenise only what lies between.
	let head = diffCommonPrefix(oldText, newText);
	while (head > 0 && !/\s/.test(oldText[head - 1])) head--;
	let tail = diffCommonSuffix(oldText.slice(head), newText.slice(head));
	while (tail > 0 && !/\s/.test(oldText[oldText.length - tail])) tail--;
	const middle = refineReplacements(
		diffByWords(oldText.slice(head, oldText.length - tail), newText.slice(head, newText.length - tail), timeoutSeconds),
		timeoutSeconds
	);
	const diffs: Diff[] = [[DIFF_EQUAL, oldText.slice(0, head)], ...middle, [DIFF_EQUAL, oldText.slice(oldText.length - tail)]];
	// An insertion next to equal characters can often slide ("no. Twice." may be recorded
	// as "no" + ". Twice" + "."): slide each edit to word boundaries, as a person would
	// read it, so the annotated words stay in one kept run. The texts are unchanged.
	const merged = mergeRuns(diffs);
	diffCleanupSemanticLossless(merged);
	const segments: Segment[] = [];
	const inserted = new Uint8Array(newText.length);
	const deleted = new Uint8Array(oldText.length);
	let oldAt = 0;
	let newAt = 0;
	for (const [op, chunk] of merged) {
		const oldLen = op === DIFF_INSERT ? 0 : chunk.length;
		const newLen = op === DIFF_DELETE ? 0 : chunk.length;
		segments.push({ op, oldStart: oldAt, oldEnd: oldAt + oldLen, newStart: newAt, newEnd: newAt + newLen });
		if (op === DIFF_INSERT) inserted.fill(1, newAt, newAt + newLen);
		if (op === DIFF_DELETE) deleted.fill(1, oldAt, oldAt + oldLen);
		oldAt += oldLen;
		newAt += newLen;
	}
	return { oldText, newText, segments, inserted, deleted };
}

/**
 * Joins neighbouring steps of the same kind and drops empty ones. (The library's own
 * clean-up would also pull letters shared by a deletion and its insertion out as "kept",
 * such as the full stop of two different sentences, which is what the refinement avoids.)
 */
function mergeRuns(diffs: Diff[]): Diff[] {
	const out: Diff[] = [];
	for (const [op, chunk] of diffs) {
		if (chunk.length === 0) continue;
		const last = out.at(-1);
		if (last && last[0] === op) last[1] += chunk;
		else out.push([op, chunk]);
	}
	return out;
}

/** The library's line mode, with words (each with the whitespace after it) as the units. */
function diffByWords(oldText: string, newText: string, timeoutSeconds: number): Diff[] {
	const tokens: string[] = [];
	const codes = new Map<string, string>();
	let next = 1;
	const encode = (text: string) => {
		let out = '';
		// A word with the whitespace after it: spaces alone would match everywhere.
		for (const token of text.match(/^\s+|\S+\s*/g) ?? []) {
			let code = codes.get(token);
			if (code === undefined) {
				// One UTF-16 unit per distinct token, skipping the surrogate range.
				if (next === 0xd800) next = 0xe000;
				if (next > 0xffff) return null;
				code = String.fromCharCode(next);
				codes.set(token, code);
				tokens[next++] = token;
			}
			out += code;
		}
		return out;
	};
	const a = encode(oldText);
	const b = encode(newText);
	if (a === null || b === null) return diffMain(oldText, newText, { diffTimeout: timeoutSeconds });
	const diffs = diffMain(a, b, { diffTimeout: timeoutSeconds }, false);
	// Fold a word or two matched by chance ("the ", "of the ") inside a rewritten stretch
	// into it, so the stretch is one replacement, not a sieve; three words or more in a row
	// stay kept (a sentence kept amid a rewrite). Done on the tokens, so only whole words
	// ever count as kept.
	diffCleanupEfficiency(diffs, { diffEditCost: CHANCE_WORDS + 1 });
	return diffs.map(([op, chunk]): Diff => [op, Array.from(chunk, (c) => tokens[c.charCodeAt(0)]).join('')]);
}

/** Re-diffs, character by character, each stretch the word diff deleted and replaced. */
function refineReplacements(diffs: Diff[], timeoutSeconds: number): Diff[] {
	const out: Diff[] = [];
	let removed = '';
	let added = '';
	const flush = () => {
		// A very long replaced stretch is a rewrite: characters matched inside it mean little.
		const within = removed && added && removed.length + added.length <= 20_000 ? diffMain(removed, added, { diffTimeout: timeoutSeconds }, false) : null;
		// Keep the characters a reader would see as kept, not letters shared by chance; and
		// when under half of the shorter side survives, the stretch was rewritten: keep none.
		if (within) diffCleanupSemantic(within);
		const kept = within ? within.reduce((n, [op, chunk]) => n + (op === DIFF_EQUAL ? chunk.length : 0), 0) : 0;
		if (within && kept >= Math.min(removed.length, added.length) / 2) {
			out.push(...within);
		} else if (removed && added) {
			// Words carry the whitespace after them; whitespace both sides share at the edges
			// is kept, so a replaced last word does not take the space after a quote with it.
			let lead = 0;
			while (lead < removed.length && lead < added.length && removed[lead] === added[lead] && /\s/.test(removed[lead])) lead++;
			let trail = 0;
			while (
				trail < removed.length - lead &&
				trail < added.length - lead &&
				removed[removed.length - 1 - trail] === added[added.length - 1 - trail] &&
				/\s/.test(removed[removed.length - 1 - trail])
			)
				trail++;
			out.push(
				[DIFF_EQUAL, removed.slice(0, lead)],
				[DIFF_DELETE, removed.slice(lead, removed.length - trail)],
				[DIFF_INSERT, added.slice(lead, added.length - trail)],
				[DIFF_EQUAL, removed.slice(removed.length - trail)]
			);
		} else {
			if (removed) out.push([DIFF_DELETE, removed]);
			if (added) out.push([DIFF_INSERT, added]);
		}
		removed = '';
		added = '';
	};
	for (const [op, chunk] of diffs) {
		if (op === DIFF_DELETE) removed += chunk;
		else if (op === DIFF_INSERT) added += chunk;
		else {
			flush();
			out.push([op, chunk]);
		}
	}
	flush();
	return out;
}

/**
 * Where the span old[start, end) lies in the new text. Text inserted exactly at either
 * edge stays outside the span (it was added next to it, not into it), unless it
 * replaces characters of the span that the diff deleted, in which case it is inside.
 * A span whose characters were all deleted maps to an empty span at the deletion point,
 * even when something was typed in its place: with none of its words left, the new text
 * there is another passage, and re-anchoring looks for the words elsewhere.
 */
export function mapSpan(diff: VersionDiff, start: number, end: number): { start: number; end: number } {
	const from = mapBoundary(diff, start, 'start', start, end);
	// Nothing of the span survived: what stands there now replaced it, but is not it.
	if (deletedShare(diff, start, end) === 1) return { start: from, end: from };
	const to = mapBoundary(diff, end, 'end', start, end);
	return { start: from, end: Math.max(from, to) };
}

function mapBoundary(diff: VersionDiff, at: number, side: 'start' | 'end', spanStart: number, spanEnd: number): number {
	const { segments } = diff;
	for (let i = 0; i < segments.length; i++) {
		const seg = segments[i];
		if (seg.op === DIFF_EQUAL) {
			const inside = side === 'start' ? at >= seg.oldStart && at < seg.oldEnd : at > seg.oldStart && at <= seg.oldEnd;
			if (inside) return seg.newStart + (at - seg.oldStart);
		} else if (seg.op === DIFF_DELETE) {
			if (side === 'start' && at >= seg.oldStart && at < seg.oldEnd) {
				// The span's first characters were deleted: anything put in their place belongs to it.
				return seg.newStart;
			}
			if (side === 'end' && at > seg.oldStart && at <= seg.oldEnd) {
				// The span's last characters were deleted: include what replaced them, when the
				// deletion lay within the span (a longer one replaced more than these words).
				const next = segments[i + 1];
				const within = seg.oldStart >= spanStart && seg.oldEnd === at;
				const replaced = next?.op === DIFF_INSERT && within ? next.newEnd - next.newStart : 0;
				return seg.newStart + replaced;
			}
		} else if (seg.oldStart === at) {
			// An insertion exactly at this boundary: inside the span only when it replaces span
			// characters deleted next to it (the library puts a deletion before its insertion).
			const prev = segments[i - 1];
			if (side === 'end') {
				const replacesSpan = prev?.op === DIFF_DELETE && prev.oldEnd === at && prev.oldStart >= spanStart && at > spanStart;
				return replacesSpan ? seg.newEnd : seg.newStart;
			}
			const next = segments[i + 1];
			if (next?.op === DIFF_DELETE && next.oldStart === at && at < spanEnd) return seg.newStart;
		}
	}
	return diff.newText.length;
}

/** The share of new[start, end) that the diff inserted (1 for text that is all new). */
export function insertedShare(diff: VersionDiff, start: number, end: number): number {
	if (end <= start) return 0;
	let count = 0;
	for (let i = start; i < end; i++) count += diff.inserted[i];
	return count / (end - start);
}

/** The share of old[start, end) that the diff deleted (1 when none of it survives in place). */
export function deletedShare(diff: VersionDiff, start: number, end: number): number {
	if (end <= start) return 0;
	let count = 0;
	for (let i = start; i < end; i++) count += diff.deleted[i];
	return count / (end - start);
}

/** The longest run of deleted old characters around old[start, end), or null if any of it survived. */
export function deletedRun(diff: VersionDiff, start: number, end: number): { start: number; end: number } | null {
	if (end <= start || deletedShare(diff, start, end) < 1) return null;
	let from = start;
	let to = end;
	while (from > 0 && diff.deleted[from - 1]) from--;
	while (to < diff.oldText.length && diff.deleted[to]) to++;
	return { start: from, end: to };
}

/** The longest run of inserted new characters around new[start, end), or null if any of it was there before. */
export function insertedRun(diff: VersionDiff, start: number, end: number): { start: number; end: number } | null {
	if (end <= start || insertedShare(diff, start, end) < 1) return null;
	let from = start;
	let to = end;
	while (from > 0 && diff.inserted[from - 1]) from--;
	while (to < diff.newText.length && diff.inserted[to]) to++;
	return { start: from, end: to };
}
