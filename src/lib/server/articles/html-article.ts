/**
 * Reduces an HTML page to an article's parts. The page is parsed by jsdom, which runs
 * no scripts and fetches nothing, sanitised by DOMPurify (scripts, styles, event
 * handlers, frames and forms go), then reduced to its article by Mozilla Readability,
 * and only the words of its headings and paragraphs are kept. Nothing of the page is
 * ever rendered as HTML.
 */
import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { Readability } from '@mozilla/readability';
import { isoDay, partsFromBlocks, type ArticleParts } from '$lib/articles/article-parts';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';

/** Why a page was refused as an article (in the request's language). */
export const notAnArticle = () => m.author_err_not_article();

/** The page's HTML with everything that could run or load removed (DOMPurify on a jsdom window). */
export function sanitiseHtml(html: string): string {
	const { window } = new JSDOM('');
	const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
	return purify.sanitize(html, {
		WHOLE_DOCUMENT: true,
		FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'noscript'],
		FORBID_ATTR: ['style']
	});
}

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td';

/** The page's headings and paragraphs in order; nested blocks count once, by their innermost. */
function blocksOf(root: Element): { kind: 'heading' | 'paragraph'; text: string; level: number }[] {
	const out: { kind: 'heading' | 'paragraph'; text: string; level: number }[] = [];
	for (const el of root.querySelectorAll(BLOCKS)) {
		if (el.querySelector(BLOCKS)) continue;
		const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
		if (!text) continue;
		const heading = /^H([1-6])$/.exec(el.tagName);
		out.push({ kind: heading ? 'heading' : 'paragraph', text, level: heading ? Number(heading[1]) : 0 });
	}
	return out;
}

/** A page's own meta value, by name or property. */
function meta(doc: Document, ...names: string[]): string {
	for (const name of names) {
		const el = doc.querySelector(`meta[name="${name}" i], meta[property="${name}" i]`);
		const value = el?.getAttribute('content')?.trim();
		if (value) return value;
	}
	return '';
}

/**
 * The article in `html`, as parts for the review form. The byline is only what the page
 * itself states (its byline, site name, publication date, language); anything it does
 * not state stays empty, "not given". Refuses a page with no article in it.
 */
export function articleFromHtml(html: string, address?: string): ArticleParts {
	// The page's own statements about itself are read from its head before sanitising
	// removes the head's meta tags (jsdom runs no scripts, so reading is safe).
	const raw = new JSDOM(html).window.document;
	const lang = (raw.documentElement.getAttribute('lang') ?? '').trim();
	const pageDate = meta(raw, 'article:published_time', 'date', 'dc.date', 'pubdate');
	const pageSite = meta(raw, 'og:site_name', 'application-name');
	const pageAuthor = meta(raw, 'author', 'article:author', 'dc.creator');
	const doc = new JSDOM(sanitiseHtml(html), address ? { url: address } : {}).window.document;
	const found = new Readability(doc, { charThreshold: 200 }).parse();
	if (!found?.content || (found.textContent ?? '').trim().length < 200) throw new DomainError(notAnArticle(), 422);
	// Readability returns HTML; it is read back as a document fragment and never shown.
	const article = new JSDOM(`<body>${found.content}</body>`).window.document.body;
	let blocks = blocksOf(article);
	let title = (found.title ?? '').trim();
	// Readability keeps the page's headline as a heading at the top when it finds one.
	if (blocks[0]?.kind === 'heading' && (!title || blocks[0].text === title || blocks[0].level === 1)) {
		title = blocks[0].text;
		blocks = blocks.slice(1);
	}
	if (!blocks.some((b) => b.kind === 'paragraph')) throw new DomainError(notAnArticle(), 422);
	const date = isoDay(found.publishedTime || pageDate) ?? '';
	const language = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : (found.lang ?? '').match(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)?.[0] ?? 'en';
	return partsFromBlocks(title, blocks, {
		author: (found.byline || pageAuthor).replace(/^by\s+/i, '').trim(),
		outlet: (found.siteName || pageSite).trim(),
		date,
		originalUrl: address ?? '',
		language
	});
}
