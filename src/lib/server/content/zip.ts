/**
 * A small zip writer and reader for content packs (issue 10: download an article as a
 * pack, import a pack upload), on Node's own zlib: no listed dependency handles zip, and
 * a pack is a handful of small text files, so only what they need is here: deflate or
 * store, UTF-8 names, no zip64, no encryption, no comments. The reader is for uploads
 * from anyone, so it trusts nothing: it reads the central directory, refuses paths that
 * leave the folder, encrypted or zip64 entries and unknown methods, caps the number of
 * files and every size before inflating (zlib's maxOutputLength holds even if a header
 * lies), and checks each file's CRC-32 and length.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** One file in an archive: its path inside it (forward slashes) and its bytes. */
export interface ZipFile {
	name: string;
	data: Uint8Array;
}

/** The reasons an archive is refused, with what each one's sentence names. */
export type ZipRefusal =
	| { code: 'not_zip' }
	| { code: 'zip64' }
	| { code: 'too_many_files'; count: number; max: number }
	| { code: 'unsafe_name'; name: string }
	| { code: 'encrypted'; name: string }
	| { code: 'method'; name: string }
	| { code: 'file_too_big'; name: string; kb: number; maxKb: number }
	| { code: 'total_too_big'; maxMb: number }
	| { code: 'damaged'; name: string }
	| { code: 'checksum'; name: string };

/** The English sentence for a refusal (the importer shows the person's own language; this module stays free of $lib). */
function englishReason(refusal: ZipRefusal): string {
	switch (refusal.code) {
		case 'not_zip':
			return 'This is not a zip file (or it is damaged): save the pack as a .zip and try again.';
		case 'zip64':
			return 'This zip uses the zip64 format, which packs never need: zip the pack’s files again without it.';
		case 'too_many_files':
			return `This zip holds ${refusal.count} files; a pack has at most ${refusal.max}.`;
		case 'unsafe_name':
			return `The zip holds a file named “${refusal.name}”, which would land outside the pack’s folder.`;
		case 'encrypted':
			return `“${refusal.name}” in the zip is encrypted: zip the pack without a password.`;
		case 'method':
			return `“${refusal.name}” in the zip is compressed in a way the kit does not read: zip the pack again with ordinary (deflate) compression.`;
		case 'file_too_big':
			return `“${refusal.name}” in the zip is ${refusal.kb} KB unpacked; a pack’s file may be at most ${refusal.maxKb} KB.`;
		case 'total_too_big':
			return `The zip unpacks to more than ${refusal.maxMb} MB; a pack is far smaller.`;
		case 'damaged':
			return `“${refusal.name}” in the zip is damaged or larger than its header says.`;
		case 'checksum':
			return `“${refusal.name}” in the zip is damaged (its check sum does not match).`;
	}
}

/** Why an archive cannot be read: `refusal` for the caller to put in the reader's language, `message` in English. */
export class ZipError extends Error {
	constructor(readonly refusal: ZipRefusal) {
		super(englishReason(refusal));
	}
}

/** Limits on what the reader will unpack. */
export interface ZipLimits {
	maxFiles: number;
	maxFileBytes: number;
	maxTotalBytes: number;
}

export const PACK_ZIP_LIMITS: ZipLimits = { maxFiles: 20, maxFileBytes: 2 * 1024 * 1024, maxTotalBytes: 5 * 1024 * 1024 };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800;
// 1980-01-01 00:00 in DOS time: the archive's bytes depend only on its files.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The archive holding `files`, deflated (stored when deflating does not help). */
export function writeZip(files: ZipFile[]): Uint8Array {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const file of files) {
		const name = Buffer.from(file.name, 'utf8');
		const deflated = deflateRawSync(file.data);
		const stored = deflated.length >= file.data.length;
		const body = stored ? Buffer.from(file.data) : deflated;
		const crc = crc32(file.data) >>> 0;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(LOCAL, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(UTF8_NAMES, 6);
		local.writeUInt16LE(stored ? 0 : 8, 8);
		local.writeUInt16LE(DOS_TIME, 10);
		local.writeUInt16LE(DOS_DATE, 12);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(file.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(CENTRAL, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt16LE(UTF8_NAMES, 8);
		entry.writeUInt16LE(stored ? 0 : 8, 10);
		entry.writeUInt16LE(DOS_TIME, 12);
		entry.writeUInt16LE(DOS_DATE, 14);
		entry.writeUInt32LE(crc, 16);
		entry.writeUInt32LE(body.length, 20);
		entry.writeUInt32LE(file.data.length, 24);
		entry.writeUInt16LE(name.length, 28);
		entry.writeUInt32LE(offset, 42);
		central.push(entry, name);
		parts.push(local, name, body);
		offset += local.length + name.length + body.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(END, 0);
	end.writeUInt16LE(files.length, 8);
	end.writeUInt16LE(files.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

/** A path inside the archive that stays inside it: relative, no `..`, no backslashes or drive letters. */
function safeName(name: string): boolean {
	if (!name || name.length > 200 || name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.includes('\0')) return false;
	return name.split('/').every((part) => part !== '..');
}

/** The files in `bytes` (folders left out), or a ZipError saying why not. */
export function readZip(bytes: Uint8Array, limits: ZipLimits = PACK_ZIP_LIMITS): ZipFile[] {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const notZip = () => new ZipError({ code: 'not_zip' });
	if (buf.length < 22) throw notZip();
	// The end record is the last 22 bytes, unless a comment follows it (at most 65,535 bytes).
	let endAt = -1;
	for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
		if (buf.readUInt32LE(i) === END) {
			endAt = i;
			break;
		}
	}
	if (endAt < 0) throw notZip();
	const count = buf.readUInt16LE(endAt + 10);
	const dirSize = buf.readUInt32LE(endAt + 12);
	const dirAt = buf.readUInt32LE(endAt + 16);
	if (count === 0xffff || dirAt === 0xffffffff) throw new ZipError({ code: 'zip64' });
	if (count > limits.maxFiles) throw new ZipError({ code: 'too_many_files', count, max: limits.maxFiles });
	if (dirAt + dirSize > endAt) throw notZip();

	const files: ZipFile[] = [];
	let total = 0;
	let at = dirAt;
	for (let n = 0; n < count; n++) {
		if (at + 46 > endAt || buf.readUInt32LE(at) !== CENTRAL) throw notZip();
		const flags = buf.readUInt16LE(at + 8);
		const method = buf.readUInt16LE(at + 10);
		const crc = buf.readUInt32LE(at + 16);
		const packed = buf.readUInt32LE(at + 20);
		const size = buf.readUInt32LE(at + 24);
		const nameLength = buf.readUInt16LE(at + 28);
		const extraLength = buf.readUInt16LE(at + 30);
		const commentLength = buf.readUInt16LE(at + 32);
		const localAt = buf.readUInt32LE(at + 42);
		const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
		at += 46 + nameLength + extraLength + commentLength;
		if (name.endsWith('/')) continue;
		if (!safeName(name)) throw new ZipError({ code: 'unsafe_name', name: name.slice(0, 80) });
		if (flags & 1) throw new ZipError({ code: 'encrypted', name });
		if (method !== 0 && method !== 8) throw new ZipError({ code: 'method', name });
		if (size > limits.maxFileBytes) throw new ZipError({ code: 'file_too_big', name, kb: Math.ceil(size / 1024), maxKb: limits.maxFileBytes / 1024 });
		total += size;
		if (total > limits.maxTotalBytes) throw new ZipError({ code: 'total_too_big', maxMb: limits.maxTotalBytes / 1024 / 1024 });
		if (localAt + 30 > dirAt || buf.readUInt32LE(localAt) !== LOCAL) throw notZip();
		const dataAt = localAt + 30 + buf.readUInt16LE(localAt + 26) + buf.readUInt16LE(localAt + 28);
		if (dataAt + packed > dirAt) throw notZip();
		const body = buf.subarray(dataAt, dataAt + packed);
		let data: Buffer;
		try {
			// maxOutputLength stops a file that inflates past what its header declared.
			data = method === 0 ? Buffer.from(body) : inflateRawSync(body, { maxOutputLength: Math.max(size, 1) });
		} catch {
			throw new ZipError({ code: 'damaged', name });
		}
		if (data.length !== size || (crc32(data) >>> 0) !== crc) throw new ZipError({ code: 'checksum', name });
		files.push({ name, data: new Uint8Array(data) });
	}
	return files;
}
