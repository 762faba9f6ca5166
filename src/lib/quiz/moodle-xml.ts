/**
 * Moodle XML, both ways, through fast-xml-parser (its builder escapes every text; its
 * parser reads entities only as XML's five and numeric ones). A file that declares a
 * DOCTYPE is refused before parsing: Moodle never writes one, and it is how entity
 * expansion ("billion laughs") and external entities get in. Nesting is capped far above
 * Moodle's (quiz › question › answer › feedback › text), so a deeply nested file is
 * refused rather than walked.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ExchangeOption, ExchangeQuestion, ExchangeQuiz, ParsedFile, Skipped } from './exchange';
import { htmlToText, questionHtml, textHtml } from './exchange-html';
import { m } from '$lib/i18n/messages';

/** A file the reader refuses as a whole; its message is for the teacher. */
export class UnreadableFile extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnreadableFile';
	}
}

const MAX_DEPTH = 16;

function fraction(f: number): string {
	return String(Number(f.toFixed(5)));
}

const html = (text: string) => ({ '@_format': 'html', text });

function questionXml(q: ExchangeQuestion) {
	const common = {
		'@_type': q.kind,
		name: { text: q.name },
		questiontext: html(questionHtml(q)),
		generalfeedback: html(textHtml(q.generalFeedback)),
		defaultgrade: '1',
		penalty: '0',
		hidden: '0'
	};
	if (q.kind === 'essay') {
		return {
			...common,
			responseformat: 'editor',
			responserequired: '1',
			responsefieldlines: '10',
			attachments: '0',
			attachmentsrequired: '0',
			graderinfo: html(textHtml(q.graderInfo)),
			responsetemplate: html('')
		};
	}
	return {
		...common,
		single: q.single ? 'true' : 'false',
		shuffleanswers: 'true',
		answernumbering: 'abc',
		answer: q.options.map((o) => ({ '@_fraction': fraction(o.fraction), '@_format': 'html', text: textHtml(o.text), feedback: html(textHtml(o.feedback)) }))
	};
}

/** XML comments cannot hold "--". */
function xmlComment(text: string): string {
	return `<!-- ${text.replace(/-{2,}/g, '–').replace(/-$/, '– ')} -->`;
}

/** The quiz as a Moodle XML file; comments, and the category's description, say what did not carry over. */
export function writeMoodleXml(quiz: ExchangeQuiz): string {
	const notes = [
		...quiz.notCarried.map((n) => `- ${n}`),
		...quiz.questions.filter((q) => q.notCarried.length).map((q) => `- ${q.name}: ${q.notCarried.join('; ')}`)
	];
	const info = [`“${quiz.title}”, exported from Attribution Lab.`, quiz.description, 'Not carried over:', ...notes].filter(Boolean).join('\n');
	const category = {
		'@_type': 'category',
		category: { text: `$course$/top/${quiz.title.replace(/\//g, ' ')}` },
		info: html(textHtml(info))
	};
	const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: false });
	const body = builder.build({ quiz: { question: [category, ...quiz.questions.map(questionXml)] } }) as string;
	return `<?xml version="1.0" encoding="UTF-8"?>\n${info
		.split('\n')
		.map(xmlComment)
		.join('\n')}\n${body}`;
}

// ————— Reading —————

/**
 * The deepest element nesting in `xml`, counted without parsing (stops early past `limit`).
 * A plain scan with indexOf, so no input makes it slower than linear; comments, CDATA and
 * declarations are skipped whole, and anything unclosed is left to the validator.
 */
function nestingDepth(xml: string, limit: number): number {
	let depth = 0;
	let deepest = 0;
	for (let at = xml.indexOf('<'); at !== -1 && deepest <= limit; at = xml.indexOf('<', at + 1)) {
		const skip = xml.startsWith('<!--', at) ? '-->' : xml.startsWith('<![CDATA[', at) ? ']]>' : xml[at + 1] === '!' || xml[at + 1] === '?' ? '>' : null;
		if (skip) {
			const end = xml.indexOf(skip, at);
			if (end === -1) break;
			at = end;
			continue;
		}
		const close = xml.indexOf('>', at);
		if (close === -1) break;
		if (xml[at + 1] === '/') depth--;
		else if (xml[close - 1] !== '/') depth = depth + 1;
		deepest = Math.max(deepest, depth);
		at = close;
	}
	return deepest;
}

type Node = Record<string, unknown>;

const TEXT_TAGS = ['question', 'answer', 'tag'];

function asNode(value: unknown): Node {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
}

/** The `<text>` inside a Moodle text field, as plain text. */
function textOf(field: unknown): string {
	const node = asNode(field);
	const text = node.text;
	const value = typeof text === 'string' || typeof text === 'number' ? String(text) : asNode(text)['#text'] !== undefined ? String(asNode(text)['#text']) : '';
	return node['@_format'] === 'plain_text' || node['@_format'] === 'markdown' ? value.trim() : htmlToText(value);
}

function answersOf(q: Node): ExchangeOption[] {
	const list = Array.isArray(q.answer) ? q.answer : [];
	return list.map((a) => {
		const node = asNode(a);
		const f = Number(node['@_fraction'] ?? 0);
		return { text: textOf(node), fraction: Number.isFinite(f) ? f : 0, feedback: textOf(node.feedback) };
	});
}

const TYPE_REASONS: Record<string, () => string> = {
	description: m.author_mi_type_description,
	matching: m.author_mi_type_matching,
	numerical: m.author_mi_type_numerical,
	calculated: m.author_mi_type_calculated,
	multianswer: m.author_mi_type_cloze,
	ddwtos: m.author_mi_type_ddwtos,
	gapselect: m.author_mi_type_gapselect
};

/**
 * Reads a Moodle XML file into exchange questions, listing every question it skipped and
 * why. Throws UnreadableFile when the file as a whole cannot be read.
 */
export function parseMoodleXml(source: string): ParsedFile {
	const xml = source.replace(/^\uFEFF/, '');
	if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
		throw new UnreadableFile(m.author_mi_xml_doctype());
	}
	if (nestingDepth(xml, MAX_DEPTH) > MAX_DEPTH) {
		throw new UnreadableFile(m.author_mi_xml_deep({ max: MAX_DEPTH }));
	}
	const valid = XMLValidator.validate(xml);
	if (valid !== true) {
		throw new UnreadableFile(m.author_mi_xml_malformed({ line: valid.err.line, detail: valid.err.msg }));
	}
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
		maxNestedTags: MAX_DEPTH + 2,
		processEntities: { enabled: true, maxEntityCount: 0, maxTotalExpansions: 10_000, maxExpandedLength: 1_000_000 },
		htmlEntities: false,
		isArray: (name) => TEXT_TAGS.includes(name)
	});
	let root: Node;
	try {
		root = asNode(parser.parse(xml));
	} catch {
		throw new UnreadableFile(m.author_mi_xml_unreadable());
	}
	if (!('quiz' in root)) throw new UnreadableFile(m.author_mi_xml_no_quiz());
	const questions: ExchangeQuestion[] = [];
	const skipped: Skipped[] = [];
	let category: string | null = null;
	const list = asNode(root.quiz).question;
	(Array.isArray(list) ? list : []).forEach((raw, i) => {
		const q = asNode(raw);
		const type = String(q['@_type'] ?? '');
		if (type === 'category') {
			category = textOf(q.category).split('/').pop()?.trim() || category;
			return;
		}
		const name = textOf(q.name) || `Question ${i + 1}`;
		const base = {
			name,
			text: textOf(q.questiontext),
			passage: [],
			generalFeedback: textOf(q.generalfeedback),
			graderInfo: '',
			notCarried: [],
			single: true
		};
		switch (type) {
			case 'multichoice': {
				const single = String(q.single ?? 'true').trim();
				questions.push({ ...base, kind: 'multichoice', single: single === 'true' || single === '1', options: answersOf(q) });
				return;
			}
			case 'truefalse': {
				// Moodle writes the answers "true" and "false"; each carries its fraction.
				const options = answersOf(q).map((o) => ({ ...o, text: /^true$/i.test(o.text) ? 'True' : /^false$/i.test(o.text) ? 'False' : o.text }));
				questions.push({ ...base, kind: 'truefalse', options });
				return;
			}
			case 'shortanswer':
				questions.push({ ...base, kind: 'shortanswer', options: answersOf(q) });
				return;
			case 'essay':
				questions.push({ ...base, kind: 'essay', options: [], graderInfo: textOf(q.graderinfo) });
				return;
			default:
				skipped.push({ name, reason: TYPE_REASONS[type]?.() ?? m.author_mi_type_other({ type: type || 'untyped' }) });
		}
	});
	return { category, questions, skipped };
}
