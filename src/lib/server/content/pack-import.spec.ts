import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../domain-error';
import { MAX_PACK_UPLOAD_BYTES, readPackUpload } from './pack-import';
import { PACK_ZIP_LIMITS, writeZip, type ZipFile } from './zip';

const SLUG = 'mexico-says-no-to-us-troops';
const dir = join(process.cwd(), 'src/content/articles', SLUG);
const NAMES = ['article.yaml', 'article.txt', 'claims.yaml', 'notes.yaml', 'quiz.yaml'];
const utf8 = (s: string) => new TextEncoder().encode(s);
/** The shipped pack's files, in `folder`, with `edit` applied to each file's text. */
const shipped = (folder = `${SLUG}/`, edit: (name: string, s: string) => string = (_, s) => s): ZipFile[] =>
	NAMES.map((name) => ({ name: `${folder}${name}`, data: utf8(edit(name, readFileSync(join(dir, name), 'utf8'))) }));
const upload = (bytes: Uint8Array, name = 'pack.zip') => ({ name, size: bytes.length, bytes });

/** The refusal readPackUpload gives, as status and message. */
function refusal(file: Parameters<typeof readPackUpload>[0]) {
	try {
		readPackUpload(file);
	} catch (e) {
		if (e instanceof DomainError) return { status: e.status, message: e.message };
		throw e;
	}
	return { status: 200, message: 'read' };
}

describe('readPackUpload', () => {
	it.each([
		['in one folder, as a download holds it', shipped()],
		['at the top of the zip', shipped('')],
		['with the litter zip tools add on a Mac', [...shipped(), { name: `__MACOSX/${SLUG}/._article.yaml`, data: utf8('x') }, { name: `${SLUG}/.DS_Store`, data: utf8('x') }]]
	])('reads a valid pack %s', (_, files) => {
		const pack = readPackUpload(upload(writeZip(files)));
		expect(pack.meta.slug).toBe(SLUG);
		expect(pack.claims.length).toBeGreaterThan(10);
	});

	it.each<[string, Parameters<typeof readPackUpload>[0], number, RegExp]>([
		['no file', null, 400, /Choose a content pack/],
		['an oversized file, by its size alone', { name: 'big.zip', size: MAX_PACK_UPLOAD_BYTES + 1, bytes: new Uint8Array() }, 413, /at most 400 KB/],
		['a file that is not a zip', upload(utf8('article.yaml: not zipped\n'.repeat(20)), 'pack.zip'), 415, /not a zip file/],
		['a zip bomb: one file unpacking past the cap', upload(writeZip([{ name: 'article.txt', data: new Uint8Array(PACK_ZIP_LIMITS.maxFileBytes + 1) }])), 422, /KB unpacked/],
		[
			'a zip bomb: files that together unpack past the cap',
			upload(writeZip(Array.from({ length: 4 }, (_, i) => ({ name: `f${i}.txt`, data: new Uint8Array(PACK_ZIP_LIMITS.maxFileBytes) })))),
			422,
			/unpacks to more than 5 MB/
		],
		['too many entries', upload(writeZip(Array.from({ length: PACK_ZIP_LIMITS.maxFiles + 1 }, (_, i) => ({ name: `f${i}.yaml`, data: utf8('x') })))), 422, /holds 21 files/],
		['a path leaving the folder', upload(writeZip([...shipped(''), { name: '../../src/hooks.server.ts', data: utf8('x') }])), 422, /outside the pack’s folder/],
		['an absolute path', upload(writeZip([{ name: '/etc/article.yaml', data: utf8('x') }])), 422, /outside the pack’s folder/],
		['a zip with no pack in it', upload(writeZip([{ name: 'holiday.txt', data: utf8('x') }])), 422, /not a content pack: it has no article\.yaml, article\.txt, claims\.yaml, notes\.yaml/],
		['two packs in one zip', upload(writeZip([...shipped('a/'), ...shipped('b/')])), 422, /more than one folder/],
		['broken YAML', upload(writeZip(shipped(undefined, (n, s) => (n === 'claims.yaml' ? s.replace('claims:', 'claims: [unclosed') : s)))), 422, /claims\.yaml, field “line \d+”/],
		['a schema failure', upload(writeZip(shipped(undefined, (n, s) => (n === 'claims.yaml' ? s.replace(/form: direct-quote/, 'form: rumour') : s)))), 422, /claims\.yaml, field “claims\.\d+\.form”/],
		['a pack that breaks the coverage rule', upload(writeZip(shipped(undefined, (n, s) => (n === 'article.txt' ? `${s}\nA new sentence nobody marked.` : s)))), 422, /no claim covers "A new sentence nobody marked\."/],
		['a file that is not UTF-8', upload(writeZip(shipped(undefined).map((f) => (f.name.endsWith('notes.yaml') ? { ...f, data: new Uint8Array([0xff, 0xfe, 0x00]) } : f)))), 422, /notes\.yaml in the zip is not text in UTF-8/]
	])('refuses %s with a 4xx and says why', (_, file, status, message) => {
		const refused = refusal(file);
		expect(refused.status).toBe(status);
		expect(refused.message).toMatch(message);
	});
});
