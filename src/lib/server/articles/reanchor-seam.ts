/**
 * Re-anchoring claims and notes when a teacher edits an article's text (issue 10,
 * section 3). editArticleText calls this inside its transaction, after the new version
 * is stored and before it becomes current.
 *
 * Each annotation placed on the old version is mapped through the diff between the two
 * texts (src/lib/anchoring/reanchor.ts). Only an `exact` result is attached: its new
 * selectors and the new version are stored. A `confirm` or `orphan` result changes
 * nothing: the annotation keeps its old version and selectors, which is what marks it as
 * waiting; the editor re-anchors it from its own version's text when showing it, so the
 * teacher confirms the candidate, retargets or deletes it (annotation-editor.ts), and the
 * reader never shows it to students meanwhile. One placed on an even older version still
 * waits, and is shown against the newest text the same way.
 */
import { and, eq } from 'drizzle-orm';
import { reanchor } from '$lib/anchoring/reanchor';
import type { DatabaseHandle, Transaction } from '../db/database';
import { isUnplaced } from './unplaced';

export interface TextEdit {
	articleId: string;
	from: { id: string; text: string };
	to: { id: string; text: string };
}

/** Re-anchors the article's annotations from one version's text to the next; returns how many attached and how many wait. */
export async function reanchorAfterTextEdit(tx: Transaction, { tables: t }: DatabaseHandle, edit: TextEdit): Promise<{ attached: number; waiting: number }> {
	const rows = await tx
		.select()
		.from(t.annotations)
		.where(and(eq(t.annotations.articleId, edit.articleId), eq(t.annotations.versionId, edit.from.id)));
	const results = reanchor(
		edit.from.text,
		edit.to.text,
		// An imported orphan has no place to carry; it waits for its teacher on any version.
		rows.filter((a) => !isUnplaced(a)).map((a) => ({ id: a.id, start: a.positionStart, end: a.positionEnd, exact: a.quoteExact, prefix: a.quotePrefix, suffix: a.quoteSuffix }))
	);
	let attached = 0;
	for (const r of results) {
		if (r.status !== 'exact') continue;
		const { quote, position } = r.selectors;
		await tx
			.update(t.annotations)
			.set({ versionId: edit.to.id, quoteExact: quote.exact, quotePrefix: quote.prefix, quoteSuffix: quote.suffix, positionStart: position.start, positionEnd: position.end })
			.where(eq(t.annotations.id, r.id));
		attached++;
	}
	return { attached, waiting: rows.length - attached };
}
