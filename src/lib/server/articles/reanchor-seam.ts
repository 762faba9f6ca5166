/**
 * THE SEAM for re-anchoring claims and notes when a teacher edits an article's text
 * (issue 10, section 3). editArticleText calls this inside its transaction, after the
 * new version is stored and before it becomes current.
 *
 * Today it changes nothing: every annotation keeps the selectors (quote with prefix and
 * suffix, and position) it was written against, and the reader re-anchors each one on
 * every build (anchor() in src/lib/anchoring: position checked against the quote, then
 * the fuzzy quote match), listing what it cannot place as an orphan, never silently
 * dropping it. The lead wires in the anchoring helper's module here: map each
 * annotation through the diff from `from.text` to `to.text`, store the new selectors
 * and version for confident matches, and mark the rest for the teacher to confirm.
 */
import type { DatabaseHandle, Transaction } from '../db/database';

export interface TextEdit {
	articleId: string;
	from: { id: string; text: string };
	to: { id: string; text: string };
}

/** Re-anchors the article's annotations from one version's text to the next (not yet: see above). */
export async function reanchorAfterTextEdit(_tx: Transaction, _handle: DatabaseHandle, _edit: TextEdit): Promise<void> {
	// Intentionally empty until the re-anchoring module lands; see the comment above.
}
