/**
 * Scoring for every question type, on the server only. Each type gives a fraction
 * from 0 to 1; certainty-based marking (as in Moodle) then turns the fraction and the
 * student's stated certainty into marks, so a confident wrong answer costs more than an
 * unsure one. Nothing here depends on time taken: accuracy is rewarded, never speed.
 */

export type Certainty = 1 | 2 | 3;

/** Moodle's CBM table: marks for a right and a wrong answer at each certainty level. */
export const CBM: Record<Certainty, { right: number; wrong: number }> = {
	1: { right: 1, wrong: 0 },
	2: { right: 2, wrong: -2 },
	3: { right: 3, wrong: -6 }
};

export interface Span {
	start: number;
	end: number;
}

export type Question =
	| { type: 'who-said-it' | 'whose-voice' | 'headline-vs-body' | 'multiple-choice'; key: string }
	| { type: 'multiple-response'; key: string[]; options: string[] }
	| { type: 'find-evidence'; key: Span[]; tolerance: number }
	| { type: 'short-answer'; maxScore: number };

export type Answer =
	| { type: 'choice'; value: string }
	| { type: 'choices'; values: string[] }
	| { type: 'span'; span: Span }
	| { type: 'text'; text: string };

export type Result =
	| { status: 'scored'; fraction: number }
	/** Short answers wait for the teacher. */
	| { status: 'awaiting-teacher' };

/** Characters two spans share divided by the characters either covers (0 when apart). */
export function spanOverlap(a: Span, b: Span): number {
	const shared = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
	const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
	return union > 0 ? shared / union : 0;
}

/**
 * How right an answer is. Throws on an answer of the wrong shape: the caller checks
 * answers against the question before scoring, so this is a programming error.
 */
export function score(question: Question, answer: Answer): Result {
	switch (question.type) {
		case 'who-said-it':
		case 'whose-voice':
		case 'headline-vs-body':
		case 'multiple-choice':
			if (answer.type !== 'choice') throw new TypeError(`${question.type} needs one choice`);
			return { status: 'scored', fraction: answer.value === question.key ? 1 : 0 };
		case 'multiple-response': {
			if (answer.type !== 'choices') throw new TypeError('multiple-response needs a list of choices');
			const chosen = new Set(answer.values);
			const key = new Set(question.key);
			const right = [...chosen].filter((c) => key.has(c)).length;
			const wrong = chosen.size - right;
			// Each right pick earns a share; each wrong pick takes one back; never below 0.
			return { status: 'scored', fraction: Math.max(0, (right - wrong) / key.size) };
		}
		case 'find-evidence': {
			if (answer.type !== 'span') throw new TypeError('find-evidence needs a span');
			const best = Math.max(0, ...question.key.map((k) => spanOverlap(answer.span, k)));
			return { status: 'scored', fraction: best >= question.tolerance ? 1 : 0 };
		}
		case 'short-answer':
			if (answer.type !== 'text') throw new TypeError('short-answer needs text');
			return { status: 'awaiting-teacher' };
	}
}

/**
 * Marks for a fraction at a certainty level. A partly right answer sits between the
 * wrong and right marks in proportion to its fraction. Without a certainty the marks
 * are the fraction itself (0 to 1).
 */
export function marks(fraction: number, certainty: Certainty | null): number {
	if (certainty === null) return fraction;
	const { right, wrong } = CBM[certainty];
	return wrong + (right - wrong) * fraction;
}

/** The most marks a question can give: 3 with certainty-based marking, 1 without. */
export function maxMarks(usesCertainty: boolean): number {
	return usesCertainty ? CBM[3].right : 1;
}
