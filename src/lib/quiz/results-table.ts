/**
 * An assignment's results as a table of students by questions, and the same table as CSV.
 * Which attempt counts: the best one that is over (submitted, or closed), as in Moodle's
 * default "highest grade"; a student with none over shows their attempt in progress.
 */
import Papa from 'papaparse';
import { maxMarks } from './scoring';
import { accuracyOfAnswers, type Accuracy } from '$lib/results/accuracy';

export interface ResultQuestion {
	/** Its number in the quiz, when the table shows only some questions (a live session's shown ones). */
	number?: number;
	id: string;
	prompt: string;
	type: string;
	certainty: boolean;
	claimId: string | null;
}

export interface ResultAttempt {
	id: string;
	studentId: string;
	number: number;
	startedAt: Date;
	submittedAt: Date | null;
}

export interface ResultResponse {
	id: string;
	attemptId: string;
	questionId: string;
	fraction: number | null;
	marks: number | null;
	certainty: number | null;
	answeredAt: Date;
}

export interface ResultCell {
	responseId: string;
	fraction: number | null;
	marks: number | null;
	certainty: number | null;
	/** A written answer the teacher has not scored yet. */
	awaitingGrade: boolean;
}

export interface ResultRow {
	studentId: string;
	name: string;
	attemptsUsed: number;
	/** 'removed': taken out of a live session by the teacher (their answers are kept). */
	status: 'not started' | 'in progress' | 'finished' | 'removed';
	counted: { number: number; submittedAt: Date | null } | null;
	/** The number of an attempt under way besides the one counted, if any. */
	underWay: number | null;
	cells: (ResultCell | null)[];
	marks: number;
	/** The most the scored answers could have earned, so awaiting answers do not count against. */
	max: number;
	awaiting: number;
	/** Accuracy of the attempt counted, on the table's questions ($lib/results/accuracy); null before any attempt. */
	accuracy: Accuracy | null;
}

/** Rounds marks for showing: two decimals at most. */
export const roundMarks = (n: number) => Math.round(n * 100) / 100;

/** One row per student on the roster, in roster order. */
export function resultsTable(
	questions: ResultQuestion[],
	students: { id: string; displayName: string }[],
	attempts: ResultAttempt[],
	responses: ResultResponse[],
	isOver: (attempt: ResultAttempt) => boolean
): ResultRow[] {
	const asked = new Set(questions.map((q) => q.id));
	const byAttempt = new Map<string, Map<string, ResultResponse>>();
	for (const r of responses) {
		if (!byAttempt.has(r.attemptId)) byAttempt.set(r.attemptId, new Map());
		byAttempt.get(r.attemptId)!.set(r.questionId, r);
	}
	const totalOf = (attemptId: string) => {
		const answers = byAttempt.get(attemptId) ?? new Map<string, ResultResponse>();
		let marks = 0;
		let max = 0;
		let awaiting = 0;
		for (const q of questions) {
			const r = answers.get(q.id);
			if (r && r.marks === null) awaiting++;
			else {
				marks += r?.marks ?? 0;
				max += maxMarks(q.certainty);
			}
		}
		return { marks, max, awaiting };
	};

	return students.map((student) => {
		const own = attempts.filter((a) => a.studentId === student.id).sort((a, b) => a.number - b.number);
		const over = own.filter(isOver);
		let counted: ResultAttempt | undefined;
		for (const a of over) {
			if (!counted || totalOf(a.id).marks >= totalOf(counted.id).marks) counted = a;
		}
		counted ??= own.at(-1);
		const answers = counted ? (byAttempt.get(counted.id) ?? new Map<string, ResultResponse>()) : new Map<string, ResultResponse>();
		const cells = questions.map((q): ResultCell | null => {
			const r = answers.get(q.id);
			return r ? { responseId: r.id, fraction: r.fraction, marks: r.marks, certainty: r.certainty, awaitingGrade: r.marks === null } : null;
		});
		const total = counted ? totalOf(counted.id) : { marks: 0, max: questions.reduce((s, q) => s + maxMarks(q.certainty), 0), awaiting: 0 };
		return {
			studentId: student.id,
			name: student.displayName,
			attemptsUsed: own.length,
			status: !counted ? 'not started' : isOver(counted) ? 'finished' : 'in progress',
			counted: counted ? { number: counted.number, submittedAt: counted.submittedAt } : null,
			underWay: own.find((a) => a !== counted && !isOver(a))?.number ?? null,
			cells,
			...total,
			accuracy: counted ? accuracyOfAnswers(questions.length, [...answers.values()].filter((r) => asked.has(r.questionId))) : null
		};
	});
}

/** A spreadsheet cell that cannot run as a formula (names starting = + - @ get an apostrophe). */
const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** A question's prompt cut to a column heading's length. */
function shortPrompt(prompt: string): string {
	const flat = prompt.replace(/\s+/g, ' ').trim();
	return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/** The results table as CSV (with a byte-order mark so spreadsheets read it as UTF-8). */
export function resultsCsv(questions: ResultQuestion[], rows: ResultRow[]): string {
	const fields = ['student', 'status', 'attempts used', 'attempt counted', 'submitted', ...questions.map((q, i) => `Q${q.number ?? i + 1}: ${shortPrompt(q.prompt)}`), 'marks', 'out of', 'awaiting grading', 'right', 'counted', 'accuracy %'];
	// "Out of" is the whole quiz's, the same on every row; written answers not yet scored
	// count for nothing until they are (the last column says how many).
	const outOf = questions.reduce((sum, q) => sum + maxMarks(q.certainty), 0);
	const data = rows.map((r) => [
		safe(r.name),
		r.status,
		r.attemptsUsed,
		r.counted?.number ?? '',
		r.counted?.submittedAt?.toISOString() ?? '',
		...r.cells.map((c) => (!c ? '' : c.awaitingGrade ? 'to grade' : roundMarks(c.marks ?? 0))),
		r.counted ? roundMarks(r.marks) : '',
		outOf,
		r.counted ? r.awaiting : '',
		r.accuracy?.right ?? '',
		r.accuracy?.counted ?? '',
		r.accuracy?.percent ?? ''
	]);
	return '\uFEFF' + Papa.unparse({ fields: fields.map(safe), data }, { newline: '\r\n' });
}
