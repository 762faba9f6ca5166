// Re-anchoring: accuracy on the seeded edit corpus of the shipped article, and the time to
// re-anchor 200 annotations over a 5,000-word article against a plain indexOf pass over the
// same quotes in the same run. Loaded by bench/anchoring.js through Vite's module runner.
import { anchor, describe } from '../src/lib/anchoring/anchoring';
import { formatTable, judge, measureCorpus } from '../src/lib/anchoring/accuracy';
import { diffVersions } from '../src/lib/anchoring/diff-map';
import { generateCorpus, type Edit } from '../src/lib/anchoring/edit-corpus';
import { reanchor, ATTACH_THRESHOLD, OFFER_FLOOR, type Anchor } from '../src/lib/anchoring/reanchor';
import { shippedAnchors } from '../tests/fixtures/shipped-anchors';

const REPEATS = Number(process.env.BENCH_REPEATS || 5);
const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function perKind(edits: Edit[]) {
	const counts = new Map<string, number>();
	for (const e of edits) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
	return counts;
}

/** How many the reader's anchor() (position, then best fuzzy match) would attach to the wrong words if trusted blindly. */
function readerAnchorAlone(edits: Edit[], anchors: Anchor[]) {
	let wrong = 0;
	let total = 0;
	for (const edit of edits) {
		anchors.forEach((a, i) => {
			const found = anchor(edit.text, {
				quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
				position: { type: 'TextPositionSelector', start: a.start, end: a.end }
			});
			total++;
			if (found.status === 'orphan') return;
			const verdict = judge(edit.truths[i], { id: a.id, status: 'exact', method: 'diff', start: found.start, end: found.end, confidence: 1, selectors: describe(edit.text, found.start, found.end) });
			if (verdict === 'silent-wrong') wrong++;
		});
	}
	return { wrong, total };
}

/**
 * A 5,000-word article made of varied copies of the shipped one (each copy a corpus edit
 * that keeps most annotations), with `count` of its annotations spread evenly through it.
 */
export function bigArticle(text: string, anchors: Anchor[], words = 5000, count = 200) {
	const variants = generateCorpus(text, anchors, { seed: 11, count: 96 }).filter((e) =>
		['insert-sentence', 'insert-paragraph', 'reword-near', 'whitespace', 'duplicate-sentence', 'move-paragraph'].includes(e.kind)
	);
	let big = '';
	const placed: { id: string; start: number; end: number }[] = [];
	for (const [copy, variant] of variants.entries()) {
		if (countWords(big) >= words) break;
		const base = big ? big.length + 1 : 0;
		big = big ? `${big}\n${variant.text}` : variant.text;
		variant.truths.forEach((t, i) => {
			if (t.state === 'kept') placed.push({ id: `${anchors[i].id}-copy${copy}`, start: base + t.start, end: base + t.end });
		});
	}
	placed.sort((a, b) => a.start - b.start);
	const step = placed.length / count;
	const chosen = Array.from({ length: count }, (_, k) => placed[Math.floor(k * step)]);
	const bigAnchors: Anchor[] = chosen.map(({ id, start, end }) => {
		const { quote } = describe(big, start, end);
		return { id, start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
	});
	return { text: big, anchors: bigAnchors };
}

/** Best of REPEATS runs of `fn`, in milliseconds. */
function time(fn: () => unknown): number {
	let best = Infinity;
	for (let i = 0; i < REPEATS; i++) {
		const start = performance.now();
		fn();
		best = Math.min(best, performance.now() - start);
	}
	return best;
}

/** Runs the case and prints its tables and figures. */
export async function run() {
	const { text, anchors } = await shippedAnchors();
	const corpus = generateCorpus(text, anchors, { seed: 1, count: 240 });
	const { byKind, total } = measureCorpus(text, anchors, corpus);
	console.log(`\nRe-anchoring accuracy: ${corpus.length} seeded edits (seed 1) of the shipped article, ${anchors.length} claims and notes each`);
	console.log(`(attach threshold ${ATTACH_THRESHOLD}, offer floor ${OFFER_FLOOR}; "after confirming" = the candidate offered covers at least half of the true span)\n`);
	console.log(formatTable(byKind, total, perKind(corpus)));
	const alone = readerAnchorAlone(corpus, anchors);
	console.log(`\nFor comparison, attaching whatever the reader's anchor() finds (position, then fuzzy quote): ${alone.wrong} of ${alone.total} on the wrong words, silently.`);

	const big = bigArticle(text, anchors);
	const edits = generateCorpus(big.text, big.anchors, { seed: 5, count: 24 });
	const quotes = big.anchors.map((a) => a.exact);
	const reanchorMs: number[] = [];
	const diffMs: number[] = [];
	const indexOfMs: number[] = [];
	let sink = 0;
	for (const edit of edits) {
		reanchorMs.push(time(() => reanchor(big.text, edit.text, big.anchors)));
		diffMs.push(time(() => diffVersions(big.text, edit.text)));
		indexOfMs.push(time(() => quotes.forEach((q) => (sink += edit.text.indexOf(q)))));
	}
	const r = median(reanchorMs);
	const b = median(indexOfMs);
	console.log(`\nRe-anchoring time: ${big.anchors.length} annotations over a ${countWords(big.text).toLocaleString('en')}-word article (${big.text.length.toLocaleString('en')} characters),`);
	console.log(`${edits.length} edits (2 of each kind), best of ${REPEATS} runs per edit, median over the edits`);
	console.log(`  reanchor() (diff, checks, fuzzy fallback)   ${r.toFixed(2).padStart(8)} ms   slowest edit ${Math.max(...reanchorMs).toFixed(2)} ms   (the diff alone: median ${median(diffMs).toFixed(2)} ms)`);
	console.log(`  baseline: indexOf of each quote             ${b.toFixed(3).padStart(8)} ms`);
	console.log(`  ratio (reanchor / indexOf)                  ${(r / b).toFixed(0).padStart(8)}×   (indexOf places nothing that moved or changed, and cannot tell repeats apart)`);
	// A heavy revision: every tenth longer word replaced, all through the article.
	let n = 0;
	const heavy = big.text.replace(/\b[a-z]{4,}\b/g, (w) => (++n % 10 === 0 ? 'word' : w));
	let results = reanchor(big.text, heavy, big.anchors);
	const heavyMs = time(() => (results = reanchor(big.text, heavy, big.anchors)));
	const count = (status: string) => results.filter((x) => x.status === status).length;
	console.log(`  a heavy revision (every 10th longer word replaced): ${heavyMs.toFixed(0)} ms; ${count('exact')} exact, ${count('confirm')} to confirm, ${count('orphan')} orphans`);
	const bigMeasured = measureCorpus(big.text, big.anchors, edits);
	console.log(`\nAccuracy on that article (each quote repeated in up to ${Math.round(countWords(big.text) / countWords(text))} copies):\n`);
	console.log(formatTable(bigMeasured.byKind, bigMeasured.total, perKind(edits)));
	if (sink === 0.5) console.log('');
}
