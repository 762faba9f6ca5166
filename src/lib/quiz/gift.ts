/**
 * GIFT, Moodle's plain-text question format, both ways. Writing: every text is HTML
 * (the `[html]` format, so the quoted passage keeps its paragraphs) and then escaped for
 * GIFT, whose special characters are ~ = # { } : and the backslash. Reading: the four
 * kinds the kit can take (multiple choice, true/false, short answer, essay); anything
 * else is reported as skipped, with the reason. Moodle's own reader is the reference:
 * questions are separated by blank lines, a line starting with // is a comment.
 */
import { MARKING_GUIDE, type ExchangeQuestion, type ExchangeQuiz, type ParsedFile, type Skipped } from './exchange';
import { htmlToText, questionHtml, textHtml } from './exchange-html';
import { m } from '$lib/i18n/messages';

/** Escapes GIFT's special characters (and line breaks, which would end a question). */
export function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

function unescapeGift(text: string): string {
	return text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

/** `// ` comment lines for text that may hold line breaks. */
function comment(text: string): string {
	return text
		.split('\n')
		.map((l) => `// ${l}`.trimEnd())
		.join('\n');
}

function fraction(f: number): string {
	return String(Number(f.toFixed(5)));
}

function questionGift(q: ExchangeQuestion): string {
	const lines: string[] = [];
	if (q.notCarried.length) lines.push(comment(`${q.name}. Not carried over: ${q.notCarried.join('; ')}.`));
	let general = q.generalFeedback;
	if (q.kind === 'essay' && q.graderInfo) {
		// GIFT has no grader information, so the marking guide follows the explanation.
		lines.push(comment(`GIFT cannot hold grader information: the marking guide is in the general feedback, after “${MARKING_GUIDE}”.`));
		general = `${general}\n${MARKING_GUIDE}\n${q.graderInfo}`;
	}
	const head = `::${escapeGift(q.name)}::[html]${escapeGift(questionHtml(q))}`;
	const answers = q.options.map((o) => {
		const mark = q.single ? (o.fraction >= 100 ? '=' : '~') : `~%${fraction(o.fraction)}%`;
		return `\t${mark}${escapeGift(textHtml(o.text) || ' ')}${o.feedback ? `#${escapeGift(textHtml(o.feedback))}` : ''}`;
	});
	const feedback = general.trim() ? `\t####${escapeGift(textHtml(general))}` : '';
	lines.push(`${head} {`, ...answers, ...(feedback ? [feedback] : []), '}');
	return lines.join('\n');
}

/** The quiz as a GIFT file; its opening comments say what could not carry over. */
export function writeGift(quiz: ExchangeQuiz): string {
	const notes = [...quiz.notCarried, 'per question, what is listed in the comment above it'];
	const header = [
		comment(`“${quiz.title}”, exported from Attribution Lab.`),
		...(quiz.description ? [comment(quiz.description)] : []),
		comment('Not carried over:'),
		...notes.map((n) => comment(`- ${n}`)),
		`$CATEGORY: $course$/top/${quiz.title.replace(/[\r\n/]/g, ' ')}`
	];
	return `${header.join('\n')}\n\n${quiz.questions.map(questionGift).join('\n\n')}\n`;
}

// ————— Reading —————

/** Index of the first `token` in `text` at or after `from` that no backslash escapes, or -1. */
function findUnescaped(text: string, token: string, from = 0): number {
	for (let i = from; i <= text.length - token.length; i++) {
		if (text[i] === '\\') {
			i++;
			continue;
		}
		if (text.startsWith(token, i)) return i;
	}
	return -1;
}

/** Splits `text` at every unescaped `~` or `=` that starts an answer. */
function splitAnswers(text: string): { mark: '=' | '~'; body: string }[] {
	const answers: { mark: '=' | '~'; body: string }[] = [];
	let current: { mark: '=' | '~'; body: string } | null = null;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\\') {
			if (current) current.body += text.slice(i, i + 2);
			i++;
			continue;
		}
		if (c === '=' || c === '~') {
			current = { mark: c, body: '' };
			answers.push(current);
			continue;
		}
		if (current) current.body += c;
		else if (c.trim()) return []; // text before the first answer: not a choice list
	}
	return answers;
}

type Format = 'html' | 'moodle' | 'plain' | 'markdown';

function readText(raw: string, format: Format): string {
	const text = unescapeGift(raw).trim();
	// Moodle's own format allows HTML too; plain and markdown are taken as written.
	return format === 'html' || format === 'moodle' ? htmlToText(text) : text;
}

function feedbackSplit(body: string): [string, string] {
	const at = findUnescaped(body, '#');
	return at === -1 ? [body, ''] : [body.slice(0, at), body.slice(at + 1)];
}

/** One question block (comments already gone), or why it was skipped. */
function readQuestion(block: string, number: number): ExchangeQuestion | Skipped | null {
	let rest = block.trim();
	if (rest.startsWith('$CATEGORY:')) return null;
	let name = `Question ${number}`;
	if (rest.startsWith('::')) {
		const end = findUnescaped(rest, '::', 2);
		if (end === -1) return { name, reason: m.author_mi_gift_title() };
		name = unescapeGift(rest.slice(2, end)).trim() || name;
		rest = rest.slice(end + 2).trimStart();
	}
	let format: Format = 'moodle';
	const formatMatch = /^\[(html|moodle|plain|markdown)\]/.exec(rest);
	if (formatMatch) {
		format = formatMatch[1] as Format;
		rest = rest.slice(formatMatch[0].length);
	}
	const open = findUnescaped(rest, '{');
	if (open === -1) return { name, reason: m.author_mi_gift_no_answers({ braces: '{ }' }) };
	const close = findUnescaped(rest, '}', open + 1);
	if (close === -1) return { name, reason: m.author_mi_gift_no_close({ brace: '}' }) };
	if (findUnescaped(rest, '{', close + 1) !== -1) return { name, reason: m.author_mi_gift_two_blocks() };
	const after = rest.slice(close + 1).trim();
	// A "missing word" question: the blank stands where the answers were.
	const text = readText(after ? `${rest.slice(0, open).trimEnd()} _____ ${after}` : rest.slice(0, open), format);
	let answers = rest.slice(open + 1, close);
	let generalFeedback = '';
	const general = findUnescaped(answers, '####');
	if (general !== -1) {
		generalFeedback = readText(answers.slice(general + 4), format);
		answers = answers.slice(0, general);
	}
	answers = answers.trim();
	const base = { name, text, passage: [], generalFeedback, graderInfo: '', notCarried: [], single: true };

	if (answers === '') return { ...base, kind: 'essay', options: [] };
	if (answers.startsWith('#')) return { name, reason: m.author_mi_type_numerical() };
	const tf = /^(T|TRUE|F|FALSE)\s*(#|$)/.exec(answers);
	if (tf) {
		// Moodle reads {T#a#b} as: a is the feedback on the wrong answer, b on the right one.
		const [, wrong = '', right = ''] = answers.split(/(?<!\\)#/).map((s) => readText(s, format));
		const isTrue = tf[1].startsWith('T');
		return {
			...base,
			kind: 'truefalse',
			options: [
				{ text: 'True', fraction: isTrue ? 100 : 0, feedback: isTrue ? right : wrong },
				{ text: 'False', fraction: isTrue ? 0 : 100, feedback: isTrue ? wrong : right }
			]
		};
	}
	const parts = splitAnswers(answers);
	if (parts.length === 0) return { name, reason: m.author_mi_gift_unreadable() };
	if (parts.some((p) => findUnescaped(p.body, '->') !== -1)) return { name, reason: m.author_mi_type_matching() };
	const options = [];
	for (const part of parts) {
		let body = part.body.trim();
		let weight: number | null = null;
		const w = /^%(-?\d{1,3}(?:\.\d+)?)%/.exec(body);
		if (w) {
			weight = Number(w[1]);
			if (weight < -100 || weight > 100) return { name, reason: m.author_mi_gift_weight({ weight: w[1] }) };
			body = body.slice(w[0].length);
		}
		const [answer, feedback] = feedbackSplit(body);
		options.push({ text: readText(answer, format), fraction: weight ?? (part.mark === '=' ? 100 : 0), feedback: readText(feedback, format) });
	}
	// As Moodle reads GIFT: only "=" answers make a short answer; any "=" makes one right answer.
	if (parts.every((p) => p.mark === '=')) return { ...base, kind: 'shortanswer', options };
	return { ...base, kind: 'multichoice', single: parts.some((p) => p.mark === '='), options };
}

/** Reads a GIFT file into exchange questions, listing every question it skipped and why. */
export function parseGift(source: string): ParsedFile {
	const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	let category: string | null = null;
	const blocks: string[] = [];
	let current: string[] = [];
	for (const line of lines) {
		if (/^\s*\/\//.test(line)) continue;
		if (line.trim() === '') {
			if (current.length) blocks.push(current.join('\n'));
			current = [];
			continue;
		}
		const cat = /^\s*\$CATEGORY:\s*(.*)$/.exec(line);
		if (cat) {
			category = cat[1].trim().split('/').pop()?.trim() || null;
			continue;
		}
		current.push(line);
	}
	if (current.length) blocks.push(current.join('\n'));
	const questions: ExchangeQuestion[] = [];
	const skipped: Skipped[] = [];
	blocks.forEach((block, i) => {
		const read = readQuestion(block, i + 1);
		if (!read) return;
		if ('reason' in read) skipped.push(read);
		else questions.push(read);
	});
	return { category, questions, skipped };
}
