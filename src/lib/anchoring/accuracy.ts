/**
 * Scores re-anchoring against an edit corpus whose truth is known by construction, and
 * prints the table the issue asks for. Shared by the corpus test (which asserts that
 * nothing is ever attached silently to the wrong words) and `npm run bench:anchoring`.
 */
import type { Edit, Truth } from './edit-corpus';
import { reanchor, type Anchor, type Reanchored } from './reanchor';

/** How one result compares with the truth. */
export type Verdict =
	| 'exact-correct'
	| 'silent-wrong'
	| 'confirm-correct'
	| 'confirm-wrong'
	| 'orphan-gone'
	| 'orphan-changed'
	| 'orphan-missed';

export type Tally = Record<Verdict, number> & { annotations: number };

/** A result the truth disagrees with, for reading a failure. */
export interface Miss {
	edit: number;
	kind: string;
	steps: string[];
	id: string;
	verdict: Verdict;
	truth: Truth;
	result: Reanchored;
}

/** Overlap of two spans as intersection over union (0 when they do not touch). */
function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
	const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
	const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
	return union > 0 ? inter / union : 0;
}

/**
 * The verdict on one result. Attached silently is right only on the very span where the
 * unchanged words truly are; a candidate offered for confirmation is right when it covers
 * at least half of the true span (the teacher sees it and can adjust it).
 */
export function judge(truth: Truth, result: Reanchored): Verdict {
	if (result.status === 'exact') {
		return truth.state === 'kept' && truth.start === result.start && truth.end === result.end ? 'exact-correct' : 'silent-wrong';
	}
	if (result.status === 'confirm') {
		if (truth.state === 'gone' || truth.start < 0) return 'confirm-wrong';
		return overlap(truth, result) >= 0.5 ? 'confirm-correct' : 'confirm-wrong';
	}
	return truth.state === 'gone' ? 'orphan-gone' : truth.state === 'changed' ? 'orphan-changed' : 'orphan-missed';
}

function emptyTally(): Tally {
	return {
		annotations: 0,
		'exact-correct': 0,
		'silent-wrong': 0,
		'confirm-correct': 0,
		'confirm-wrong': 0,
		'orphan-gone': 0,
		'orphan-changed': 0,
		'orphan-missed': 0
	};
}

/** Re-anchors `anchors` through every edit and tallies the verdicts, per kind of edit and in all. */
export function measureCorpus(oldText: string, anchors: Anchor[], edits: Edit[]) {
	const byKind = new Map<string, Tally>();
	const total = emptyTally();
	const misses: Miss[] = [];
	for (const edit of edits) {
		const results = reanchor(oldText, edit.text, anchors);
		const tally = byKind.get(edit.kind) ?? emptyTally();
		byKind.set(edit.kind, tally);
		results.forEach((result, i) => {
			const truth = edit.truths[i];
			const verdict = judge(truth, result);
			for (const t of [tally, total]) {
				t.annotations++;
				t[verdict]++;
			}
			if (verdict === 'silent-wrong' || verdict === 'confirm-wrong' || verdict === 'orphan-missed') {
				misses.push({ edit: edit.index, kind: edit.kind, steps: edit.steps, id: anchors[i].id, verdict, truth, result });
			}
		});
	}
	return { byKind, total, misses };
}

/** The accuracy table as plain text, one row per kind of edit and a total. */
export function formatTable(byKind: Map<string, Tally>, total: Tally, editsPerKind: Map<string, number>): string {
	const columns: [string, (t: Tally) => number][] = [
		['anchored exactly', (t) => t['exact-correct']],
		['after confirming', (t) => t['confirm-correct']],
		['wrong candidate offered', (t) => t['confirm-wrong']],
		['orphan: words gone', (t) => t['orphan-gone']],
		['orphan: words changed', (t) => t['orphan-changed']],
		['orphan: words still there', (t) => t['orphan-missed']],
		['WRONG, silently', (t) => t['silent-wrong']]
	];
	const head = ['edit kind (edits)', 'annotations', ...columns.map(([name]) => name)];
	const rows = [...byKind.entries()].map(([kind, t]) => [`${kind} (${editsPerKind.get(kind) ?? 0})`, String(t.annotations), ...columns.map(([, f]) => String(f(t)))]);
	const all = [...editsPerKind.values()].reduce((a, b) => a + b, 0);
	rows.push([`all (${all})`, String(total.annotations), ...columns.map(([, f]) => `${f(total)} (${((100 * f(total)) / Math.max(1, total.annotations)).toFixed(1)}%)`)]);
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
	return [line(head), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}
