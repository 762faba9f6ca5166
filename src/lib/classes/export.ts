/** Turning a class export into files a teacher can download and open in a spreadsheet. */
import Papa from 'papaparse';

/** One assignment's or live session's results, each student in roster order (the export's order). */
export interface ClassResultSet {
	kind: 'assignment' | 'live';
	/** The quiz's title. */
	title: string;
	/** When the assignment opened, or the live session started. */
	date: Date;
	outOf: number;
	questions: { number: number; prompt: string }[];
	students: {
		displayName: string;
		status: 'not started' | 'in progress' | 'finished' | 'removed';
		marks: number | null;
		answers: (number | 'to grade' | null)[];
	}[];
}

export interface ClassExport {
	class: { name: string; joinCode: string; openJoin: boolean; createdAt: Date; archivedAt: Date | null };
	students: { displayName: string; addedAt: Date; joinedAt: Date | null }[];
	/** Assignments and live sessions, oldest first. */
	results?: ClassResultSet[];
}

/** A result set's column heading: what, which quiz, when, and out of how many marks. */
export function resultHeading(set: ClassResultSet): string {
	return `${set.kind === 'live' ? 'Live' : 'Assignment'}: ${set.title} (${set.date.toISOString().slice(0, 10)}), out of ${set.outOf}`;
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
 * One row per student, with a column per assignment and live session. Cells that a
 * spreadsheet would run as a formula (starting with = + - @) are prefixed with an
 * apostrophe, so a name cannot become a formula.
 */
export function studentsCsv(data: ClassExport): string {
	const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
	const sets = data.results ?? [];
	const rows = data.students.map((s, i) => [
		safe(data.class.name),
		safe(s.displayName),
		s.addedAt.toISOString(),
		s.joinedAt ? s.joinedAt.toISOString() : '',
		// A column per assignment and live session: the student's marks, "removed" for a
		// student taken out of a live session, empty when they never took part.
		...sets.map((set) => {
			const line = set.students[i];
			if (!line || line.displayName !== s.displayName) return '';
			return line.status === 'removed' ? 'removed' : (line.marks ?? '');
		})
	]);
	const fields = ['class', 'student', 'added', 'joined', ...sets.map((set) => safe(resultHeading(set)))];
	// The byte-order mark tells spreadsheet programs (Excel above all) that this is UTF-8.
	return '\uFEFF' + Papa.unparse({ fields, data: rows }, { newline: '\r\n' });
}
