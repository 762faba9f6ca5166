import { describe, expect, it } from 'vitest';
import { articleFromHtml, sanitiseHtml } from './html-article';
import { partsFromUpload } from './upload';
import { NEWS_PAGE, NOT_AN_ARTICLE_PAGE } from '../../../../tests/fixtures/articles/pages';
import { DomainError } from '../domain-error';

describe('sanitiseHtml', () => {
	it('removes scripts, event handlers, javascript: links, frames and forms', () => {
		const clean = sanitiseHtml('<p onclick="steal()">Hi <a href="javascript:alert(1)">x</a><img src=x onerror="alert(2)"></p><script>alert(3)</script><iframe src="https://x.test"></iframe><form action="/x"><input></form>');
		expect(clean).not.toMatch(/onclick|onerror|javascript:|<script|<iframe|<form|<input|alert/);
		expect(clean).toContain('Hi');
	});
});

describe('articleFromHtml', () => {
	it('reduces a news page to its headline, headings, paragraphs and the byline the page states', () => {
		const parts = articleFromHtml(NEWS_PAGE, 'https://gazette.test/news/bus-routes');
		expect(parts.title).toBe('Council backs new bus routes');
		// Readability recognises the "By …" line as the byline and keeps it out of the text.
		expect(parts.body).toMatch(/^The council met on Tuesday evening/);
		expect(parts.body).toContain('\n\n## What happens next\n\n');
		expect(parts.body).toContain('“We need buses that reach the estates,” said councillor Tom Reed.');
		expect(parts).toMatchObject({ author: 'Priya Shah', outlet: 'Riverside Gazette', date: '2025-03-14', originalUrl: 'https://gazette.test/news/bus-routes', language: 'en-GB' });
	});

	it('keeps no script, handler or navigation in the parts', () => {
		const parts = articleFromHtml(NEWS_PAGE);
		const all = JSON.stringify(parts);
		expect(all).not.toMatch(/alert|stolen|document\.cookie|onclick|onerror|Sport|©/);
	});

	it('leaves the byline empty ("not given") when the page does not state it', () => {
		const bare = NEWS_PAGE.replace(/<meta[^>]*>/g, '').replace('<p class="byline">By Priya Shah</p>', '').replace(' lang="en-GB"', '');
		const parts = articleFromHtml(bare);
		expect(parts).toMatchObject({ author: '', outlet: '', date: '', originalUrl: '', language: 'en' });
	});

	it('refuses a page that is not an article, with a 422 and a message', () => {
		expect(() => articleFromHtml(NOT_AN_ARTICLE_PAGE)).toThrow(/could not find an article/);
		try {
			articleFromHtml(NOT_AN_ARTICLE_PAGE);
		} catch (e) {
			expect((e as DomainError).status).toBe(422);
		}
	});
});

describe('partsFromUpload', () => {
	const file = (name: string, content: string | Uint8Array) => {
		const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
		return { name, size: bytes.length, bytes };
	};
	it('reads .txt, .md and .html files', () => {
		expect(partsFromUpload(file('story.txt', 'Headline\n\nOne.')).title).toBe('Headline');
		expect(partsFromUpload(file('story.md', '# Headline\n\nOne.')).body).toBe('One.');
		expect(partsFromUpload(file('story.HTML', NEWS_PAGE)).author).toBe('Priya Shah');
	});
	it.each([
		['no file', null, 400, /Choose a .txt/],
		['another kind', file('story.docx', 'x'), 415, /not a .txt, .md or .html/],
		['a binary file', file('story.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])), 415, /not text/],
		['bytes that are not UTF-8', file('story.txt', new Uint8Array([0x48, 0xe9, 0x6c, 0x6c, 0x6f])), 415, /UTF-8/],
		['a huge file', { name: 'story.txt', size: 600 * 1024, bytes: new Uint8Array() }, 413, /at most 400 KB/]
	])('refuses %s', (_, upload, status, message) => {
		let caught: unknown;
		try {
			partsFromUpload(upload);
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(DomainError);
		expect((caught as DomainError).status).toBe(status);
		expect((caught as DomainError).message).toMatch(message);
	});
});
