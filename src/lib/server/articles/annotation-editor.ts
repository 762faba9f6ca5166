/**
 * The annotation editor's server side (issue 10, section 2): the model of one teacher's
 * article with its claims, notes, speakers and sources, and every change to them. Each
 * change names the article revision the teacher's page was made from and is applied only
 * if the article is still at it (bumpRevision's compare-and-set), so two teachers never
 * overwrite each other. Claims obey the pack's coverage rule through the one shared
 * module: an overlap is refused, words not yet covered are only reported.
 */
import { and, asc, eq, max } from 'drizzle-orm';
import { describe, type Selectors } from '$lib/anchoring/anchoring';
import { diffVersions } from '$lib/anchoring/diff-map';
import { reanchorOne, type Reanchored } from '$lib/anchoring/reanchor';
import { selectionToOffsets, sentenceOptions } from '$lib/anchoring/selection';
import { claimCoverageProblems, type ClaimSpan, type CoverageProblem } from '$lib/articles/claim-coverage';
import { ATTRIBUTION_FORMS, CHECKS, LAYERS, ROLES } from '$lib/articles/vocabulary';
import { CONTENT_LANGUAGES, LANGUAGE_NAMES, noteVersionProblems, paragraphsOf, type ContentLanguage } from '$lib/articles/content-language';
import type { DatabaseHandle, Transaction } from '../db/database';
import type { NoteVersions } from '../db/schema.sqlite';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { reanchorReason } from './reanchor-reasons';
import { randomToken } from '../auth/tokens';
import { bumpRevision, currentVersion, ownArticle, type ArticleRow } from './teacher-articles';
import { isUnplaced } from './unplaced';

type AnnotationRow = DatabaseHandle['tables']['annotations']['$inferSelect'];

/** Where an annotation stands against the current text: placed, or waiting for the teacher after a text edit. */
export type Placement =
	| { status: 'placed'; start: number; end: number; words: string }
	| { status: 'confirm'; start: number; end: number; words: string; oldWords: string; reason: string }
	| { status: 'orphan'; oldWords: string; reason: string };

/** Limits on what a teacher types, so a form cannot store a novel. */
export const EDITOR_LIMITS = { short: 200, body: 2000, checkIt: 1000 } as const;

const rowId = (articleId: string, key: string) => `${articleId}/${key}`;
const newKey = (prefix: string) => `${prefix}-${randomToken().slice(0, 8).toLowerCase()}`;

/**
 * The place of each annotation in the current text. One stored against the current
 * version is placed at its stored offsets; one stored against an older version (a text
 * edit the re-anchoring could not vouch for) is re-anchored from its own version's text
 * and shown as a candidate to confirm, or as an orphan with its old words.
 */
async function placements(handle: DatabaseHandle, current: { id: string; text: string }, rows: AnnotationRow[]): Promise<Map<string, Placement>> {
	const { db, tables: t } = handle;
	const result = new Map<string, Placement>();
	const olderIds = [...new Set(rows.filter((r) => r.versionId !== current.id).map((r) => r.versionId))];
	const older = new Map<string, string>();
	for (const id of olderIds) {
		const [v] = await db.select({ text: t.articleVersions.text }).from(t.articleVersions).where(eq(t.articleVersions.id, id));
		if (v) older.set(id, v.text);
	}
	const diffs = new Map<string, ReturnType<typeof diffVersions>>();
	for (const a of rows) {
		if (isUnplaced(a)) {
			result.set(a.key, { status: 'orphan', oldWords: a.quoteExact, reason: m.author_ed_reason_imported() });
			continue;
		}
		if (a.versionId === current.id) {
			result.set(a.key, { status: 'placed', start: a.positionStart, end: a.positionEnd, words: current.text.slice(a.positionStart, a.positionEnd) });
			continue;
		}
		const oldText = older.get(a.versionId) ?? '';
		if (!diffs.has(a.versionId)) diffs.set(a.versionId, diffVersions(oldText, current.text));
		const r = reanchorOne(diffs.get(a.versionId)!, anchorOf(a));
		result.set(a.key, placementOf(r, current.text));
	}
	return result;
}

const anchorOf = (a: AnnotationRow) => ({ id: a.key, start: a.positionStart, end: a.positionEnd, exact: a.quoteExact, prefix: a.quotePrefix, suffix: a.quoteSuffix });

function placementOf(r: Reanchored, text: string): Placement {
	// An exact result on an older version happens when the same words came back in a later
	// edit; it is still shown for confirming, since the teacher has not seen it attached.
	if (r.status === 'orphan') return { status: 'orphan', oldWords: r.oldWords, reason: reanchorReason(r.reason) };
	const oldWords = 'oldWords' in r ? r.oldWords : text.slice(r.start, r.end);
	const reason = 'reason' in r ? reanchorReason(r.reason) : m.rest_reason_same_words();
	return { status: 'confirm', start: r.start, end: r.end, words: text.slice(r.start, r.end), oldWords, reason };
}

/** Everything the editor page shows for the teacher's own article. */
export async function editorModel(handle: DatabaseHandle, teacherId: string, id: string) {
	const article = await ownArticle(handle, teacherId, id);
	const version = await currentVersion(handle, article);
	const { db, tables: t } = handle;
	const [speakerRows, factRows, annotationRows, claimRows, noteRows] = await Promise.all([
		db.select().from(t.speakers).where(eq(t.speakers.articleId, id)).orderBy(asc(t.speakers.sort)),
		db.select().from(t.facts).where(eq(t.facts.articleId, id)).orderBy(asc(t.facts.sort)),
		db.select().from(t.annotations).where(eq(t.annotations.articleId, id)).orderBy(asc(t.annotations.sort)),
		db.select().from(t.claims).innerJoin(t.annotations, eq(t.annotations.id, t.claims.annotationId)).where(eq(t.annotations.articleId, id)),
		db.select().from(t.notes).innerJoin(t.annotations, eq(t.annotations.id, t.notes.annotationId)).where(eq(t.annotations.articleId, id))
	]);
	const placed = await placements(handle, version, annotationRows);
	const speakerKey = new Map(speakerRows.map((s) => [s.id, s.key]));
	const claims = claimRows
		.map(({ claims: c, annotations: a }) => ({
			key: a.key,
			place: placed.get(a.key)!,
			speaker: speakerKey.get(c.speakerId) ?? '',
			form: c.form,
			relationship: c.relationship,
			check: c.check,
			checkNote: c.checkNote,
			facts: c.facts
		}))
		.sort(byPlace);
	const notes = noteRows
		.map(({ notes: n, annotations: a }) => ({
			key: a.key,
			place: placed.get(a.key)!,
			layer: n.layer,
			kind: n.kind,
			title: n.title,
			body: n.body.join('\n\n'),
			checkIt: n.checkIt ?? '',
			localized: typedVersions(n.localized),
			facts: n.facts
		}))
		.sort(byPlace);
	const spans: ClaimSpan[] = claims.flatMap((c) => (c.place.status === 'placed' ? [{ key: c.key, start: c.place.start, end: c.place.end }] : []));
	return {
		article,
		version: { id: version.id, number: version.number, text: version.text, blocks: version.blocks },
		sentences: sentenceOptions(version.text, version.blocks),
		speakers: speakerRows.map((s) => ({ key: s.key, name: s.name, role: s.role, description: s.description, stake: s.stake })),
		facts: factRows.map((f) => ({ key: f.key, text: f.text, origin: f.origin, unverified: f.unverified })),
		claims,
		notes,
		problems: claimCoverageProblems(version.text, spans)
	};
}

const startOf = (p: Placement) => (p.status === 'orphan' ? Number.MAX_SAFE_INTEGER : p.start);
const byPlace = (a: { place: Placement }, b: { place: Placement }) => startOf(a.place) - startOf(b.place);

/** Chosen words: offsets into the current text, checked by the anchoring module's selection rules. */
export interface Target {
	start: number;
	end: number;
}

type VersionText = { text: string; blocks: { kind: 'heading' | 'paragraph'; start: number; end: number }[] };

/** Offsets `start`–`end` checked by the anchoring module's selection rules (inside the text, not empty, not across a heading). */
export function checkedWords(version: VersionText, start: number, end: number) {
	const { text, blocks } = version;
	const blockOf = (at: number, isEnd: boolean) => blocks.findIndex((b) => (isEnd ? b.start < at && at <= b.end : b.start <= at && at < b.end));
	const from = blockOf(start, false);
	const to = blockOf(end, true);
	if (!Number.isInteger(start) || !Number.isInteger(end) || start >= end || from < 0 || to < 0) {
		return { ok: false as const, message: m.author_ed_err_choose_words() };
	}
	return selectionToOffsets(text, blocks, { block: from, offset: start - blocks[from].start }, { block: to, offset: end - blocks[to].start });
}

/** Checks `target` by the selection rules and returns its selectors; a 400 with the rule's message otherwise. */
function selectorsFor(version: VersionText, target: Target): Selectors {
	const result = checkedWords(version, target.start, target.end);
	if (!result.ok) throw new DomainError(result.message, 400);
	return describe(version.text, result.start, result.end);
}

/** Refuses a claim at `span` that would overlap another placed claim (the pack's hard rule). */
async function refuseOverlap(handle: DatabaseHandle, article: ArticleRow, versionId: string, text: string, span: ClaimSpan) {
	const { db, tables: t } = handle;
	const rows = await db
		.select({ key: t.annotations.key, start: t.annotations.positionStart, end: t.annotations.positionEnd })
		.from(t.annotations)
		.where(and(eq(t.annotations.articleId, article.id), eq(t.annotations.kind, 'claim'), eq(t.annotations.versionId, versionId)));
	const others = rows.filter((r) => r.key !== span.key && r.start >= 0);
	const overlap = claimCoverageProblems(text, [...others, span]).find(
		(p): p is Extract<CoverageProblem, { kind: 'overlap' }> => p.kind === 'overlap' && (p.claim === span.key || p.other === span.key)
	);
	if (overlap) {
		const other = overlap.claim === span.key ? overlap.other : overlap.claim;
		const words = others.find((o) => o.key === other);
		throw new DomainError(
			m.author_ed_err_overlap({ words: words ? text.slice(words.start, words.end) : other }),
			409
		);
	}
}

/** What a claim form says, as typed. */
export interface ClaimInput {
	speaker: string;
	newSpeaker?: { name: string; role: string; description: string; stake: string };
	form: string;
	relationship: string;
	check: string;
	checkNote: string;
	facts: string[];
}

/** A note's version in another language, as typed (paragraphs separated by a blank line). */
export interface TypedVersion {
	title: string;
	body: string;
	checkIt: string;
}

/** What a note form says, as typed. */
export interface NoteInput {
	layer: string;
	title: string;
	body: string;
	checkIt: string;
	/** Versions in other languages, by tag; a language left empty has none. */
	localized?: Partial<Record<ContentLanguage, TypedVersion>>;
	facts: string[];
}

/** A stored note's versions as the form shows them again. */
function typedVersions(versions: NoteVersions | null): Partial<Record<ContentLanguage, TypedVersion>> {
	const typed: Partial<Record<ContentLanguage, TypedVersion>> = {};
	for (const language of CONTENT_LANGUAGES) {
		const v = versions?.[language];
		if (v) typed[language] = { title: v.title, body: v.body.join('\n\n'), checkIt: v.checkIt ?? '' };
	}
	return typed;
}

/** The typed versions as stored (null when there is none), each checked by the rule packs follow too. */
function storedVersions(input: NoteInput): NoteVersions | null {
	const stored: NoteVersions = {};
	for (const language of CONTENT_LANGUAGES) {
		const v = input.localized?.[language];
		// A version left wholly empty is no version: students then see the English.
		if (!v || (!v.title && !v.body && !v.checkIt)) continue;
		const name = LANGUAGE_NAMES[language];
		if (v.title.length > EDITOR_LIMITS.short) throw new DomainError(`The ${name} title is too long (at most ${EDITOR_LIMITS.short} characters).`, 400);
		if (v.body.length > EDITOR_LIMITS.body) throw new DomainError(`The ${name} note is too long (at most ${EDITOR_LIMITS.body} characters).`, 400);
		if (v.checkIt.length > EDITOR_LIMITS.checkIt) throw new DomainError(`The ${name} “check it” steps are too long (at most ${EDITOR_LIMITS.checkIt} characters).`, 400);
		const version = { title: v.title, body: paragraphsOf(v.body), checkIt: v.checkIt || null };
		const [problem] = noteVersionProblems({ checkIt: input.checkIt || null }, version, language);
		if (problem) throw new DomainError(problem, 400);
		stored[language] = version;
	}
	return Object.keys(stored).length ? stored : null;
}

function need(value: string, what: string, max: number = EDITOR_LIMITS.short) {
	if (!value) throw new DomainError(m.author_ed_err_missing({ what }), 400);
	if (value.length > max) throw new DomainError(m.author_ed_err_too_long({ what, max }), 400);
}

async function knownFacts(tx: Transaction, { tables: t }: DatabaseHandle, articleId: string, keys: string[]) {
	if (keys.length === 0) return [];
	const rows = await tx.select({ key: t.facts.key }).from(t.facts).where(eq(t.facts.articleId, articleId));
	const known = new Set(rows.map((r) => r.key));
	const unknown = keys.find((k) => !known.has(k));
	if (unknown) throw new DomainError(m.author_ed_err_unknown_source(), 400);
	return [...new Set(keys)];
}

async function nextSort(tx: Transaction, { tables: t }: DatabaseHandle, table: 'annotations' | 'speakers' | 'facts', articleId: string) {
	const column = t[table];
	const [{ top }] = await tx.select({ top: max(column.sort) }).from(column).where(eq(column.articleId, articleId));
	return (top ?? -1) + 1;
}

/** The speaker's row id for a claim: an existing speaker of the article, or a new one added now. */
async function speakerFor(tx: Transaction, handle: DatabaseHandle, article: ArticleRow, teacherId: string, input: ClaimInput): Promise<string> {
	const { tables: t } = handle;
	if (input.speaker === 'new') {
		const s = input.newSpeaker ?? { name: '', role: '', description: '', stake: '' };
		need(s.name, m.author_ed_what_speaker_name());
		if (!(ROLES as readonly string[]).includes(s.role)) throw new DomainError(m.author_ed_err_role(), 400);
		need(s.description, m.author_ed_what_speaker_description(), EDITOR_LIMITS.body);
		need(s.stake, m.author_ed_what_speaker_stake(), EDITOR_LIMITS.body);
		const key = newKey('s');
		await tx.insert(t.speakers).values({
			id: rowId(article.id, key),
			articleId: article.id,
			key,
			name: s.name,
			role: s.role,
			description: s.description,
			stake: s.stake,
			source: 'teacher',
			ownerId: teacherId,
			facts: [],
			sort: await nextSort(tx, handle, 'speakers', article.id)
		});
		return rowId(article.id, key);
	}
	const [row] = await tx.select({ id: t.speakers.id }).from(t.speakers).where(and(eq(t.speakers.articleId, article.id), eq(t.speakers.key, input.speaker)));
	if (!row) throw new DomainError(m.author_ed_err_speaker(), 400);
	return row.id;
}

function checkClaimInput(input: ClaimInput) {
	if (!(ATTRIBUTION_FORMS as readonly string[]).includes(input.form)) throw new DomainError(m.author_ed_err_form(), 400);
	if (!(CHECKS as readonly string[]).includes(input.check)) throw new DomainError(m.author_ed_err_check(), 400);
	need(input.relationship, m.author_ed_what_relationship());
	if (input.checkNote.length > EDITOR_LIMITS.body) throw new DomainError(m.author_ed_err_check_note_long({ max: EDITOR_LIMITS.body }), 400);
}

function checkNoteInput(input: NoteInput) {
	if (!(LAYERS as readonly string[]).includes(input.layer)) throw new DomainError(m.author_ed_err_layer(), 400);
	need(input.title, m.author_ed_what_note_title());
	need(input.body, m.author_ed_what_note_body(), EDITOR_LIMITS.body);
	if (input.checkIt.length > EDITOR_LIMITS.checkIt) throw new DomainError(m.author_ed_err_check_it_long({ max: EDITOR_LIMITS.checkIt }), 400);
}

const selectorColumns = (s: Selectors) => ({
	quoteExact: s.quote.exact,
	quotePrefix: s.quote.prefix,
	quoteSuffix: s.quote.suffix,
	positionStart: s.position.start,
	positionEnd: s.position.end
});

/**
 * Adds a claim on `target` (key null) or changes an existing one's fields (key given; its
 * words stay, use `retarget` to move it). Returns the claim's key.
 */
export async function saveClaim(handle: DatabaseHandle, teacherId: string, id: string, revision: number, key: string | null, target: Target | null, input: ClaimInput): Promise<string> {
	const article = await ownArticle(handle, teacherId, id);
	const version = await currentVersion(handle, article);
	checkClaimInput(input);
	const { db, tables: t } = handle;
	let selectors: Selectors | null = null;
	const claimKey = key ?? newKey('c');
	if (!key) {
		selectors = selectorsFor(version, target ?? { start: -1, end: -1 });
		await refuseOverlap(handle, article, version.id, version.text, { key: claimKey, start: selectors.position.start, end: selectors.position.end });
	}
	await db.transaction(async (tx) => {
		await bumpRevision(tx, handle, id, revision);
		const speakerId = await speakerFor(tx, handle, article, teacherId, input);
		const facts = await knownFacts(tx, handle, id, input.facts);
		const fields = { speakerId, form: input.form, relationship: input.relationship, check: input.check, checkNote: input.checkNote, facts };
		if (selectors) {
			await tx.insert(t.annotations).values({
				id: rowId(id, claimKey),
				articleId: id,
				key: claimKey,
				kind: 'claim',
				versionId: version.id,
				...selectorColumns(selectors),
				sort: await nextSort(tx, handle, 'annotations', id),
				source: 'teacher',
				ownerId: teacherId
			});
			await tx.insert(t.claims).values({ annotationId: rowId(id, claimKey), ...fields });
		} else {
			const changed = await tx.update(t.claims).set(fields).where(eq(t.claims.annotationId, rowId(id, claimKey))).returning({ id: t.claims.annotationId });
			if (changed.length === 0) throw new DomainError(m.author_ed_err_no_claim(), 404);
		}
	});
	return claimKey;
}

/** Adds a note on `target` (key null) or changes an existing one's fields. Returns the note's key. */
export async function saveNote(handle: DatabaseHandle, teacherId: string, id: string, revision: number, key: string | null, target: Target | null, input: NoteInput): Promise<string> {
	const article = await ownArticle(handle, teacherId, id);
	const version = await currentVersion(handle, article);
	checkNoteInput(input);
	const localized = storedVersions(input);
	const { db, tables: t } = handle;
	const noteKey = key ?? newKey('n');
	const selectors = key ? null : selectorsFor(version, target ?? { start: -1, end: -1 });
	// Paragraphs of the body are separated by a blank line, as the reader shows them.
	const body = paragraphsOf(input.body);
	await db.transaction(async (tx) => {
		await bumpRevision(tx, handle, id, revision);
		const facts = await knownFacts(tx, handle, id, input.facts);
		const kind = input.layer === 'sourcing' ? 'source-check' : 'loaded-word';
		if (selectors) {
			await tx.insert(t.annotations).values({
				id: rowId(id, noteKey),
				articleId: id,
				key: noteKey,
				kind: 'note',
				versionId: version.id,
				...selectorColumns(selectors),
				sort: await nextSort(tx, handle, 'annotations', id),
				source: 'teacher',
				ownerId: teacherId
			});
			await tx.insert(t.notes).values({ annotationId: rowId(id, noteKey), layer: input.layer, kind, title: input.title, body, checkIt: input.checkIt || null, translation: null, localized, facts });
		} else {
			const changed = await tx
				.update(t.notes)
				.set({ layer: input.layer, title: input.title, body, checkIt: input.checkIt || null, localized, facts })
				.where(eq(t.notes.annotationId, rowId(id, noteKey)))
				.returning({ id: t.notes.annotationId });
			if (changed.length === 0) throw new DomainError(m.author_ed_err_no_note(), 404);
		}
	});
	return noteKey;
}

async function annotationOf(handle: DatabaseHandle, articleId: string, key: string): Promise<AnnotationRow> {
	const { db, tables: t } = handle;
	const [row] = key ? await db.select().from(t.annotations).where(and(eq(t.annotations.articleId, articleId), eq(t.annotations.key, key))) : [];
	if (!row) throw new DomainError(m.author_ed_err_no_annotation(), 404);
	return row;
}

/** Moves a claim or note to new words of the current text (also how an orphan is placed again). */
export async function retarget(handle: DatabaseHandle, teacherId: string, id: string, revision: number, key: string, target: Target) {
	const article = await ownArticle(handle, teacherId, id);
	const version = await currentVersion(handle, article);
	const row = await annotationOf(handle, id, key);
	const selectors = selectorsFor(version, target);
	await place(handle, article, version, row, revision, selectors);
}

/** Attaches a claim or note that waits after a text edit at the candidate the teacher was shown. */
export async function confirmPlacement(handle: DatabaseHandle, teacherId: string, id: string, revision: number, key: string) {
	const article = await ownArticle(handle, teacherId, id);
	const version = await currentVersion(handle, article);
	const row = await annotationOf(handle, id, key);
	const placed = (await placements(handle, version, [row])).get(key)!;
	if (placed.status === 'placed') throw new DomainError(m.author_ed_err_already_placed(), 409);
	if (placed.status === 'orphan') throw new DomainError(m.author_ed_err_nothing_to_confirm(), 409);
	await place(handle, article, version, row, revision, describe(version.text, placed.start, placed.end));
}

async function place(handle: DatabaseHandle, article: ArticleRow, version: { id: string; text: string }, row: AnnotationRow, revision: number, selectors: Selectors) {
	if (row.kind === 'claim') await refuseOverlap(handle, article, version.id, version.text, { key: row.key, start: selectors.position.start, end: selectors.position.end });
	const { db, tables: t } = handle;
	await db.transaction(async (tx) => {
		await bumpRevision(tx, handle, article.id, revision);
		await tx.update(t.annotations).set({ versionId: version.id, ...selectorColumns(selectors) }).where(eq(t.annotations.id, row.id));
	});
}

/** Deletes a claim or note of the teacher's own article. */
export async function deleteAnnotation(handle: DatabaseHandle, teacherId: string, id: string, revision: number, key: string) {
	await ownArticle(handle, teacherId, id);
	const row = await annotationOf(handle, id, key);
	const { db, tables: t } = handle;
	await db.transaction(async (tx) => {
		await bumpRevision(tx, handle, id, revision);
		// Claims and notes go with their annotation (on delete cascade).
		await tx.delete(t.annotations).where(eq(t.annotations.id, row.id));
	});
}

/** Adds a source to the article's list: a fact with where it comes from, checked or not. */
export async function addFact(handle: DatabaseHandle, teacherId: string, id: string, revision: number, input: { text: string; origin: string; checked: boolean }) {
	await ownArticle(handle, teacherId, id);
	need(input.text, 'The fact', EDITOR_LIMITS.body);
	need(input.origin, 'Where the fact comes from', EDITOR_LIMITS.short);
	const { db, tables: t } = handle;
	const key = newKey('f');
	await db.transaction(async (tx) => {
		await bumpRevision(tx, handle, id, revision);
		await tx.insert(t.facts).values({
			id: rowId(id, key),
			articleId: id,
			key,
			text: input.text,
			origin: input.origin,
			source: 'teacher',
			ownerId: teacherId,
			unverified: !input.checked,
			sort: await nextSort(tx, handle, 'facts', id)
		});
	});
	return key;
}
