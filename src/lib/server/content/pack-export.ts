/**
 * An article as a content pack (issue 10, "In and out"): the same files as
 * `src/content/articles/<slug>/`, built from the database. A pack must load, so the files
 * are checked by the pack loader itself (parsePack) before anyone gets them: an article
 * that cannot be a valid pack (words no claim covers, claims still waiting after a text
 * edit) is refused with the list of what to fix, never handed out as a zip that would
 * stop the next start-up. Details the article does not give are written as null ("not
 * given"), which the pack schema accepts; nothing is guessed.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { stringify } from 'yaml';
import { occurrences } from '$lib/anchoring/anchoring';
import { claimCoverageProblems } from '$lib/articles/claim-coverage';
import type { DatabaseHandle } from '../db/database';
import { m } from '$lib/paraglide/messages';
import { DomainError } from '../domain-error';
import { mayCopy } from '../articles/access';
import { articleForTeacher } from '../articles/teacher-articles';
import { isUnplaced } from '../articles/unplaced';
import { ContentPackError, PACK_FILES, parsePack, type PackSources } from './read-pack';
import { writeZip, type ZipFile } from './zip';

/** The pack's files, or what the teacher must fix first. */
export type PackBuild = { ok: true; slug: string; sources: PackSources } | { ok: false; problems: string[] };

/** Words for a message: the quote, shortened. */
const words = (s: string) => `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;

/** Occurrence of the span's words, only when they repeat (as a pack author writes it). */
function occurrenceOf(text: string, start: number, end: number): { quote: string; occurrence?: number } {
	const quote = text.slice(start, end);
	const found = occurrences(text, quote);
	return found.length > 1 ? { quote, occurrence: found.indexOf(start) + 1 } : { quote };
}

/** The `structure` that makes blocksOf give back `blocks`: heading lines, and lines a paragraph runs on after. */
function structureOf(text: string, blocks: { kind: 'heading' | 'paragraph'; start: number; end: number }[]) {
	const headings = blocks.filter((b) => b.kind === 'heading').map((b) => text.slice(b.start, b.end).trim());
	const joinLinesAfter = blocks
		.filter((b) => b.kind === 'paragraph')
		.flatMap((b) => text.slice(b.start, b.end).split('\n').slice(0, -1).map((line) => line.trimEnd()));
	return { headings: [...new Set(headings)], joinLinesAfter: [...new Set(joinLinesAfter)] };
}

const yaml = (header: string, data: unknown) => `# ${header}\n${stringify(data, { lineWidth: 0 })}`;

/**
 * Builds the pack of an article `teacherId` may copy (their own, the shipped one, or one
 * shared with every teacher): the owner's current version, anyone else's published one.
 * Its quizzes are not part of the pack (quiz.yaml is optional; a teacher's quizzes stay on the kit).
 */
export async function buildArticlePack(handle: DatabaseHandle, teacherId: string, id: string): Promise<PackBuild> {
	const article = await articleForTeacher(handle, teacherId, id);
	if (!mayCopy(article, teacherId)) throw new DomainError(m.pack_err_not_shared(), 403);
	const versionId = article.ownerId === teacherId ? article.currentVersionId : (article.publishedVersionId ?? article.currentVersionId);
	const { db, tables: t } = handle;
	const [version] = versionId ? await db.select().from(t.articleVersions).where(eq(t.articleVersions.id, versionId)) : [];
	if (!version) throw new DomainError(m.pack_err_no_article(), 404);
	const [speakers, facts, annotations] = await Promise.all([
		db.select().from(t.speakers).where(eq(t.speakers.articleId, article.id)).orderBy(asc(t.speakers.sort)),
		db.select().from(t.facts).where(eq(t.facts.articleId, article.id)).orderBy(asc(t.facts.sort)),
		db.select().from(t.annotations).where(eq(t.annotations.articleId, article.id)).orderBy(asc(t.annotations.positionStart), asc(t.annotations.sort))
	]);
	const ids = annotations.map((a) => a.id);
	const [claimRows, noteRows] = ids.length
		? await Promise.all([db.select().from(t.claims).where(inArray(t.claims.annotationId, ids)), db.select().from(t.notes).where(inArray(t.notes.annotationId, ids))])
		: [[], []];
	const text = version.text;
	const problems: string[] = [];

	// A claim or note still waiting after a text edit (or an import) has no place in this text yet.
	const waiting = annotations.filter((a) => a.versionId !== version.id || isUnplaced(a));
	for (const a of waiting) {
		problems.push(a.kind === 'claim' ? m.pack_prob_waiting_claim({ words: words(a.quoteExact) }) : m.pack_prob_waiting_note({ words: words(a.quoteExact) }));
	}
	const placed = annotations.filter((a) => !waiting.includes(a));
	const claimOf = new Map(claimRows.map((c) => [c.annotationId, c]));
	const noteOf = new Map(noteRows.map((n) => [n.annotationId, n]));
	const claims = placed.filter((a) => a.kind === 'claim' && claimOf.has(a.id));
	const notes = placed.filter((a) => a.kind === 'note' && noteOf.has(a.id));
	// The pack's coverage rule, by its one module: every word in some claim, no two claims overlapping.
	for (const p of claimCoverageProblems(text, claims.map((c) => ({ key: c.key, start: c.positionStart, end: c.positionEnd })))) {
		if (p.kind === 'uncovered') problems.push(m.pack_prob_uncovered({ words: words(text.slice(p.start, p.end)) }));
		else problems.push(m.pack_prob_overlap({ words: words(text.slice(p.start, p.end)) }));
	}
	if (problems.length) return { ok: false, problems };

	const speakerKey = new Map(speakers.map((s) => [s.id, s.key]));
	const publication = article.publication;
	const meta = {
		slug: article.slug,
		title: article.title,
		titleOrigin: article.titleOrigin || null,
		language: article.language,
		publication: {
			site: article.outlet,
			address: publication?.address ?? null,
			author: article.author,
			date: article.publishedOn,
			url: article.originalUrl,
			follows: publication?.follows ?? null,
			facts: publication?.facts ?? []
		},
		structure: structureOf(text, version.blocks),
		speakers: speakers.map((s) => ({ id: s.key, name: s.name, role: s.role, description: s.description, stake: s.stake, facts: s.facts })),
		facts: facts.map((f) => ({ id: f.key, text: f.text, origin: f.origin, unverified: f.unverified }))
	};
	const claimItems = claims.map((a) => {
		const c = claimOf.get(a.id)!;
		return {
			id: a.key,
			...occurrenceOf(text, a.positionStart, a.positionEnd),
			speaker: speakerKey.get(c.speakerId) ?? c.speakerId,
			form: c.form,
			relationship: c.relationship,
			check: c.check,
			checkNote: c.checkNote,
			facts: c.facts
		};
	});
	const noteItems = notes.map((a) => {
		const n = noteOf.get(a.id)!;
		return {
			id: a.key,
			...occurrenceOf(text, a.positionStart, a.positionEnd),
			layer: n.layer,
			kind: n.kind,
			title: n.title,
			body: n.body,
			...(n.checkIt ? { checkIt: n.checkIt } : {}),
			...(n.translation ? { translation: n.translation } : {}),
			facts: n.facts
		};
	});
	const sources: PackSources = {
		meta: yaml('Content pack downloaded from Attribution Lab: publication details that are null are not given by the article.', meta),
		text,
		claims: yaml('Every claim, in reading order.', { claims: claimItems }),
		notes: yaml('Every note.', { notes: noteItems }),
		quiz: null
	};

	// The loader is the judge: what it refuses, or places differently, is not handed out.
	try {
		const pack = parsePack(sources);
		const sameBlocks = pack.blocks.length === version.blocks.length && pack.blocks.every((b, i) => b.kind === version.blocks[i].kind && b.start === version.blocks[i].start && b.end === version.blocks[i].end);
		if (!sameBlocks) problems.push(m.pack_prob_blocks());
		const moved = [...pack.claims, ...pack.notes].find((item) => {
			const a = placed.find((p) => p.key === item.id)!;
			return item.selectors.position.start !== a.positionStart || item.selectors.position.end !== a.positionEnd;
		});
		if (moved) problems.push(m.pack_prob_space({ words: words(moved.quote) }));
	} catch (error) {
		if (!(error instanceof ContentPackError)) throw error;
		problems.push(m.pack_prob_load({ file: error.file, field: error.field, reason: error.reason }));
	}
	return problems.length ? { ok: false, problems } : { ok: true, slug: article.slug, sources };
}

/** The pack as a zip: one folder named after the slug, to drop into src/content/articles/. */
export function packZip(slug: string, sources: PackSources): Uint8Array {
	const encode = (s: string) => new TextEncoder().encode(s);
	const files: ZipFile[] = [
		{ name: `${slug}/${PACK_FILES.meta}`, data: encode(sources.meta) },
		{ name: `${slug}/${PACK_FILES.text}`, data: encode(sources.text) },
		{ name: `${slug}/${PACK_FILES.claims}`, data: encode(sources.claims) },
		{ name: `${slug}/${PACK_FILES.notes}`, data: encode(sources.notes) }
	];
	if (sources.quiz !== null) files.push({ name: `${slug}/${PACK_FILES.quiz}`, data: encode(sources.quiz) });
	return writeZip(files);
}
