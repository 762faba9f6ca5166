/**
 * Why a claim or note needs checking after a text edit, in the reader's language (issue 12 §1).
 * The anchoring modules give their reasons in English (they are plain, shared with the
 * browser, and the reader's cache keeps what they return); the words are chosen here, where
 * a page shows them, so a cached reason is never shown in the wrong language.
 */
import { m } from '$lib/paraglide/messages';

// Read when called (never module constants), so each request gets its own language.
const reasons: Record<string, () => string> = {
	'The annotation has no words to look for.': () => m.rest_reason_no_words(),
	'The words are no longer in the text.': () => m.rest_reason_words_gone(),
	'The words here were edited: check that the annotation still fits them.': () => m.rest_reason_edited_here(),
	'The passage now appears more than once: check which is the annotation’s.': () => m.rest_reason_more_than_once(),
	'The words were found elsewhere: check that it is the same passage.': () => m.rest_reason_found_elsewhere(),
	'The same words are still in the text; confirm this is where it belongs.': () => m.rest_reason_same_words(),
	'The quote is empty.': () => m.rest_reason_quote_empty(),
	'The quoted words are no longer in the text.': () => m.rest_reason_quote_gone(),
	'The text was edited and its teacher has not yet confirmed where this belongs.': () => m.rest_reason_unconfirmed()
};

/** `reason` (one of the anchoring modules' English reasons) in the request's language; any other text unchanged. */
export function reanchorReason(reason: string): string {
	return reasons[reason]?.() ?? reason;
}
