/**
 * The units the edit corpus (and the editor's sentence list) work in: lines (the article's
 * paragraphs and headings), sentences and words, all as offsets into the text.
 */

export interface Sentence {
	start: number;
	end: number;
	endWithSpace: number;
	line: number;
}

/** Sentences of every non-empty line (see `sentenceEnds`), with the spaces after each. */
export function sentences(text: string): Sentence[] {
	const found: Sentence[] = [];
	lines(text).forEach((line, lineIndex) => {
		let start = line.start;
		const body = text.slice(line.start, line.end);
		const ends = sentenceEnds(body).map((end) => line.start + end);
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

/**
 * Where the sentences of `body` end (offsets into it, the last one its length): after
 * . ! or ? and any closing quotes, before whitespace or the end, but not after an initial
 * such as the S. of "U.S.".
 */
export function sentenceEnds(body: string): number[] {
	const ends = [...body.matchAll(/[.!?]+["”’)]*(?=\s|$)/g)]
		.filter((m) => !/(^|[\s.])[A-Z]\.$/.test(body.slice(0, m.index! + m[0].length)))
		.map((m) => m.index! + m[0].length);
	if (ends.at(-1) !== body.length) ends.push(body.length);
	return ends;
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
