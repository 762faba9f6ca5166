/**
 * Reads W3C Web Annotations (an AnnotationCollection, an AnnotationPage, one Annotation,
 * or a JSON list of them) into plain anchors: the words each annotation targets, by quote
 * and position, and its body text. Pure: it fetches nothing and touches no database, so the
 * caller decides which article the anchors go on and anchors them there (position first,
 * checked against the quote, then the quote with its prefix and suffix; what cannot be
 * placed is an orphan). Written for the kit's own export and for other tools' (Hypothesis:
 * a target list, TextQuote + TextPosition + Range selectors, pages inline under first/next).
 * Problems come back as a list a teacher can read, each saying where it is, in the
 * request's language (read when found, never module constants: issue 12 §1).
 */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** The JSON-LD context every Web Annotation document uses. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** More than this many characters is not an annotation file a teacher would upload. */
export const MAX_IMPORT_CHARS = 5_000_000;
/** More annotations than this in one file are refused rather than half-read. */
export const MAX_IMPORT_ANNOTATIONS = 5_000;

/** One body of an annotation, as text. */
export interface ImportedBody {
	purpose: string | null;
	value: string;
	/** The body's media type when it gives one (text/plain, text/html, text/markdown). */
	format: string | null;
	/** The body's language when it gives one (the kit's export gives a note's versions each their own body). */
	language?: string | null;
}

/** The words an annotation points at and what it says about them. */
export interface ImportedAnchor {
	/** The annotation's id, when it has one. */
	id: string | null;
	/** The annotated document (the target's source), when named. */
	source: string | null;
	/** From a TextPositionSelector: offsets into the document's plain text; null without one. */
	start: number | null;
	end: number | null;
	/** From a TextQuoteSelector: the exact words and the context around them; null without one. */
	exact: string | null;
	prefix: string;
	suffix: string;
	motivation: string | null;
	/** Every textual body's text, joined by blank lines (tags left out). */
	body: string;
	bodies: ImportedBody[];
}

/** Something wrong in the file: where (a path such as `first.items[3].target`) and what. */
export interface ImportProblem {
	at: string;
	message: string;
}

/**
 * The anchors read and the problems met. `ok` is false when nothing could be read (not
 * JSON, not annotations, or not one usable annotation); otherwise the problems are the
 * annotations that were skipped, and why.
 */
export interface ImportResult {
	ok: boolean;
	anchors: ImportedAnchor[];
	problems: ImportProblem[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const types = (v: Json): string[] => asList(v.type ?? v['@type']).filter((t): t is string => typeof t === 'string');
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Reads a file's text (or already-parsed JSON) into anchors; see ImportResult. */
export function parseAnnotations(input: string | unknown): ImportResult {
	let data: unknown = input;
	if (typeof input === 'string') {
		if (input.length > MAX_IMPORT_CHARS) return fail('(file)', m.rest_w3c_too_big({ max: MAX_IMPORT_CHARS.toLocaleString(getLocale()) }));
		try {
			data = JSON.parse(input.replace(/^\uFEFF/, ''));
		} catch (error) {
			return fail('(file)', m.rest_w3c_not_json({ why: error instanceof Error ? error.message : m.rest_w3c_unreadable() }));
		}
	}

	const problems: ImportProblem[] = [];
	const found = annotationsIn(data, problems);
	if (found === null) return { ok: false, anchors: [], problems };
	if (found.length > MAX_IMPORT_ANNOTATIONS) {
		return fail('(file)', m.rest_w3c_too_many({ count: found.length, max: MAX_IMPORT_ANNOTATIONS.toLocaleString(getLocale()) }));
	}

	const anchors: ImportedAnchor[] = [];
	const seenIds = new Set<string>();
	for (const { at, value } of found) {
		const anchor = readAnnotation(value, at, problems);
		if (!anchor) continue;
		if (anchor.id !== null) {
			if (seenIds.has(anchor.id)) {
				problems.push({ at, message: m.rest_w3c_skipped({ why: m.rest_w3c_same_id({ id: anchor.id }) }) });
				continue;
			}
			seenIds.add(anchor.id);
		}
		anchors.push(anchor);
	}
	if (anchors.length === 0 && problems.length === 0) problems.push({ at: '(file)', message: m.rest_w3c_no_annotations() });
	return { ok: anchors.length > 0, anchors, problems };
}

function fail(at: string, message: string): ImportResult {
	return { ok: false, anchors: [], problems: [{ at, message }] };
}

/**
 * The annotations in a document, each with its path, following inline pages (first, then
 * each next). Null, with the reason in `problems`, when the document is none of the
 * shapes annotations come in.
 */
function annotationsIn(data: unknown, problems: ImportProblem[]): { at: string; value: unknown }[] | null {
	if (Array.isArray(data)) return data.map((value, i) => ({ at: `[${i}]`, value }));
	if (!isObject(data)) {
		problems.push({ at: '(file)', message: m.rest_w3c_not_object() });
		return null;
	}
	const context = asList(data['@context']);
	if (!context.includes(ANNO_CONTEXT)) {
		problems.push({ at: '@context', message: m.rest_w3c_context({ context: ANNO_CONTEXT }) });
		return null;
	}
	const kind = types(data);
	if (kind.includes('Annotation')) return [{ at: '(annotation)', value: data }];
	if (kind.includes('AnnotationPage')) return pageItems(data, '', problems);
	if (kind.includes('AnnotationCollection')) {
		const first = data.first;
		if (first === undefined) {
			if (data.total === 0) return [];
			problems.push({ at: 'first', message: m.rest_w3c_no_first() });
			return null;
		}
		if (typeof first === 'string') {
			problems.push({ at: 'first', message: m.rest_w3c_pages_linked({ first }) });
			return null;
		}
		if (!isObject(first)) {
			problems.push({ at: 'first', message: m.rest_w3c_first_not_page() });
			return null;
		}
		return pageItems(first, 'first', problems);
	}
	problems.push({ at: 'type', message: m.rest_w3c_wrong_type({ type: kind.length ? kind.map((k) => `"${k}"`).join(', ') : m.rest_w3c_type_missing() }) });
	return null;
}

/** The items of a page and of every page linked inline after it by `next`. */
function pageItems(page: Json, at: string, problems: ImportProblem[]): { at: string; value: unknown }[] | null {
	const found: { at: string; value: unknown }[] = [];
	let current: unknown = page;
	let path = at;
	// Pages can only chain forward; a cycle in a hand-made file must not loop forever.
	const seen = new Set<unknown>();
	while (isObject(current) && !seen.has(current)) {
		seen.add(current);
		const items = current.items;
		if (!Array.isArray(items)) {
			problems.push({ at: path ? `${path}.items` : 'items', message: m.rest_w3c_no_items() });
			return found.length ? found : null;
		}
		items.forEach((value, i) => found.push({ at: `${path ? `${path}.` : ''}items[${i}]`, value }));
		if (typeof current.next === 'string') {
			problems.push({ at: `${path ? `${path}.` : ''}next`, message: m.rest_w3c_next_linked({ next: current.next }) });
		}
		current = current.next;
		path = `${path ? `${path}.` : ''}next`;
	}
	return found;
}

/** One annotation as an anchor, or null with the reason it was skipped in `problems`. */
function readAnnotation(value: unknown, at: string, problems: ImportProblem[]): ImportedAnchor | null {
	const skip = (where: string, message: string) => {
		problems.push({ at: where, message: m.rest_w3c_skipped({ why: message }) });
		return null;
	};
	if (!isObject(value)) return skip(at, m.rest_w3c_annotation_object());
	if (!types(value).includes('Annotation')) return skip(`${at}.type`, m.rest_w3c_annotation_type());
	const id = value.id ?? value['@id'];
	if (id !== undefined && typeof id !== 'string') return skip(`${at}.id`, m.rest_w3c_id_string());

	const targets = asList(value.target);
	if (targets.length === 0) return skip(`${at}.target`, m.rest_w3c_no_target());
	let chosen: { source: string | null; selectors: Selected } | null = null;
	for (const [i, target] of targets.entries()) {
		const where = `${at}.target${Array.isArray(value.target) ? `[${i}]` : ''}`;
		if (typeof target === 'string') continue;
		if (!isObject(target)) return skip(where, m.rest_w3c_target_shape());
		const selectors = readSelectors(target.selector, `${where}.selector`);
		if ('problem' in selectors) return skip(selectors.problem.at, selectors.problem.message);
		if (selectors.quote || selectors.position) {
			chosen = { source: str(target.source) ?? str(target.id), selectors };
			break;
		}
	}
	if (!chosen) {
		return skip(`${at}.target`, m.rest_w3c_no_selector());
	}

	const motivation = asList(value.motivation).find((m): m is string => typeof m === 'string') ?? null;
	const bodies = readBodies(value);
	const { quote, position } = chosen.selectors;
	return {
		id: typeof id === 'string' ? id : null,
		source: chosen.source,
		start: position?.start ?? null,
		end: position?.end ?? null,
		exact: quote?.exact ?? null,
		prefix: quote?.prefix ?? '',
		suffix: quote?.suffix ?? '',
		motivation,
		body: inOneLanguage(bodies.filter((b) => b.purpose !== 'tagging'))
			.map((b) => b.value)
			.join('\n\n'),
		bodies
	};
}

interface Selected {
	quote?: { exact: string; prefix: string; suffix: string };
	position?: { start: number; end: number };
}

/**
 * The first quote and position selectors of a target, or the problem with a malformed one.
 * Both are kept even when they disagree: the position indexes the other tool's text, and
 * anchoring checks it against the quote before trusting it.
 */
function readSelectors(value: unknown, at: string): Selected | { problem: ImportProblem } {
	const selected: Selected = {};
	const bad = (where: string, message: string) => ({ problem: { at: where, message } });
	const list = asList(value);
	for (const [i, selector] of list.entries()) {
		const where = Array.isArray(value) ? `${at}[${i}]` : at;
		if (!isObject(selector)) return bad(`${where}`, m.rest_w3c_selector_object());
		const kind = types(selector);
		if (kind.includes('TextQuoteSelector') && !selected.quote) {
			if (typeof selector.exact !== 'string' || selector.exact === '') return bad(`${where}.exact`, m.rest_w3c_quote_exact());
			for (const side of ['prefix', 'suffix'] as const) {
				if (selector[side] !== undefined && typeof selector[side] !== 'string') return bad(`${where}.${side}`, m.rest_w3c_side_text({ side }));
			}
			selected.quote = { exact: selector.exact, prefix: str(selector.prefix) ?? '', suffix: str(selector.suffix) ?? '' };
		} else if (kind.includes('TextPositionSelector') && !selected.position) {
			if (!isCount(selector.start) || !isCount(selector.end)) return bad(`${where}`, m.rest_w3c_position_counts());
			if (selector.end <= selector.start) return bad(`${where}`, m.rest_w3c_position_order());
			selected.position = { start: selector.start, end: selector.end };
		}
		// Other selectors (RangeSelector's XPath, CSS, fragment) describe the other tool's page, not the text.
	}
	return selected;
}

/**
 * The bodies in the language the first one that names a language is in, with those that
 * name none: the same note in another language is a version of it, not more of its text.
 */
function inOneLanguage(bodies: ImportedBody[]): ImportedBody[] {
	const lead = bodies.find((b) => b.language)?.language;
	return bodies.filter((b) => !b.language || b.language === lead);
}

/** The textual bodies of an annotation (bodyValue counts as one plain-text body). */
function readBodies(annotation: Json): ImportedBody[] {
	const bodies: ImportedBody[] = [];
	if (typeof annotation.bodyValue === 'string') bodies.push({ purpose: null, value: annotation.bodyValue, format: 'text/plain' });
	for (const body of asList(annotation.body)) {
		if (!isObject(body)) continue;
		const value = str(body.value) ?? str(body.chars);
		if (value === null) continue;
		const purpose = asList(body.purpose).find((p): p is string => typeof p === 'string') ?? null;
		bodies.push({ purpose, value, format: str(body.format), language: str(body.language) });
	}
	return bodies;
}
