/**
 * CSV for the dashboards' downloads: a byte-order mark so spreadsheets read UTF-8, CRLF line
 * ends, and text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) made
 * inert with a leading apostrophe. Numbers stay numbers, negative ones included.
 */
import Papa from 'papaparse';

export type CsvCell = string | number | null;

/** Text a spreadsheet would take for a formula, made inert. */
export function inert(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The file's text: a header row and the rows. */
export function csvText(fields: readonly string[], rows: readonly CsvCell[][]): string {
	const cell = (c: CsvCell) => (c === null ? '' : typeof c === 'number' ? Math.round(c * 1000) / 1000 : inert(c));
	return '\uFEFF' + Papa.unparse({ fields: fields.map(inert), data: rows.map((r) => r.map(cell)) }, { newline: '\r\n' });
}

/** A download response for `text`, named `name`. */
export function csvResponse(text: string, name: string): Response {
	return new Response(text, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]+/g, '-')}"`
		}
	});
}
