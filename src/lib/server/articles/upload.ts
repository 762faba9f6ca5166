/**
 * A file a teacher uploads as an article: .txt, .md or .html, text in UTF-8, at most
 * MAX_UPLOAD_BYTES. Anything else is refused with a message before it is parsed.
 */
import { partsFromMarkdown, partsFromText, type ArticleParts } from '$lib/articles/article-parts';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { articleFromHtml } from './html-article';

/** Under adapter-node's 512 KB body limit, so the app always gets to say why. */
export const MAX_UPLOAD_BYTES = 400 * 1024;

const KINDS = { txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' } as const;

/** The file's text, or a DomainError saying why it cannot be an article. */
export function uploadText(file: { name: string; size: number; bytes: Uint8Array } | null): { kind: 'text' | 'markdown' | 'html'; text: string } {
	if (!file || file.size === 0) throw new DomainError(m.author_err_choose_file());
	const extension = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
	const kind = KINDS[extension as keyof typeof KINDS];
	if (!kind) throw new DomainError(m.author_err_file_kind({ name: file.name.slice(0, 80) }), 415);
	if (file.size > MAX_UPLOAD_BYTES) {
		throw new DomainError(m.author_file_too_big({ size: Math.ceil(file.size / 1024), max: MAX_UPLOAD_BYTES / 1024 }), 413);
	}
	if (file.bytes.includes(0)) throw new DomainError(m.author_err_not_text(), 415);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
	} catch {
		throw new DomainError(m.author_err_not_utf8(), 415);
	}
	return { kind, text: text.replace(/^\ufeff/, '') };
}

/** The article parts in an uploaded file. */
export function partsFromUpload(file: { name: string; size: number; bytes: Uint8Array } | null): ArticleParts {
	const { kind, text } = uploadText(file);
	if (kind === 'html') return articleFromHtml(text);
	return kind === 'markdown' ? partsFromMarkdown(text) : partsFromText(text);
}
