/**
 * The claim ledger: filtering claims by speaker, form and check, and the balance of
 * voices (how many words and claims the article gives each speaker).
 */
import type { ClaimView, SpeakerView } from './types';
import { ATTRIBUTION_FORMS, CHECKS, type AttributionForm, type Check } from './vocabulary';

export interface LedgerFilters {
	speaker: string | null;
	form: AttributionForm | null;
	check: Check | null;
}

/** Reads filters from a query string, ignoring values that are not real options. */
export function parseFilters(params: URLSearchParams, speakers: SpeakerView[]): LedgerFilters {
	const pick = <T extends string>(value: string | null, allowed: readonly T[]) =>
		allowed.includes(value as T) ? (value as T) : null;
	return {
		speaker: pick(params.get('speaker'), speakers.map((s) => s.key)),
		form: pick(params.get('form'), ATTRIBUTION_FORMS),
		check: pick(params.get('check'), CHECKS)
	};
}

/** The claims that pass every filter that is set. */
export function filterClaims(claims: ClaimView[], filters: LedgerFilters): ClaimView[] {
	return claims.filter(
		(c) =>
			(!filters.speaker || c.speaker === filters.speaker) &&
			(!filters.form || c.form === filters.form) &&
			(!filters.check || c.check === filters.check)
	);
}

/** Words in a passage, counting hyphenated and apostrophe words once. */
export function countWords(text: string): number {
	return text.match(/[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export interface VoiceShare {
	speaker: string;
	name: string;
	claims: number;
	words: number;
}

/** Words and claims per speaker, largest share of words first. */
export function balanceOfVoices(claims: ClaimView[], speakers: SpeakerView[]): VoiceShare[] {
	return speakers
		.map((s) => {
			const own = claims.filter((c) => c.speaker === s.key);
			return {
				speaker: s.key,
				name: s.name,
				claims: own.length,
				words: own.reduce((sum, c) => sum + countWords(c.quote), 0)
			};
		})
		.sort((a, b) => b.words - a.words || a.name.localeCompare(b.name));
}
