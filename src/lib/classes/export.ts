/** Turning a class export into files a teacher can download and open in a spreadsheet. */
import Papa from 'papaparse';

export interface ClassExport {
	class: { name: string; joinCode: string; openJoin: boolean; createdAt: Date; archivedAt: Date | null };
	students: { displayName: string; addedAt: Date; joinedAt: Date | null }[];
}

/** A safe file name from the class name: letters, digits and dashes only. */
export function exportFileName(className: string, extension: string): string {
	const base = className
		.normalize('NFKD')
		.replace(/[^\w\s-]/g, '')
		.trim()
		.replace(/[\s_]+/g, '-')
		.toLowerCase()
		.slice(0, 60);
	return `${base || 'class'}-export.${extension}`;
}

/**
 * One row per student. Cells that a spreadsheet would run as a formula (starting
 * with = + - @) are prefixed with an apostrophe, so a name cannot become a formula.
 */
export function studentsCsv(data: ClassExport): string {
	const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
	const rows = data.students.map((s) => [
		safe(data.class.name),
		safe(s.displayName),
		s.addedAt.toISOString(),
		s.joinedAt ? s.joinedAt.toISOString() : ''
	]);
	// The byte-order mark tells spreadsheet programs (Excel above all) that this is UTF-8.
	return '\uFEFF' + Papa.unparse({ fields: ['class', 'student', 'added', 'joined'], data: rows }, { newline: '\r\n' });
}
