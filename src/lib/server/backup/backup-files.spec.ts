import { describe, expect, it } from 'vitest';
import { BackupError, backupFileName, backupsToPrune, explainWriteError, parseKeep } from './backup-files.js';

describe('backup files', () => {
	it('names backups by time, in an order that sorts, without colons', () => {
		expect(backupFileName('kit', new Date('2026-11-30T02:05:09.007Z'))).toBe('kit-2026-11-30T02-05-09-007Z.db');
	});

	it('prunes only its own backups of this database, oldest first, keeping the newest N', () => {
		const names = [
			'kit-2026-01-03T00-00-00-000Z.db',
			'kit-2026-01-01T00-00-00-000Z.db',
			'kit-2026-01-02T00-00-00-000Z.db',
			'kit-2026-01-04T00-00-00-000Z.db.partial',
			'kit-before-restore-2025-01-01T00-00-00-000Z.db',
			'other-2020-01-01T00-00-00-000Z.db',
			'kit.db',
			'notes.txt'
		];
		expect(backupsToPrune(names, 'kit', 2)).toEqual(['kit-2026-01-01T00-00-00-000Z.db']);
		expect(backupsToPrune(names, 'kit', 1)).toEqual(['kit-2026-01-02T00-00-00-000Z.db', 'kit-2026-01-01T00-00-00-000Z.db']);
		expect(backupsToPrune(names, 'kit', 14)).toEqual([]);
		// A name with regular-expression characters is taken literally.
		expect(backupsToPrune(['k.t-2026-01-01T00-00-00-000Z.db', 'kit-2026-01-01T00-00-00-000Z.db'], 'k.t', 0)).toEqual(['k.t-2026-01-01T00-00-00-000Z.db']);
	});

	it('reads how many to keep, refusing anything but a whole number of at least 1 as a usage error', () => {
		expect(parseKeep(undefined, 14)).toBe(14);
		expect(parseKeep('', 14)).toBe(14);
		expect(parseKeep('30', 14)).toBe(30);
		for (const bad of ['0', '-1', '2.5', 'all', '1e3']) {
			const error = (() => {
				try {
					parseKeep(bad, 14);
				} catch (e) {
					return e;
				}
			})();
			expect(error).toBeInstanceOf(BackupError);
			expect((error as BackupError).exitCode).toBe(2);
		}
	});

	it('explains a full disk and an unwritable folder, and leaves other errors to the caller', () => {
		const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
		expect(explainWriteError(coded('ENOSPC'), 'x')).toMatch(/disk is full/);
		expect(explainWriteError(coded('SQLITE_FULL', 'database or disk is full'), 'x')).toMatch(/disk is full/);
		expect(explainWriteError(coded('EACCES'), 'the folder')).toMatch(/Cannot write the folder \(EACCES\)/);
		expect(explainWriteError(coded('SQLITE_CANTOPEN'), 'x')).toMatch(/Cannot write/);
		expect(explainWriteError(coded('SQLITE_CORRUPT'), 'x')).toBeNull();
		expect(explainWriteError('nonsense', 'x')).toBeNull();
	});
});
