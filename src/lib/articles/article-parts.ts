/**
 * The parts of an article a teacher brings in, as the review form shows them: the
 * headline, the body (section headings as lines starting with "## ", paragraphs
 * separated by an empty line) and the byline, where every field may honestly be
 * "not given". Pasted text, .txt and .md files become parts here; HTML is reduced
 * to the same parts on the server (html-article.ts). Plain TypeScript, no framework; its
 * problems are written in the request's language (Paraglide's compiled messages).
 */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** One block of the article text as stored: a heading or a paragraph, with its offsets. */
export interface PartBlock {
	kind: 'heading' | 'paragraph';
	start: number;
	end: number;
}

/** What the review form holds; empty strings mean "not given". */
export interface ArticleParts {
	title: string;
	body: string;
	outlet: string;
	author: string;
	/** YYYY-MM-DD, or empty. */
	date: string;
	originalUrl: string;
	language: string;
}

/** The parts checked and ready to store: "not given" is null. */
export interface CheckedParts {
	title: string;
	text: string;
	blocks: PartBlock[];
	outlet: string | null;
	author: string | null;
	date: string | null;
	originalUrl: string | null;
	language: string;
}

export interface PartProblem {
	field: keyof ArticleParts;
	message: string;
}

export const LIMITS = { title: 300, byline: 200, url: 2000, textChars: 200_000, paragraphs: 2000 } as const;

const HEADING = /^#{1,6}[ \t]+/;

/** Spaces tidied, invisible characters (but line breaks) removed, Unicode normalised. */
function tidyLine(line: string): string {
	return line
		.normalize('NFC')
		.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g, '')
		.replace(/[ \t\u00a0]+/g, ' ')
		.trim();
}

/**
 * The blocks of a body in the review format: a block starting with "## " is a section
 * heading (one line), anything else a paragraph whose lines run on with spaces.
 */
export function bodyBlocks(body: string): { kind: 'heading' | 'paragraph'; text: string }[] {
	const blocks: { kind: 'heading' | 'paragraph'; text: string }[] = [];
	for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
		const lines = chunk.split('\n').map(tidyLine).filter((l) => l !== '');
		if (lines.length === 0) continue;
		// A heading line inside a chunk still starts its own block.
		let paragraph: string[] = [];
		const flush = () => {
			if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
			paragraph = [];
		};
		for (const line of lines) {
			if (HEADING.test(line)) {
				flush();
				const text = line.replace(HEADING, '').trim();
				if (text) blocks.push({ kind: 'heading', text });
			} else paragraph.push(line);
		}
		flush();
	}
	return blocks;
}

/** The stored text (blocks separated by an empty line) and each block's offsets in it. */
export function textAndBlocks(blocks: { kind: 'heading' | 'paragraph'; text: string }[]): { text: string; blocks: PartBlock[] } {
	let text = '';
	const out: PartBlock[] = [];
	for (const block of blocks) {
		if (text) text += '\n\n';
		out.push({ kind: block.kind, start: text.length, end: text.length + block.text.length });
		text += block.text;
	}
	return { text, blocks: out };
}

/** The review form's body for stored text and blocks (the way back from textAndBlocks). */
export function bodyOf(text: string, blocks: PartBlock[]): string {
	return blocks.map((b) => (b.kind === 'heading' ? '## ' : '') + text.slice(b.start, b.end).replace(/\n/g, ' ')).join('\n\n');
}

const empty = (over: Partial<ArticleParts>): ArticleParts => ({
	title: '',
	body: '',
	outlet: '',
	author: '',
	date: '',
	originalUrl: '',
	language: 'en',
	...over
});

/**
 * Parts of pasted or .txt text: the first line is the headline, paragraphs are separated
 * by empty lines (when there are none, every line is a paragraph), and "## " lines stay
 * headings. Nothing else is guessed: the byline is left "not given" for the teacher.
 */
export function partsFromText(input: string): ArticleParts {
	const lines = input.replace(/\r\n?/g, '\n').split('\n');
	const first = lines.findIndex((l) => tidyLine(l) !== '');
	if (first === -1) return empty({});
	const title = tidyLine(lines[first]).replace(HEADING, '');
	const rest = lines.slice(first + 1).join('\n');
	const hasBlankLines = /\n[ \t]*\n/.test(rest.trim());
	const body = hasBlankLines ? rest : rest.split('\n').join('\n\n');
	return empty({ title, body: bodyBlocks(body).map(asBody).join('\n\n') });
}

/** Markdown inline marks reduced to their words: links to their text, images dropped. */
function plainMarkdown(line: string): string {
	return line
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(^|[^\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?=[^\w*]|$)/g, '$1$2')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/<[^>]*>/g, '');
}

/**
 * Parts of a Markdown file: the first "# " heading (or else the first line) is the
 * headline, "##"–"######" headings become section headings, quotes and list items
 * become paragraphs, and inline marks are reduced to their words. Front matter, code
 * fences and horizontal rules are left out.
 */
export function partsFromMarkdown(input: string): ArticleParts {
	let source = input.replace(/\r\n?/g, '\n');
	source = source.replace(/^---\n[\s\S]*?\n---\n/, '');
	source = source.replace(/^```[\s\S]*?^```[ \t]*$/gm, '');
	const lines = source
		.split('\n')
		.filter((l) => !/^\s*([-*_])(\s*\1){2,}\s*$/.test(l))
		.map((l) => l.replace(/^\s{0,3}>\s?/, '').replace(/^\s*([-*+]|\d+[.)])\s+/, ''));
	let title = '';
	const titleAt = lines.findIndex((l) => /^#\s+/.test(l));
	if (titleAt !== -1) {
		title = plainMarkdown(tidyLine(lines[titleAt].replace(/^#\s+/, '')));
		lines.splice(titleAt, 1);
	} else {
		const first = lines.findIndex((l) => tidyLine(l) !== '');
		if (first !== -1) title = plainMarkdown(tidyLine(lines.splice(first, 1)[0]));
	}
	const body = lines.map((l) => (HEADING.test(l.trim()) ? '\n' + '## ' + plainMarkdown(l.trim().replace(HEADING, '')) + '\n' : plainMarkdown(l))).join('\n');
	return empty({ title, body: bodyBlocks(body).map(asBody).join('\n\n') });
}

const asBody = (b: { kind: 'heading' | 'paragraph'; text: string }) => (b.kind === 'heading' ? `## ${b.text}` : b.text);

/** Parts from blocks found elsewhere (HTML), with whatever byline the page itself gave. */
export function partsFromBlocks(title: string, blocks: { kind: 'heading' | 'paragraph'; text: string }[], byline: Partial<ArticleParts> = {}): ArticleParts {
	const tidy = blocks.map((b) => ({ kind: b.kind, text: tidyLine(b.text.replace(/\s+/g, ' ')) })).filter((b) => b.text !== '');
	return empty({ ...byline, title: tidyLine(title.replace(/\s+/g, ' ')), body: tidy.map(asBody).join('\n\n') });
}

/** A date as YYYY-MM-DD when it names a real day; null otherwise. */
export function isoDay(value: string): string | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
	if (!m) return null;
	const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3] ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Checks the reviewed parts; every problem names its field in words a teacher understands. */
export function checkParts(parts: ArticleParts): { ok: true; parts: CheckedParts } | { ok: false; problems: PartProblem[] } {
	const problems: PartProblem[] = [];
	const title = tidyLine(parts.title);
	if (!title) problems.push({ field: 'title', message: m.author_err_headline() });
	else if (title.length > LIMITS.title) problems.push({ field: 'title', message: m.author_err_headline_long({ max: LIMITS.title }) });

	const blocks = bodyBlocks(parts.body);
	if (!blocks.some((b) => b.kind === 'paragraph')) problems.push({ field: 'body', message: m.author_err_paragraph() });
	const { text, blocks: stored } = textAndBlocks(blocks);
	if (text.length > LIMITS.textChars) problems.push({ field: 'body', message: m.author_err_text_long({ max: LIMITS.textChars.toLocaleString(getLocale()), count: text.length.toLocaleString(getLocale()) }) });
	if (blocks.length > LIMITS.paragraphs) problems.push({ field: 'body', message: m.author_err_blocks({ max: LIMITS.paragraphs }) });

	const optional = (field: 'outlet' | 'author', tooLong: string) => {
		const value = tidyLine(parts[field]);
		if (value.length > LIMITS.byline) problems.push({ field, message: tooLong });
		return value || null;
	};
	const outlet = optional('outlet', m.author_err_outlet_long({ max: LIMITS.byline }));
	const author = optional('author', m.author_err_author_long({ max: LIMITS.byline }));

	let date: string | null = null;
	if (parts.date.trim()) {
		date = isoDay(parts.date);
		if (!date || parts.date.trim().length !== 10) problems.push({ field: 'date', message: m.author_err_date() });
	}

	let originalUrl: string | null = null;
	const url = parts.originalUrl.trim();
	if (url) {
		let parsed: URL | null = null;
		try {
			parsed = new URL(url);
		} catch {
			/* refused below */
		}
		if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || url.length > LIMITS.url) {
			problems.push({ field: 'originalUrl', message: m.author_err_original() });
		} else originalUrl = parsed.href;
	}

	const language = parts.language.trim() || 'en';
	if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) problems.push({ field: 'language', message: m.author_err_language() });

	if (problems.length) return { ok: false, problems };
	return { ok: true, parts: { title, text, blocks: stored, outlet, author, date, originalUrl, language } };
}
