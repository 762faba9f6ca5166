/**
 * A class's students by its assignments and live sessions: each cell the accuracy of the
 * attempt that counts, marks still to grade, a row and a column average, and each
 * student's trend. Pure, so the figures are tested once; the server module feeds it rows
 * aggregated in SQL (one row per attempt, never per response).
 *
 * Accuracy is the one every view uses ($lib/results/accuracy): right answers of the
 * questions, unanswered ones counted as not right, written answers still to grade left out
 * until they are graded. The attempt that counts is the one the assignment's own results
 * count (`countsOver`: the most marks of those over); a live session has one per student.
 */
import Papa from 'papaparse';
import { m } from '$lib/paraglide/messages';
import { accuracy, accuracyWords, type Accuracy } from './accuracy';

export type ColumnKind = 'assignment' | 'live';

export interface GridColumn {
	kind: ColumnKind;
	id: string;
	title: string;
	/** When it opened (assignment) or started (live): columns run in this order. */
	at: Date;
	/** The questions a student could answer: the quiz's, or those a live session showed. */
	questions: number;
}

export interface GridAttempt {
	studentId: string;
	kind: ColumnKind;
	columnId: string;
	/** Handed in, or closed by the assignment's close or the session's end. */
	over: boolean;
	/** Taken out of a live session by the teacher: counts in no figure. */
	removed: boolean;
	/** The attempt's number (1 in a live session). */
	number: number;
	/** Answers fully right, partly right, and written answers waiting for a grade. */
	right: number;
	partly: number;
	awaiting: number;
	/** The sum of its marks: which attempt counts, as on the assignment's page. */
	marks: number;
}

export interface GridCell {
	/** 0–100, or null without an attempt that is over (or with nothing in it to count yet). */
	accuracy: number | null;
	/** What the figure is made of, for the words; null without an attempt that is over. */
	figures: Accuracy | null;
	/** The number of the attempt that counts (for the link to it), or null. */
	attempt: number | null;
	status: 'counted' | 'in progress' | 'not started' | 'removed';
	/** Written answers without a grade, in any of the student's attempts here. */
	toGrade: number;
}

export interface GridRow {
	studentId: string;
	name: string;
	cells: GridCell[];
	average: number | null;
	trend: Trend;
}

export interface Trend {
	/** The accuracies in column order, for the sparkline. */
	points: number[];
	/** Change in points over the last `over` results; null with fewer than two. */
	change: number | null;
	over: number;
	words: string;
}

/** How many of the latest results a trend looks at. */
export const TREND_SPAN = 3;

const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((s, x) => s + x, 0) / xs.length) : null);

/** The accuracy of one attempt on a column's questions. */
export function attemptAccuracy(a: GridAttempt, questions: number): Accuracy {
	return accuracy({ questions, right: a.right, partly: a.partly, awaiting: a.awaiting });
}

/**
 * Whether attempt `a` counts rather than `b`, both over: the most marks, and of equal marks
 * the later one (as the assignment's results table, $lib/quiz/results-table, picks it).
 */
export function countsOver(a: Pick<GridAttempt, 'marks' | 'number'>, b: Pick<GridAttempt, 'marks' | 'number'>): boolean {
	return a.marks > b.marks || (a.marks === b.marks && a.number > b.number);
}

/** A student's trend over their latest results, in numbers and words. */
export function trendOf(points: number[], span = TREND_SPAN): Trend {
	const last = points.slice(-span);
	if (last.length < 2) return { points, change: null, over: last.length, words: points.length ? m.results_trend_one() : m.results_trend_none() };
	const change = last[last.length - 1] - last[0];
	const over = { count: last.length, change: Math.abs(change) };
	const words =
		change === 0
			? m.results_trend_steady(over)
			: change > 0
				? (over.change === 1 ? m.results_trend_up_one : m.results_trend_up)(over)
				: (over.change === 1 ? m.results_trend_down_one : m.results_trend_down)(over);
	return { points, change, over: last.length, words };
}

/** Builds the grid: rows in roster order, cells in column order (sort the columns first). */
export function classGrid(columns: GridColumn[], students: { id: string; displayName: string }[], attempts: GridAttempt[]) {
	const index = new Map(columns.map((c, i) => [`${c.kind}:${c.id}`, i]));
	const byStudent = new Map<string, GridAttempt[]>();
	for (const a of attempts) {
		if (!index.has(`${a.kind}:${a.columnId}`)) continue;
		const list = byStudent.get(a.studentId) ?? [];
		list.push(a);
		byStudent.set(a.studentId, list);
	}
	const rows: GridRow[] = students.map((s) => {
		const cells: GridCell[] = columns.map(() => ({ accuracy: null, figures: null, attempt: null, status: 'not started', toGrade: 0 }));
		const mine = byStudent.get(s.id) ?? [];
		const best = new Map<number, GridAttempt>();
		for (const a of mine) {
			const i = index.get(`${a.kind}:${a.columnId}`)!;
			const cell = cells[i];
			if (a.removed) {
				cell.status = 'removed';
				continue;
			}
			cell.toGrade += a.awaiting;
			if (!a.over) {
				if (cell.status === 'not started') cell.status = 'in progress';
				continue;
			}
			const counted = best.get(i);
			if (!counted || countsOver(a, counted)) {
				best.set(i, a);
				const figures = attemptAccuracy(a, columns[i].questions);
				Object.assign(cell, { figures, accuracy: figures.percent, attempt: a.number });
			}
			cell.status = 'counted';
		}
		const points = cells.flatMap((c) => (c.accuracy === null ? [] : [c.accuracy]));
		return { studentId: s.id, name: s.displayName, cells, average: mean(points), trend: trendOf(points) };
	});
	const columnStats = columns.map((c, i) => {
		const figures = rows.flatMap((r) => (r.cells[i].accuracy === null ? [] : [r.cells[i].accuracy!]));
		return { ...c, average: mean(figures), counted: figures.length, toGrade: rows.reduce((sum, r) => sum + r.cells[i].toGrade, 0) };
	});
	return { columns: columnStats, rows };
}

export type ClassGrid = ReturnType<typeof classGrid>;

/** Columns in date order (oldest first), ties by title then id so the order is stable. */
export function sortColumns(columns: GridColumn[]): GridColumn[] {
	return [...columns].sort((a, b) => a.at.getTime() - b.at.getTime() || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** A cell in words, as the page and the CSV say it: "2 of 3 right (67%), 1 to grade". */
export function cellWords(c: GridCell): string {
	const grade = c.toGrade ? m.results_cell_to_grade({ count: c.toGrade }) : '';
	if (c.status === 'removed') return m.results_cell_removed();
	if (c.status === 'not started') return grade || m.results_cell_not_started();
	if (c.status === 'in progress') return [m.results_cell_in_progress(), grade].filter(Boolean).join(', ');
	const words = c.figures ? accuracyWords(c.figures) : null;
	if (words === null) return grade || m.results_cell_nothing();
	return [words, grade].filter(Boolean).join(', ');
}

// A spreadsheet would run a cell that starts like a formula (OWASP CSV injection).
const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The grid as CSV, with a byte-order mark so spreadsheets read it as UTF-8. */
export function classGridCsv(grid: ClassGrid): string {
	const fields = [
		'student',
		...grid.columns.map((c) => `${c.kind === 'live' ? 'Live' : 'Assignment'} ${c.at.toISOString().slice(0, 10)}: ${c.title}`),
		'average %',
		'trend'
	];
	const data = grid.rows.map((r) => [r.name, ...r.cells.map(cellWords), r.average ?? '', r.trend.words]);
	data.push(['class average', ...grid.columns.map((c) => (c.average === null ? '' : `${c.average}%`)), '', '']);
	return '\uFEFF' + Papa.unparse({ fields: fields.map(safe), data: data.map((row) => row.map((v) => (typeof v === 'string' ? safe(v) : v))) }, { newline: '\r\n' });
}

/** The sparkline's polyline points in a width × height box (0% at the bottom, 100% at the top). */
export function sparkline(points: number[], width = 80, height = 24, pad = 2): string {
	if (points.length === 0) return '';
	const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
	const y = (p: number) => pad + ((100 - Math.max(0, Math.min(100, p))) / 100) * (height - 2 * pad);
	return points.map((p, i) => `${Math.round((pad + i * step) * 10) / 10},${Math.round(y(p) * 10) / 10}`).join(' ');
}
