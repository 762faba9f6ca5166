/**
 * Importing W3C Web Annotations onto a teacher's own article (issue 10, "In and out"):
 * a JSON-LD file from the kit's export or another tool (Hypothesis and the like), read by
 * w3c-import.ts, anchored on the article's current text by the anchoring module, and
 * stored as the teacher's claims and notes in one transaction under the article's
 * revision check, so a bad or stale upload saves nothing.
 *
 * Placing: the position selector is used when the text there equals the quote; otherwise
 * the quote is searched with its prefix and suffix, and kept only when the words found
 * are the quoted words. A position with no quote is taken as given (it says which words).
 * Anything else is an orphan (stored UNPLACED, shown to the teacher for retargeting or
 * deletion). What becomes what:
 * - a `classifying` annotation naming an attribution form and a speaker (the kit's own
 *   claims) becomes a claim of the article's speaker of that name (a copy of the article
 *   has them all); an unknown speaker, or words overlapping a claim, skip it with why;
 * - everything else with text becomes a note: `assessing` a framing note, the rest
 *   sourcing notes; its first paragraph is the title;
 * - an annotation with no text (a bare highlight) is skipped.
 */
import { and, eq, max } from 'drizzle-orm';
import { CONTEXT_CHARS, describe, rankCandidates, type Selectors } from '$lib/anchoring/anchoring';
import { ClaimSpanIndex } from '$lib/articles/claim-coverage';
import { ATTRIBUTION_FORMS, CHECKS } from '$lib/articles/vocabulary';
import { parseAnnotations, type ImportedAnchor, type ImportProblem } from '$lib/annotations/w3c-import';
import type { DatabaseHandle, Transaction } from '../db/database';
import { DomainError } from '../domain-error';
import { randomToken } from '../auth/tokens';
import { checkedWords, EDITOR_LIMITS } from './annotation-editor';
import { bumpRevision, currentVersion, ownArticle } from './teacher-articles';
import { UNPLACED } from './unplaced';
import { m } from '$lib/paraglide/messages';

/** Under adapter-node's 512 KB body limit, so the app always gets to say why. */
export const MAX_IMPORT_BYTES = 400 * 1024;

/** The uploaded file's text, or a DomainError saying why it cannot be an annotation file (4xx). */
export function annotationFileText(file: { name: string; size: number; bytes: Uint8Array } | null): string {
	if (!file || file.size === 0) throw new DomainError(m.author_err_choose_annotations());
	if (!/\.(json|jsonld)$/i.test(file.name)) throw new DomainError(m.author_err_annotations_kind({ name: file.name.slice(0, 80) }), 415);
	if (file.size > MAX_IMPORT_BYTES) throw new DomainError(m.author_err_annotations_big({ size: Math.ceil(file.size / 1024), max: MAX_IMPORT_BYTES / 1024 }), 413);
	if (file.bytes.includes(0)) throw new DomainError(m.author_err_annotations_binary(), 415);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
	} catch {
		throw new DomainError(m.author_err_annotations_utf8(), 415);
	}
}

/** What an import did, for the teacher: counts, and each skipped annotation with why. */
export interface ImportSummary {
	placed: number;
	orphaned: number;
	skipped: ImportProblem[];
}

type VersionText = { id: string; text: string; blocks: { kind: 'heading' | 'paragraph'; start: number; end: number }[] };
type Placed = { selectors: Selectors } | { orphan: true };

/** Where an imported annotation's words are in `version`, or an orphan (never a guess). */
export function placeImported(version: VersionText, a: Pick<ImportedAnchor, 'start' | 'end' | 'exact' | 'prefix' | 'suffix'>): Placed {
	const { text } = version;
	const inRange = a.start !== null && a.end !== null && a.start >= 0 && a.end > a.start && a.end <= text.length;
	let span: { start: number; end: number } | null = null;
	if (inRange && (a.exact === null || text.slice(a.start!, a.end!) === a.exact)) span = { start: a.start!, end: a.end! };
	else if (a.exact) {
		// Only the context the kit itself keeps (32 characters a side): scoring a place costs
		// more the longer the context, and a file's prefix may be any length.
		const quote = { type: 'TextQuoteSelector' as const, exact: a.exact, prefix: a.prefix.slice(-CONTEXT_CHARS), suffix: a.suffix.slice(0, CONTEXT_CHARS) };
		// Only the quoted words are ever kept, so only places holding them (whitespace aside)
		// are scored: the fuzzy matcher would score every near match of a short quote
		// (about 0.7 s per annotation on a 20,000-character text), which a file can repeat.
		const [best] = rankCandidates(text, quote, a.start ?? 0, likeliest(text, quote, a.start ?? 0, sameWordsIn(text, a.exact)));
		if (best) span = { start: best.start, end: best.end };
	}
	if (!span) return { orphan: true };
	// The editor's selection rules hold for imports too: inside the text, not across a heading.
	const checked = checkedWords(version, span.start, span.end);
	return checked.ok ? { selectors: describe(text, checked.start, checked.end) } : { orphan: true };
}

/** Every place in `text` holding `quote`'s words, with any whitespace between them. */
function sameWordsIn(text: string, quote: string): { start: number; end: number; errors: number }[] {
	const words = quote.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return [];
	// Literal words joined by \s+ (a run of whitespace can end only one way: no backtracking between words).
	const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
	return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, errors: 0 }));
}

/** How many places the full (fuzzy) scoring sees: each costs a fraction of a millisecond, and a common word has hundreds. */
const SCORED_PLACES = 3;

/**
 * The few places whose surroundings agree longest with the quote's prefix and suffix
 * character for character (then the nearest to `expected`): a cheap first cut, so a file
 * quoting "the" thousands of times cannot make the import score every "the" each time.
 */
function likeliest(text: string, quote: { prefix: string; suffix: string }, expected: number, found: { start: number; end: number; errors: number }[]) {
	if (found.length <= SCORED_PLACES) return found;
	const shared = (a: string, b: string) => {
		let n = 0;
		while (n < a.length && n < b.length && a[n] === b[n]) n++;
		return n;
	};
	const reversed = (s: string) => [...s].reverse().join('');
	const before = reversed(quote.prefix);
	const agreement = (c: { start: number; end: number }) =>
		shared(reversed(text.slice(Math.max(0, c.start - quote.prefix.length), c.start)), before) + shared(text.slice(c.end, c.end + quote.suffix.length), quote.suffix);
	return found
		.map((c) => ({ c, agree: agreement(c), distance: Math.abs(c.start - expected) }))
		.sort((x, y) => y.agree - x.agree || x.distance - y.distance)
		.slice(0, SCORED_PLACES)
		.map((x) => x.c);
}

const paragraphs = (s: string) => s.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The claim an annotation describes (the kit's export shape), or null when it is not one. */
function claimOf(a: ImportedAnchor) {
	if (a.motivation !== 'classifying') return null;
	const form = a.bodies.find((b) => b.purpose === 'classifying' && (ATTRIBUTION_FORMS as readonly string[]).includes(b.value.trim()))?.value.trim();
	const speaker = a.bodies.find((b) => b.purpose === 'identifying')?.value.trim();
	if (!form || !speaker) return null;
	const described = a.bodies.find((b) => b.purpose === 'describing')?.value ?? '';
	const check = /^Check against the original: ([a-z]+)\.\s*([\s\S]*)$/.exec(described.trim());
	return {
		form,
		speaker: clip(speaker, EDITOR_LIMITS.short),
		check: check && (CHECKS as readonly string[]).includes(check[1]) ? check[1] : 'unverified',
		checkNote: clip(check ? check[2].trim() : described.trim(), EDITOR_LIMITS.body)
	};
}

/** The note an annotation becomes: title, body paragraphs and layer; null when it has no text. */
function noteOf(a: ImportedAnchor) {
	const main = a.bodies.filter((b) => b.purpose !== 'describing' && b.purpose !== 'tagging').flatMap((b) => paragraphs(b.value));
	const extra = a.bodies.filter((b) => b.purpose === 'describing').flatMap((b) => paragraphs(b.value));
	if (main.length === 0 && extra.length === 0) return null;
	const [first, ...rest] = main.length ? main : extra;
	const body = (main.length ? [...rest, ...extra] : rest).map((p) => clip(p, EDITOR_LIMITS.body));
	return { layer: a.motivation === 'assessing' ? 'framing' : 'sourcing', title: clip(first, EDITOR_LIMITS.short), body: body.length ? body : [first] };
}

/**
 * Reads `fileText` and stores its annotations on the teacher's own article (at `revision`,
 * or a 409). A file that is not Web Annotation JSON-LD, or holds none that can be read, is
 * refused with the parser's reason (422) and nothing is saved.
 */
export async function importWebAnnotations(handle: DatabaseHandle, teacherId: string, id: string, revision: number, fileText: string): Promise<ImportSummary> {
	const article = await ownArticle(handle, teacherId, id);
	const version = await currentVersion(handle, article);
	const parsed = parseAnnotations(fileText);
	if (!parsed.ok) {
		const [first] = parsed.problems;
		throw new DomainError(m.author_import_nothing({ why: first ? `${first.message}${first.at && first.at !== '(file)' ? ` ${m.author_import_at({ at: first.at })}` : ''}` : m.author_import_none_in_file() }), 422);
	}
	const skipped: ImportProblem[] = [...parsed.problems];
	const { db, tables: t } = handle;
	let placed = 0;
	let orphaned = 0;
	await db.transaction(async (tx) => {
		await bumpRevision(tx, handle, id, revision);
		const speakers = new Map((await tx.select().from(t.speakers).where(eq(t.speakers.articleId, id))).map((s) => [s.name.toLowerCase(), s.id]));
		const claimRows = await tx
			.select({ key: t.annotations.key, start: t.annotations.positionStart, end: t.annotations.positionEnd })
			.from(t.annotations)
			.where(and(eq(t.annotations.articleId, id), eq(t.annotations.kind, 'claim'), eq(t.annotations.versionId, version.id)));
		// Sorted, so each imported claim is checked against its two neighbours, not every claim (thousands in a big file).
		const claims = new ClaimSpanIndex(claimRows.filter((c) => c.start >= 0));
		let sort = await nextSort(tx, handle, 'annotations', id);

		for (const [i, a] of parsed.anchors.entries()) {
			const where = a.id ?? `annotation ${i + 1}`;
			const claim = claimOf(a);
			const note = claim ? null : noteOf(a);
			if (!claim && !note) {
				skipped.push({ at: where, message: m.author_import_bare() });
				continue;
			}
			// A speaker's role, background and stake are not in the file, and are never guessed.
			if (claim && !speakers.has(claim.speaker.toLowerCase())) {
				skipped.push({ at: where, message: m.author_import_no_speaker({ speaker: clip(claim.speaker, 60) }) });
				continue;
			}
			const at = placeImported(version, a);
			const key = `${claim ? 'c' : 'n'}-${randomToken().slice(0, 8).toLowerCase()}`;
			if (claim && 'selectors' in at) {
				const span = { key, start: at.selectors.position.start, end: at.selectors.position.end };
				if (claims.overlapping(span)) {
					skipped.push({ at: where, message: m.author_import_overlap({ words: clip(version.text.slice(span.start, span.end), 60) }) });
					continue;
				}
				claims.add(span);
			}
			const selectors = 'selectors' in at ? at.selectors : null;
			await tx.insert(t.annotations).values({
				id: `${id}/${key}`,
				articleId: id,
				key,
				kind: claim ? 'claim' : 'note',
				versionId: version.id,
				quoteExact: selectors?.quote.exact ?? clip(a.exact ?? '', 2000),
				quotePrefix: selectors?.quote.prefix ?? a.prefix.slice(-32),
				quoteSuffix: selectors?.quote.suffix ?? a.suffix.slice(0, 32),
				positionStart: selectors?.position.start ?? UNPLACED,
				positionEnd: selectors?.position.end ?? UNPLACED,
				sort: sort++,
				source: 'teacher',
				ownerId: teacherId
			});
			if (claim) {
				const speakerId = speakers.get(claim.speaker.toLowerCase())!;
				await tx.insert(t.claims).values({ annotationId: `${id}/${key}`, speakerId, form: claim.form, relationship: 'Not given in the imported file.', check: claim.check, checkNote: claim.checkNote, facts: [] });
			} else if (note) {
				await tx.insert(t.notes).values({ annotationId: `${id}/${key}`, layer: note.layer, kind: note.layer === 'sourcing' ? 'source-check' : 'loaded-word', title: note.title, body: note.body, checkIt: null, translation: null, facts: [] });
			}
			if (selectors) placed++;
			else orphaned++;
		}
	});
	return { placed, orphaned, skipped };
}

async function nextSort(tx: Transaction, { tables: t }: DatabaseHandle, table: 'annotations', articleId: string) {
	const column = t[table];
	const [{ top }] = await tx.select({ top: max(column.sort) }).from(column).where(eq(column.articleId, articleId));
	return (top ?? -1) + 1;
}

/** The summary as one sentence: "41 placed, 2 orphaned, 1 skipped: why". */
export function importMessage(s: ImportSummary): string {
	const counts = m.author_import_counts({ placed: s.placed, orphaned: s.orphaned, skipped: s.skipped.length });
	// Each reason starts "Skipped: " (or its Spanish) on its own; the summary already says so.
	const why = s.skipped.slice(0, 3).map((p) => `${p.at}: ${p.message.replace(/^(Skipped|Omitida): /, '').replace(/\.$/, '')}`);
	const more = s.skipped.length > 3 ? ` ${m.author_import_more({ count: s.skipped.length - 3 })}` : '';
	const orphans = s.orphaned ? ` ${m.author_import_orphans()}` : '';
	return `${counts}${why.length ? `: ${why.join('; ')}${more}` : ''}.${orphans}`;
}
