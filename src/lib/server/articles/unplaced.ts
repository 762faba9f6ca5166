/**
 * An imported annotation whose words were not found in the article is stored with this
 * position (start and end), instead of a place a fuzzy search might later guess: it is an
 * orphan, shown to its teacher with its quoted words for retargeting or deletion, and
 * never shown to students (reader.ts) or carried by a text edit (reanchor-seam.ts).
 */
export const UNPLACED = -1;

/** Whether a stored annotation is an imported orphan waiting for its teacher (see UNPLACED). */
export const isUnplaced = (a: { positionStart: number }) => a.positionStart < 0;
