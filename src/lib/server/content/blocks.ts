/**
 * Splits an article's plain text into headings and paragraphs. Offsets always index
 * the unchanged text, so a paragraph joined across a hard line break keeps that
 * newline inside it and every selector position stays valid.
 */

export interface Block {
	kind: 'heading' | 'paragraph';
	start: number;
	end: number;
}

export interface Structure {
	/** The exact text of each line that is a section heading. */
	headings: string[];
	/** Text that ends a line which runs on into the next line of the same paragraph. */
	joinLinesAfter: string[];
}

/** The article's blocks in reading order. Throws if the structure names text that is not there. */
export function blocksOf(text: string, structure: Structure): Block[] {
	const lines: { start: number; end: number; text: string }[] = [];
	let at = 0;
	for (const line of text.split('\n')) {
		lines.push({ start: at, end: at + line.length, text: line });
		at += line.length + 1;
	}
	const headings = new Set(structure.headings);
	for (const heading of headings) {
		if (!lines.some((l) => l.text.trim() === heading)) {
			throw new Error(`heading "${heading}" is not a line of the article`);
		}
	}
	for (const join of structure.joinLinesAfter) {
		if (!lines.some((l) => l.text.trimEnd().endsWith(join))) {
			throw new Error(`no line ends with "${join}"`);
		}
	}

	const blocks: Block[] = [];
	let open: Block | undefined;
	for (const line of lines) {
		if (line.text.trim() === '') {
			open = undefined;
			continue;
		}
		if (headings.has(line.text.trim())) {
			blocks.push({ kind: 'heading', start: line.start, end: line.end });
			open = undefined;
			continue;
		}
		if (open) open.end = line.end;
		else blocks.push((open = { kind: 'paragraph', start: line.start, end: line.end }));
		const runsOn = structure.joinLinesAfter.some((j) => line.text.trimEnd().endsWith(j));
		if (!runsOn) open = undefined;
	}
	return blocks;
}
