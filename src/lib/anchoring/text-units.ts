/**
 * The units the edit corpus works in: lines (the article's paragraphs and headings),
 * sentences and words, all as offsets into the text.
 */

export interface Sentence {
	start: number;
	end: number;
	endWithSpace: number;
	line: number;
}

/**
 * Sentences of every non-empty line: they end at . ! or ? (with any closing quotes) before
 * a space or the line's end, but not after an initial such as the S. of "U.S.".
 */
export function sentences(text: string): Sentence[] {
	const found: Sentence[] = [];
	lines(text).forEach((line, lineIndex) => {
		let start = line.start;
		const body = text.slice(line.start, line.end);
		const ends = [...body.matchAll(/[.!?]+["”’)]*(?= |$)/g)]
			.filter((m) => !/(^|[\s.])[A-Z]\.$/.test(body.slice(0, m.index! + m[0].length)))
			.map((m) => line.start + m.index! + m[0].length);
		if (ends.at(-1) !== line.end) ends.push(line.end);
		for (const end of ends) {
			while (start < end && text[start] === ' ') start++;
			if (start < end) {
				let endWithSpace = end;
				while (endWithSpace < line.end && text[endWithSpace] === ' ') endWithSpace++;
				found.push({ start, end, endWithSpace, line: lineIndex });
			}
			start = end;
		}
	});
	return found;
}

/** Non-empty lines, end exclusive of the line break. */
export function lines(text: string): { start: number; end: number }[] {
	const found: { start: number; end: number }[] = [];
	let at = 0;
	for (const line of text.split('\n')) {
		if (line.trim() !== '') found.push({ start: at, end: at + line.length });
		at += line.length + 1;
	}
	return found;
}

/** Words of three letters or more in text[from, to). */
export function wordsIn(text: string, from: number, to: number): { start: number; end: number }[] {
	const found: { start: number; end: number }[] = [];
	for (const m of text.slice(from, to).matchAll(/[A-Za-z][A-Za-z’']{2,}/g)) found.push({ start: from + m.index!, end: from + m.index! + m[0].length });
	return found;
}

/** Whether `words` stand right at `at` or end right before it (ignoring whitespace). */
export function twinAt(text: string, at: number, words: string): boolean {
	return text.startsWith(words, at) || text.slice(0, at).trimEnd().endsWith(words);
}
