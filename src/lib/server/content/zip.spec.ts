import { describe, expect, it } from 'vitest';
import { readZip, writeZip, ZipError, type ZipLimits } from './zip';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (d: Uint8Array) => new TextDecoder().decode(d);
const LIMITS: ZipLimits = { maxFiles: 5, maxFileBytes: 64 * 1024, maxTotalBytes: 100 * 1024 };
/** Made by Python's zipfile (an independent writer): a folder entry, a deflated file, a stored file and an archive comment. */
const PYTHON_ZIP =
	'UEsDBBQAAAAIAHpTfl0AAAAAAgAAAAAAAAAFAAAAcGFjay8DAFBLAwQUAAAACAB6U35dt3WDux0AAACkAQAAEAAAAHBhY2svYXJ0aWNsZS50eHTzOLwyJydfR+FRw5zy/KKclEcNc/W4PEYFB5MgAFBLAwQUAAAAAAAAACEAYRz+2wgAAAAIAAAAEAAAAHBhY2svc3RvcmVkLnlhbWxzbHVnOiB4ClBLAQIUAxQAAAAIAHpTfl0AAAAAAgAAAAAAAAAFAAAAAAAAAAAAEAD9QQAAAABwYWNrL1BLAQIUAxQAAAAIAHpTfl23dYO7HQAAAKQBAAAQAAAAAAAAAAAAAACAASUAAABwYWNrL2FydGljbGUudHh0UEsBAhQDFAAAAAAAAAAhAGEc/tsIAAAACAAAABAAAAAAAAAAAAAAAIABcAAAAHBhY2svc3RvcmVkLnlhbWxQSwUGAAAAAAMAAwCvAAAApgAAABYAbWFkZSBieSBweXRob24gemlwZmlsZQ==';

/** The offset of the first central directory entry of an archive made by writeZip. */
const centralAt = (zip: Uint8Array) => Buffer.from(zip).readUInt32LE(zip.length - 22 + 16);
const refusal = (bytes: Uint8Array, limits = LIMITS) => {
	try {
		readZip(bytes, limits);
	} catch (e) {
		if (e instanceof ZipError) return e.message;
		throw e;
	}
	return 'read';
};

describe('writeZip and readZip', () => {
	it('round-trips files with UTF-8 names and text, deflated or stored', () => {
		const files = [
			{ name: 'mexico/article.txt', data: utf8('Sheinbaum: “inviolable”. '.repeat(200)) },
			{ name: 'mexico/claims.yaml', data: utf8('x') },
			{ name: 'mexico/notas-ñ.yaml', data: new Uint8Array() }
		];
		const zip = writeZip(files);
		expect(zip.length).toBeLessThan(files[0].data.length);
		expect(readZip(zip, LIMITS).map((f) => [f.name, text(f.data)])).toEqual(files.map((f) => [f.name, text(f.data)]));
		// The same files make the same bytes (no clock in the archive).
		expect(Buffer.from(writeZip(files)).equals(Buffer.from(zip))).toBe(true);
	});

	it('reads an archive made by another writer (Python’s zipfile), skipping folders', () => {
		const files = readZip(new Uint8Array(Buffer.from(PYTHON_ZIP, 'base64')), LIMITS);
		expect(files.map((f) => f.name)).toEqual(['pack/article.txt', 'pack/stored.yaml']);
		expect(text(files[0].data)).toBe('Héllo, “world”.\n'.repeat(20));
		expect(text(files[1].data)).toBe('slug: x\n');
	});

	it.each([
		['random bytes', () => new Uint8Array(200).fill(7), /not a zip file/],
		['an empty file', () => new Uint8Array(), /not a zip file/],
		['a truncated archive', () => writeZip([{ name: 'a.txt', data: utf8('hello') }]).slice(0, 40), /not a zip file/],
		['a path out of the folder', () => writeZip([{ name: '../evil.yaml', data: utf8('x') }]), /outside the pack’s folder/],
		['an absolute path', () => writeZip([{ name: '/etc/passwd', data: utf8('x') }]), /outside the pack’s folder/],
		['too many files', () => writeZip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: utf8('x') }))), /holds 6 files; a pack has at most 5/],
		['one file too big unpacked', () => writeZip([{ name: 'big.txt', data: new Uint8Array(65 * 1024) }]), /may be at most 64 KB/],
		[
			'too much in all',
			() => writeZip(Array.from({ length: 2 }, (_, i) => ({ name: `f${i}.txt`, data: new Uint8Array(60 * 1024) }))),
			{ maxFiles: 5, maxFileBytes: 64 * 1024, maxTotalBytes: 100 * 1024 }
		]
	])('refuses %s with a reason', (_, make, expected) => {
		const message = refusal(make());
		if (expected instanceof RegExp) expect(message).toMatch(expected);
		else expect(message).toMatch(/unpacks to more than/);
	});

	it('stops a file that inflates past the size its header declares (a zip bomb), and a damaged one', () => {
		const zip = writeZip([{ name: 'zeros.txt', data: new Uint8Array(60 * 1024) }]);
		const lying = Buffer.from(zip);
		lying.writeUInt32LE(10, centralAt(zip) + 24);
		expect(refusal(new Uint8Array(lying))).toMatch(/damaged or larger than its header says/);
		const damaged = Buffer.from(writeZip([{ name: 'a.txt', data: utf8('hello, hello, hello, hello') }]));
		damaged.writeUInt32LE(0x12345678, centralAt(damaged) + 16);
		expect(refusal(new Uint8Array(damaged))).toMatch(/check sum does not match/);
	});

	it('refuses encrypted entries and unknown compression', () => {
		const zip = writeZip([{ name: 'a.txt', data: utf8('hello, hello, hello, hello') }]);
		const encrypted = Buffer.from(zip);
		encrypted.writeUInt16LE(0x0801, centralAt(zip) + 8);
		expect(refusal(new Uint8Array(encrypted))).toMatch(/encrypted/);
		const bzip = Buffer.from(zip);
		bzip.writeUInt16LE(12, centralAt(zip) + 10);
		expect(refusal(new Uint8Array(bzip))).toMatch(/compressed in a way the kit does not read/);
	});
});
