/**
 * Reading a pasted list of student names, one per line, and checking display names.
 */

import { m } from '$lib/paraglide/messages';

export const MAX_NAME_LENGTH = 40;
export const MAX_ROSTER_NAMES = 200;
export const MAX_ROSTER_CHARS = 10_000;

/** A display name tidied for storage: trimmed, inner spaces collapsed. */
export function tidyName(name: string): string {
	return name.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** The key two names share when a class would confuse them: case and accents aside. */
export function nameKey(name: string): string {
	return tidyName(name)
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLocaleLowerCase('en');
}

/** Why a display name cannot be used, or null. */
export function nameProblem(name: string): string | null {
	const tidy = tidyName(name);
	if (tidy.length === 0) return m.teach_err_name_empty();
	if (tidy.length > MAX_NAME_LENGTH) return m.teach_err_name_long({ max: MAX_NAME_LENGTH });
	if (/[\p{Cc}\p{Cf}<>]/u.test(tidy)) return m.teach_err_name_chars();
	return null;
}

export interface ParsedRoster {
	names: string[];
	/** Names given twice in the paste, or already in the class. */
	duplicates: string[];
	/** Lines that are not usable names, with the reason. */
	invalid: { line: string; reason: string }[];
}

/** Splits a pasted roster into names, setting aside duplicates (also against `existing`) and bad lines. */
export function parseRoster(text: string, existing: string[] = []): ParsedRoster {
	const seen = new Set(existing.map(nameKey));
	const result: ParsedRoster = { names: [], duplicates: [], invalid: [] };
	for (const line of text.split(/\r?\n/)) {
		const name = tidyName(line);
		if (name === '') continue;
		const problem = nameProblem(name);
		if (problem) {
			// Echoed back to the teacher: invisible characters removed so the message reads right.
			const shown = name.replace(/[\p{Cc}\p{Cf}]/gu, '');
			result.invalid.push({ line: shown.length > 60 ? `${shown.slice(0, 59)}…` : shown, reason: problem });
			continue;
		}
		const key = nameKey(name);
		if (seen.has(key)) result.duplicates.push(name);
		else {
			seen.add(key);
			result.names.push(name);
		}
	}
	return result;
}
