/**
 * Find-the-evidence keys are stored as offsets into the article text they were chosen on,
 * with their words. When the teacher publishes an edited text, the offsets can point at
 * other words: grading against them would mark students right or wrong for the wrong
 * passage. The quiz editor checks each key against the text students now read and flags
 * the question, so the teacher chooses its key passages again (never a silent guess).
 */

/** A key passage as stored: where it was in the text it was chosen on, and its words. */
export interface KeySpan {
	start: number;
	end: number;
	exact: string;
}

/** The key passages whose offsets no longer hold their words in `text`. */
export function staleKeys<T extends KeySpan>(text: string, evidence: readonly T[]): T[] {
	return evidence.filter((e) => text.slice(e.start, e.end) !== e.exact);
}
