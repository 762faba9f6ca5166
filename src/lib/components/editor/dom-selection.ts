/**
 * The browser side of choosing words with the mouse or a finger: where each end of the
 * page's selection is, as a block index and an offset into that block's text. The editor
 * renders each block's text exactly (no marker text nodes), so counting the characters
 * from the block's start to the point gives the anchoring module's offsets.
 */
import type { SelectionPoint } from '$lib/anchoring/selection';

/** The block element holding `node`, inside `root`, or null. */
function blockOf(root: HTMLElement, node: Node): HTMLElement | null {
	const element = node instanceof HTMLElement ? node : node.parentElement;
	const block = element?.closest<HTMLElement>('[data-block]');
	return block && root.contains(block) ? block : null;
}

/** One end of the selection as a block and offset, or null when it lies outside the article's blocks. */
function pointOf(root: HTMLElement, node: Node, offset: number): SelectionPoint | null {
	const block = blockOf(root, node);
	if (!block) return null;
	const range = document.createRange();
	range.setStart(block, 0);
	range.setEnd(node, offset);
	return { block: Number(block.dataset.block), offset: range.toString().length };
}

/** The selection's two ends inside `root`, or null when nothing is selected there. */
export function selectionPoints(root: HTMLElement): { anchor: SelectionPoint; focus: SelectionPoint } | null {
	const selection = document.getSelection();
	if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return null;
	if (!root.contains(selection.anchorNode) && !root.contains(selection.focusNode)) return null;
	const anchor = pointOf(root, selection.anchorNode, selection.anchorOffset);
	const focus = pointOf(root, selection.focusNode, selection.focusOffset);
	return anchor && focus ? { anchor, focus } : null;
}
