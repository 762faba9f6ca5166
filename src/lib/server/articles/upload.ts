/**
 * A file a teacher uploads as an article: .txt, .md or .html, text in UTF-8, at most
 * MAX_UPLOAD_BYTES. Anything else is refused with a message before it is parsed.
 */
import { partsFromMarkdown, partsFromText, type ArticleParts } from '$lib/articles/article-parts';
import { DomainError } from '../domain-error';
import { articleFromHtml } from './html-article';

/** Under adapter-node's 512 KB body limit, so the app always gets to say why. */
export const MAX_UPLOAD_BYTES = 400 * 1024;

const KINDS = { txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' } as const;

/** The file's text, or a DomainError saying why it cannot be an article. */
export function uploadText(file: { name: string; size: number; bytes: Uint8Array } | null): { kind: 'text' | 'markdown' | 'html'; text: string } {
	if (!file || file.size === 0) throw new DomainError('Choose a .txt, .md or .html file to upload.');
	const extension = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
	const kind = KINDS[extension as keyof typeof KINDS];
	if (!kind) throw new DomainError(`“${file.name.slice(0, 80)}” is not a .txt, .md or .html file. Save the article in one of those, or paste its text.`, 415);
	if (file.size > MAX_UPLOAD_BYTES) {
		throw new DomainError(`That file is ${Math.ceil(file.size / 1024)} KB; an article file can be at most ${MAX_UPLOAD_BYTES / 1024} KB.`, 413);
	}
	if (file.bytes.includes(0)) throw new DomainError('That file is not text (it looks like a program, an image or a document file). Save the article as .txt, .md or .html.', 415);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
	} catch {
		throw new DomainError('That file is not text in UTF-8 (it may be a word-processor file or an image). Save the article as UTF-8 .txt, .md or .html.', 415);
	}
	return { kind, text: text.replace(/^\ufeff/, '') };
}

/** The article parts in an uploaded file. */
export function partsFromUpload(file: { name: string; size: number; bytes: Uint8Array } | null): ArticleParts {
	const { kind, text } = uploadText(file);
	if (kind === 'html') return articleFromHtml(text);
	return kind === 'markdown' ? partsFromMarkdown(text) : partsFromText(text);
}
