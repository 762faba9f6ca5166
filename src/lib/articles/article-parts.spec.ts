import { describe, expect, it } from 'vitest';
import { bodyBlocks, bodyOf, checkParts, partsFromMarkdown, partsFromText, textAndBlocks, type ArticleParts } from './article-parts';

const parts = (over: Partial<ArticleParts> = {}): ArticleParts => ({
	title: 'Council backs new bus routes',
	body: 'The council met.\n\n## Next\n\nRoutes start in June.',
	outlet: '',
	author: '',
	date: '',
	originalUrl: '',
	language: 'en',
	...over
});

describe('partsFromText', () => {
	it('takes the first line as the headline and empty lines as paragraph breaks', () => {
		const p = partsFromText('\n  Council backs   new routes \n\nThe council met\non Tuesday.\n\n## What next\n\nRoutes start in June.\n');
		expect(p.title).toBe('Council backs new routes');
		expect(p.body).toBe('The council met on Tuesday.\n\n## What next\n\nRoutes start in June.');
		expect([p.author, p.outlet, p.date, p.originalUrl]).toEqual(['', '', '', '']);
	});

	it('makes every line a paragraph when the text has no empty lines', () => {
		expect(partsFromText('Headline\r\nOne.\r\nTwo.').body).toBe('One.\n\nTwo.');
	});
});

describe('partsFromMarkdown', () => {
	it('reads headings, paragraphs, quotes and lists, and drops inline marks, images and code', () => {
		const md = `---\ntitle: x\n---\n# Council **backs** routes\n\nThe [council](https://x.test) met *on Tuesday*.\n\n![photo](a.png)\n\n## What next\n\n> “We need buses,” said Tom.\n\n- Routes start in June.\n\n\`\`\`\nrm -rf /\n\`\`\`\n\n---\n`;
		const p = partsFromMarkdown(md);
		expect(p.title).toBe('Council backs routes');
		expect(p.body).toBe('The council met on Tuesday.\n\n## What next\n\n“We need buses,” said Tom.\n\nRoutes start in June.');
	});
});

describe('bodyBlocks and textAndBlocks', () => {
	it('stores blocks separated by an empty line, with offsets that index the text', () => {
		const blocks = bodyBlocks('First   paragraph\nruns on.\n\n## A heading\nA paragraph right after.');
		expect(blocks).toEqual([
			{ kind: 'paragraph', text: 'First paragraph runs on.' },
			{ kind: 'heading', text: 'A heading' },
			{ kind: 'paragraph', text: 'A paragraph right after.' }
		]);
		const { text, blocks: stored } = textAndBlocks(blocks);
		expect(text).toBe('First paragraph runs on.\n\nA heading\n\nA paragraph right after.');
		expect(stored.map((b) => text.slice(b.start, b.end))).toEqual(['First paragraph runs on.', 'A heading', 'A paragraph right after.']);
		expect(bodyOf(text, stored)).toBe('First paragraph runs on.\n\n## A heading\n\nA paragraph right after.');
	});
});

describe('checkParts', () => {
	it('keeps what is given and stores "not given" as null', () => {
		const result = checkParts(parts({ author: '  Priya Shah ', date: '2025-03-14', originalUrl: 'https://gazette.test/bus' }));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.parts).toMatchObject({ author: 'Priya Shah', outlet: null, date: '2025-03-14', originalUrl: 'https://gazette.test/bus', language: 'en' });
		expect(result.parts.text).toBe('The council met.\n\nNext\n\nRoutes start in June.');
	});

	it.each([
		['title', { title: '  ' }, /headline/],
		['body', { body: '## Only a heading' }, /at least one paragraph/],
		['date', { date: '14/03/2025' }, /year-month-day/],
		['date', { date: '2025-02-30' }, /year-month-day/],
		['originalUrl', { originalUrl: 'javascript:alert(1)' }, /http/],
		['language', { language: 'English!' }, /short code/],
		['author', { author: 'x'.repeat(201) }, /at most 200/]
	])('refuses a bad %s', (field, over, message) => {
		const result = checkParts(parts(over));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toContainEqual({ field, message: expect.stringMatching(message) });
	});
});
