/**
 * A content pack uploaded as a zip becomes the teacher's own article (issue 10, "In and
 * out"): a draft only they see, with the pack's text as version 1 and its speakers, facts,
 * claims and notes, every row owned by the teacher and marked 'teacher'. The upload is
 * from anyone, so it is checked all the way before anything is written: its size, the
 * archive (zip.ts refuses bombs, odd paths and damage), the files a pack needs, and the
 * pack rules themselves (parsePack, the same checks as at start-up). New ids every time,
 * so a pack-owned article or another teacher's can never be touched.
 */
import { eq } from 'drizzle-orm';
import { LIMITS } from '$lib/articles/article-parts';
import type { DatabaseHandle, Transaction } from '../db/database';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { DomainError } from '../domain-error';
import { newArticleId, slugFor } from '../articles/teacher-articles';
import { ContentPackError, PACK_FILES, parsePack, type ContentPack, type PackSources } from './read-pack';
import { selectorColumns } from './sync-pack';
import { readZip, ZipError, type ZipFile, type ZipRefusal } from './zip';

/** Under adapter-node's 512 KB body limit, as for the other uploads, so the app always gets to say why. */
export const MAX_PACK_UPLOAD_BYTES = 400 * 1024;

/** Files a zip tool adds on its own (macOS resource forks, Finder and Explorer metadata), never part of a pack. */
const toolLitter = (name: string) => name.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|\._[^/]*)$/.test(name);

/** The pack's files from the archive: at its top, or inside one folder (as a download holds them). */
export function packSourcesOf(files: ZipFile[]): { sources: PackSources; folder: string } {
	const kept = files.filter((f) => !toolLitter(f.name));
	const folders = new Set(kept.map((f) => (f.name.includes('/') ? f.name.slice(0, f.name.lastIndexOf('/') + 1) : '')));
	if (folders.size > 1) {
		throw new DomainError(m.pack_err_folders(), 422);
	}
	const folder = [...folders][0] ?? '';
	const byName = new Map(kept.map((f) => [f.name.slice(folder.length), f.data]));
	const decode = (name: string): string | null => {
		const data = byName.get(name);
		if (!data) return null;
		try {
			return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\ufeff/, '');
		} catch {
			throw new DomainError(m.pack_err_not_utf8({ name }), 422);
		}
	};
	const required = [PACK_FILES.meta, PACK_FILES.text, PACK_FILES.claims, PACK_FILES.notes];
	const missing = required.filter((name) => !byName.has(name));
	if (missing.length) {
		throw new DomainError(m.pack_err_missing({ missing: missing.join(', ') }), 422);
	}
	return {
		folder,
		sources: { meta: decode(PACK_FILES.meta)!, text: decode(PACK_FILES.text)!, claims: decode(PACK_FILES.claims)!, notes: decode(PACK_FILES.notes)!, quiz: decode(PACK_FILES.quiz) }
	};
}

/** A zip refusal in the reader's language (read when thrown, so the locale is the request's). */
function zipReason(refusal: ZipRefusal): string {
	// Plain numbers, as the upload-size refusal above writes them (a few thousand KB at most).
	const n = (value: number) => String(value);
	switch (refusal.code) {
		case 'not_zip':
			return m.rest_zip_not_zip();
		case 'zip64':
			return m.rest_zip_zip64();
		case 'too_many_files':
			return m.rest_zip_too_many_files({ count: n(refusal.count), max: n(refusal.max) });
		case 'unsafe_name':
			return m.rest_zip_unsafe_name({ name: refusal.name });
		case 'encrypted':
			return m.rest_zip_encrypted({ name: refusal.name });
		case 'method':
			return m.rest_zip_method({ name: refusal.name });
		case 'file_too_big':
			return m.rest_zip_file_too_big({ name: refusal.name, kb: n(refusal.kb), max: n(refusal.maxKb) });
		case 'total_too_big':
			return m.rest_zip_total_too_big({ max: n(refusal.maxMb) });
		case 'damaged':
			return m.rest_zip_damaged({ name: refusal.name });
		case 'checksum':
			return m.rest_zip_checksum({ name: refusal.name });
	}
}

/** Reads and checks an uploaded pack, or throws a DomainError (4xx) saying why; nothing is written. */
export function readPackUpload(file: { name: string; size: number; bytes: Uint8Array } | null): ContentPack {
	if (!file || file.size === 0) throw new DomainError(m.pack_err_choose());
	if (file.size > MAX_PACK_UPLOAD_BYTES) {
		throw new DomainError(m.pack_err_too_big({ kb: Math.ceil(file.size / 1024), max: MAX_PACK_UPLOAD_BYTES / 1024 }), 413);
	}
	let files: ZipFile[];
	try {
		files = readZip(file.bytes);
	} catch (error) {
		if (!(error instanceof ZipError)) throw error;
		// Not an archive at all is the wrong kind of file (415); a damaged or hostile one is unprocessable (422).
		const zipSignature = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
		throw new DomainError(zipReason(error.refusal), zipSignature ? 422 : 415);
	}
	const { sources, folder } = packSourcesOf(files);
	let pack: ContentPack;
	try {
		pack = parsePack(sources, (name) => `${folder}${name}`);
	} catch (error) {
		if (!(error instanceof ContentPackError)) throw error;
		throw new DomainError(m.pack_err_rules({ file: error.file, field: error.field, reason: error.reason }), 422);
	}
	// The same limits as an article brought in any other way.
	if (pack.text.length > LIMITS.textChars) throw new DomainError(m.pack_err_text_long({ chars: pack.text.length.toLocaleString(getLocale()), max: LIMITS.textChars.toLocaleString(getLocale()) }), 413);
	if (pack.meta.title.length > LIMITS.title) throw new DomainError(m.pack_err_title_long({ max: LIMITS.title }), 422);
	return pack;
}

/** Inserts rows a few hundred at a time: a big pack would pass the engines' limit on a statement's parameters. */
async function insertAll(tx: Transaction, table: Parameters<Transaction['insert']>[0], rows: Record<string, unknown>[]) {
	for (let i = 0; i < rows.length; i += 300) await tx.insert(table).values(rows.slice(i, i + 300) as never);
}

/**
 * Stores `pack` as a new draft article of `teacherId`, only they can see: new ids for the
 * article and every row, each owned by the teacher. Its quiz.yaml, if any, is not imported
 * (quizSkipped says so, for the page to tell the teacher).
 */
export async function importPack(handle: DatabaseHandle, teacherId: string, pack: ContentPack): Promise<{ id: string; slug: string; quizSkipped: boolean }> {
	const { db, tables: t } = handle;
	const id = newArticleId();
	const slug = slugFor(pack.meta.title);
	const rowOf = (key: string) => `${id}/${key}`;
	const owned = { articleId: id, source: 'teacher' as const, ownerId: teacherId };
	const { publication } = pack.meta;
	const versionId = rowOf('v1');
	await db.transaction(async (tx) => {
		await tx.insert(t.articles).values({
			id,
			slug,
			title: pack.meta.title,
			titleOrigin: pack.meta.titleOrigin ?? '',
			publication: publication.follows
				? { site: publication.site, address: publication.address, author: publication.author, date: publication.date, follows: publication.follows, facts: publication.facts }
				: null,
			currentVersionId: null,
			packHash: null,
			source: 'teacher',
			ownerId: teacherId,
			visibility: 'private',
			status: 'draft',
			outlet: publication.site,
			author: publication.author,
			publishedOn: publication.date,
			originalUrl: publication.url,
			language: pack.meta.language
		});
		await tx.insert(t.articleVersions).values({ id: versionId, articleId: id, number: 1, text: pack.text, textHash: pack.textHash, blocks: pack.blocks });
		await insertAll(tx, t.speakers, pack.meta.speakers.map((s, sort) => ({ ...s, ...owned, id: rowOf(s.id), key: s.id, sort })));
		await insertAll(tx, t.facts, pack.meta.facts.map((f, sort) => ({ ...f, ...owned, id: rowOf(f.id), key: f.id, sort })));
		const annotation = (item: ContentPack['claims'][number] | ContentPack['notes'][number], kind: 'claim' | 'note', sort: number) => ({
			...owned,
			id: rowOf(item.id),
			key: item.id,
			kind,
			versionId,
			...selectorColumns(item),
			sort
		});
		await insertAll(tx, t.annotations, [...pack.claims.map((c, i) => annotation(c, 'claim', i)), ...pack.notes.map((n, i) => annotation(n, 'note', pack.claims.length + i))]);
		await insertAll(
			tx,
			t.claims,
			pack.claims.map((c) => ({ annotationId: rowOf(c.id), speakerId: rowOf(c.speaker), form: c.form, relationship: c.relationship, check: c.check, checkNote: c.checkNote, facts: c.facts }))
		);
		await insertAll(
			tx,
			t.notes,
			pack.notes.map((n) => ({ annotationId: rowOf(n.id), layer: n.layer, kind: n.kind, title: n.title, body: n.body, checkIt: n.checkIt ?? null, translation: n.translation ?? null, facts: n.facts }))
		);
		await tx.update(t.articles).set({ currentVersionId: versionId }).where(eq(t.articles.id, id));
	});
	return { id, slug, quizSkipped: pack.quiz !== null };
}
