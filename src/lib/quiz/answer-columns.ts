/**
 * A stored answer spelled out in plain columns (responses.choice, choices, span_start,
 * span_end), so results can be counted with the same SQL on SQLite, where the answer is
 * text, and on PostgreSQL, where it is jsonb. Migration 0012 fills them the same way for
 * answers saved before the columns existed.
 */
import type { StoredAnswer } from '$lib/server/db/schema.sqlite';

export interface AnswerColumns {
	choice: string | null;
	choices: string | null;
	spanStart: number | null;
	spanEnd: number | null;
}

/**
 * The plain columns for `answer`. Option values never hold `|` (question rules allow
 * `a-z`, digits and `-`), so `|a|c|` can be searched for `|c|` without false matches.
 */
export function answerColumns(answer: StoredAnswer): AnswerColumns {
	const none: AnswerColumns = { choice: null, choices: null, spanStart: null, spanEnd: null };
	switch (answer.type) {
		case 'choice':
			return { ...none, choice: answer.value };
		case 'choices':
			return { ...none, choices: `|${[...answer.values].sort().join('|')}|` };
		case 'span':
			return { ...none, spanStart: answer.span.start, spanEnd: answer.span.end };
		case 'text':
			return none;
	}
}

/** The `choices` pattern that matches responses which chose `value` (for `choices like ?`). */
export function choicesPattern(value: string) {
	return `%|${value}|%`;
}
