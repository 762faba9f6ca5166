/**
 * The claim views as CSV files for a spreadsheet: the claims of one assignment or live
 * session, the words selected over the passage, and the claims across a class. Each file
 * starts with a byte-order mark (so spreadsheets read UTF-8) and guards every text cell
 * that a spreadsheet would run as a formula.
 */
import Papa from 'papaparse';
import type { ConfusionMatrix, ErrorRate, Misreading } from './confusion';

/** A cell a spreadsheet would run as a formula (= + - @) gets an apostrophe first. */
const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const csv = (fields: string[], data: (string | number)[][]) =>
	'\uFEFF' + Papa.unparse({ fields, data: data.map((row) => row.map((c) => (typeof c === 'string' ? safe(c) : c))) }, { newline: '\r\n' });

/** A claim's figures as the CSV files need them. */
export interface ClaimRow {
	number: number;
	key: string;
	quote: string;
	speaker: string;
	form: string;
	rate: ErrorRate;
	speakerMatrix: ConfusionMatrix;
	formMatrix: ConfusionMatrix;
	misreadings: Misreading[];
}

/** What the students chose in one matrix, in words: "The writer 1 (right); Anna Kelly 2". */
function chosen(matrix: ConfusionMatrix, label: (value: string) => string): string {
	return matrix.rows
		.flatMap((truth, i) => matrix.columns.flatMap((c, j) => (matrix.counts[i][j] > 0 ? [`${label(c)} ${matrix.counts[i][j]}${c === truth ? ' (right)' : ''}`] : [])))
		.join('; ');
}

/** One row per claim: its words, truth, answers, error rate, what was chosen and the misreadings. */
export function claimsCsv(rows: ClaimRow[], label: (kind: 'speaker' | 'form', value: string) => string): string {
	return csv(
		['claim', 'key', 'words', 'speaker', 'attribution', 'answers', 'wrong', 'percent wrong', 'who-said-it answers', 'whose-voice answers', 'misreadings'],
		rows.map((r) => [
			r.number,
			r.key,
			r.quote,
			r.speaker,
			r.form,
			r.rate.answered,
			r.rate.wrong,
			r.rate.percent ?? '',
			chosen(r.speakerMatrix, (v) => label('speaker', v)),
			chosen(r.formMatrix, (v) => label('form', v)),
			r.misreadings.map((m) => m.text).join('; ')
		])
	);
}

/** One row per distinct selection of a find-the-evidence question: where, the words, how many chose them. */
export function selectionsCsv(rows: { question: number; prompt: string; start: number; end: number; words: string; students: number; inKey: boolean }[]): string {
	return csv(
		['question', 'prompt', 'start', 'end', 'words selected', 'students', 'overlaps the answer'],
		rows.map((r) => [r.question, r.prompt.replace(/\s+/g, ' ').trim(), r.start, r.end, r.words, r.students, r.inKey ? 'yes' : 'no'])
	);
}

/** One row per claim and assignment or live session of a class, then the claim over all of them. */
export function classClaimsCsv(
	articles: { title: string; claims: (Omit<ClaimRow, 'speakerMatrix' | 'formMatrix'> & { bySource: { label: string; rate: ErrorRate }[] })[] }[]
): string {
	const data: (string | number)[][] = [];
	for (const a of articles) {
		for (const c of a.claims) {
			const row = (where: string, rate: ErrorRate, misreading: string) => [a.title, c.number, c.key, c.quote, c.speaker, c.form, where, rate.answered, rate.wrong, rate.percent ?? '', misreading];
			data.push(row('all', c.rate, c.misreadings[0]?.text ?? ''));
			for (const s of c.bySource) data.push(row(s.label, s.rate, ''));
		}
	}
	return csv(['article', 'claim', 'key', 'words', 'speaker', 'attribution', 'where', 'answers', 'wrong', 'percent wrong', 'top misreading'], data);
}
