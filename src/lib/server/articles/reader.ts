/**
 * Builds the reader's view of an article from the database: the published text (what
 * students read; the owner's later versions are drafts), its blocks, and every claim and
 * note anchored to that text. Anchoring runs here, on the
 * server, so that a note written against an older version still lands on its words,
 * and one that cannot be placed is listed as an orphan instead of vanishing.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { reanchor } from '$lib/anchoring/reanchor';
import { anchor } from '$lib/anchoring/anchoring';
import { marksByClaim, segmentBlocks } from '$lib/articles/segments';
import type {
	ClaimView,
	FactView,
	NoteView,
	Orphan,
	ReaderArticle,
	SpeakerView,
	TranslationView
} from '$lib/articles/types';
import type { AttributionForm, Check, Layer, NoteKind, Role } from '$lib/articles/vocabulary';
import { CONTENT_LOCALE } from '$lib/articles/content-language';
import type { DatabaseHandle } from '../db/database';
import { preparedFor } from '../db/prepared';
import { isUnplaced } from './unplaced';

/** Slugs and titles of the articles anyone may read (the packs'), for the home page. */
export async function listArticles({ db, tables: t }: DatabaseHandle) {
	return db
		.select({ slug: t.articles.slug, title: t.articles.title, outlet: t.articles.outlet, language: t.articles.language })
		.from(t.articles)
		.where(eq(t.articles.visibility, 'public'))
		.orderBy(asc(t.articles.title));
}

/**
 * The article's change marker: cheap to read, and it moves whenever its pack is applied,
 * its text gets a new version, or anything of it (its row, claims, notes, speakers,
 * facts) is changed in the database, since triggers count those in its revision.
 */
export async function articleStamp(handle: DatabaseHandle, slug: string): Promise<string | null> {
	const [row] = await stampBySlug(handle).execute({ slug });
	return row ? stampOf(row) : null;
}

// Prepared: every article page and practice page reads it.
const stampBySlug = preparedFor((handle) =>
	handle.db.select(stampColumns(handle)).from(handle.tables.articles).where(eq(handle.tables.articles.slug, sql.placeholder('slug'))).prepare('article_stamp')
);

/** The columns the stamp is made of, for a query that reads an article row anyway. */
export function stampColumns({ tables: t }: DatabaseHandle) {
	return { packHash: t.articles.packHash, version: t.articles.currentVersionId, published: t.articles.publishedVersionId, revision: t.articles.revision };
}

/** The stamp from its columns (as `stampColumns` selects them). */
export function stampOf(row: { packHash: string | null; version: string | null; published: string | null; revision: number }): string {
	return `${row.published}:${row.version}:${row.packHash}:${row.revision}`;
}

/** The version students read: the published one, or the current one of an article never published (only its owner may read that). */
export function shownVersionId(article: { publishedVersionId: string | null; currentVersionId: string | null }): string | null {
	return article.publishedVersionId ?? article.currentVersionId;
}

/**
 * The full reader model, or null when there is no such article. `versionId`: another of
 * its versions (the one an attempt was given on); by default the one students read.
 */
export async function loadReaderArticle(handle: DatabaseHandle, slug: string, versionId?: string): Promise<ReaderArticle | null> {
	const { db, tables: t } = handle;
	const [article] = await db.select().from(t.articles).where(eq(t.articles.slug, slug));
	const shownId = versionId ?? (article ? shownVersionId(article) : null);
	if (!article || !shownId) return null;
	const [version] = await db
		.select()
		.from(t.articleVersions)
		.where(and(eq(t.articleVersions.id, shownId), eq(t.articleVersions.articleId, article.id)));
	if (!version) return null;
	const [speakerRows, factRows, claimRows, noteRows] = await Promise.all([
		db.select().from(t.speakers).where(eq(t.speakers.articleId, article.id)).orderBy(asc(t.speakers.sort)),
		db.select().from(t.facts).where(eq(t.facts.articleId, article.id)).orderBy(asc(t.facts.sort)),
		db
			.select()
			.from(t.annotations)
			.innerJoin(t.claims, eq(t.claims.annotationId, t.annotations.id))
			.where(eq(t.annotations.articleId, article.id))
			.orderBy(asc(t.annotations.sort)),
		db
			.select()
			.from(t.annotations)
			.innerJoin(t.notes, eq(t.notes.annotationId, t.annotations.id))
			.where(eq(t.annotations.articleId, article.id))
			.orderBy(asc(t.annotations.sort))
	]);

	const factByKey = new Map<string, FactView>(
		factRows.map((f) => [f.key, { key: f.key, text: f.text, origin: f.origin, unverified: f.unverified }])
	);
	const factsOf = (keys: string[]) => keys.map((k) => factByKey.get(k)).filter((f): f is FactView => !!f);
	const speakerKeyById = new Map(speakerRows.map((s) => [s.id, s.key]));
	const speakers: SpeakerView[] = speakerRows.map((s) => ({
		key: s.key,
		name: s.name,
		role: s.role as Role,
		description: s.description,
		stake: s.stake,
		facts: factsOf(s.facts)
	}));

	const text = version.text;
	const orphans: Orphan[] = [];
	const drafted = await draftPlacements(handle, version, [...claimRows, ...noteRows].map((r) => r.annotations));
	const place = (a: typeof claimRows[number]['annotations'], kind: 'claim' | 'note') => {
		// An imported annotation whose words were not found is its teacher's to place, not the students' to see.
		if (isUnplaced(a)) return null;
		if (a.source === 'teacher' && a.versionId !== version.id) {
			// Placed by its teacher on a later (unpublished) text: shown here only where the diff
			// carries its exact words back to this text; otherwise it is draft work, not shown.
			if (drafted.has(a.id)) return drafted.get(a.id) ?? null;
			// On an older text: it waits for its teacher to confirm where it belongs after a
			// text edit (reanchor-seam.ts), never attached silently here.
			orphans.push({ kind, key: a.key, quote: a.quoteExact, reason: 'The text was edited and its teacher has not yet confirmed where this belongs.' });
			return null;
		}
		const result = anchor(text, {
			quote: { type: 'TextQuoteSelector', exact: a.quoteExact, prefix: a.quotePrefix, suffix: a.quoteSuffix },
			position: { type: 'TextPositionSelector', start: a.positionStart, end: a.positionEnd }
		});
		if (result.status === 'orphan') {
			orphans.push({ kind, key: a.key, quote: a.quoteExact, reason: result.reason });
			return null;
		}
		return result;
	};

	const claims: ClaimView[] = [];
	for (const { annotations: a, claims: c } of claimRows) {
		const at = place(a, 'claim');
		if (!at) continue;
		claims.push({
			key: a.key,
			number: 0,
			quote: text.slice(at.start, at.end),
			start: at.start,
			end: at.end,
			speaker: speakerKeyById.get(c.speakerId) ?? 'writer',
			form: c.form as AttributionForm,
			relationship: c.relationship,
			check: c.check as Check,
			checkNote: c.checkNote,
			facts: factsOf(c.facts),
			noteKeys: [],
			marks: []
		});
	}
	claims.sort((x, y) => x.start - y.start).forEach((c, i) => (c.number = i + 1));

	const notes: NoteView[] = [];
	for (const { annotations: a, notes: n } of noteRows) {
		const at = place(a, 'note');
		if (!at) continue;
		const home = claims.find((c) => c.start <= at.start && at.start < c.end) ?? claims.find((c) => c.end > at.start);
		const translation: TranslationView | null = n.translation
			? {
					language: n.translation.language,
					original: n.translation.original,
					renderings: n.translation.renderings.map((r) => ({ ...r, facts: factsOf(r.facts) }))
				}
			: null;
		notes.push({
			key: a.key,
			number: 0,
			layer: n.layer as Layer,
			kind: n.kind as NoteKind,
			title: n.title,
			body: n.body,
			checkIt: n.checkIt,
			lang: CONTENT_LOCALE,
			localized: n.localized,
			translation,
			facts: factsOf(n.facts),
			quote: text.slice(at.start, at.end),
			start: at.start,
			end: at.end,
			homeClaim: home?.key ?? claims[0]?.key ?? ''
		});
	}
	notes.sort((x, y) => x.start - y.start || y.end - x.end).forEach((n, i) => (n.number = i + 1));
	for (const claim of claims) {
		claim.noteKeys = notes.filter((n) => n.start < claim.end && n.end > claim.start).map((n) => n.key);
	}

	const blocks = segmentBlocks(text, version.blocks, claims, notes);
	const marks = marksByClaim(blocks);
	for (const claim of claims) claim.marks = marks.get(claim.key) ?? [];

	const publication = article.publication;
	return {
		id: article.id,
		source: article.source,
		slug: article.slug,
		title: article.title,
		titleOrigin: article.titleOrigin,
		publication: publication
			? { site: publication.site, address: publication.address, follows: publication.follows, facts: factsOf(publication.facts) }
			: null,
		byline: {
			outlet: article.outlet,
			author: article.author,
			date: article.publishedOn,
			originalUrl: article.originalUrl,
			language: article.language
		},
		versionId: version.id,
		versionNumber: version.number,
		text,
		blocks,
		speakers,
		claims,
		notes,
		orphans
	};
}

type AnnotationRow = DatabaseHandle['tables']['annotations']['$inferSelect'];

/**
 * Where the teacher's annotations placed on versions later than `shown` (their unpublished
 * draft) stand in the shown text: mapped back through the diff, as a text edit maps them
 * forward (reanchor.ts), and kept only when exact (null otherwise). Annotations on older
 * versions are not in the map.
 */
async function draftPlacements(handle: DatabaseHandle, shown: { id: string; number: number; text: string }, rows: AnnotationRow[]) {
	const placed = new Map<string, { start: number; end: number } | null>();
	const others = [...new Set(rows.filter((a) => a.source === 'teacher' && a.versionId !== shown.id && !isUnplaced(a)).map((a) => a.versionId))];
	if (others.length === 0) return placed;
	const { db, tables: t } = handle;
	const later = await db
		.select({ id: t.articleVersions.id, number: t.articleVersions.number, text: t.articleVersions.text })
		.from(t.articleVersions)
		.where(inArray(t.articleVersions.id, others));
	for (const v of later.filter((v) => v.number > shown.number)) {
		const mine = rows.filter((a) => a.versionId === v.id && !isUnplaced(a));
		const back = reanchor(
			v.text,
			shown.text,
			mine.map((a) => ({ id: a.id, start: a.positionStart, end: a.positionEnd, exact: a.quoteExact, prefix: a.quotePrefix, suffix: a.quoteSuffix }))
		);
		for (const r of back) placed.set(r.id, r.status === 'exact' ? { start: r.start, end: r.end } : null);
	}
	return placed;
}
