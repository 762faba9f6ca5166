import { describe, expect, it } from 'vitest';
import { htmlToText, questionHtml } from './exchange-html';

describe('htmlToText', () => {
	it('keeps paragraphs as lines, drops tags and scripts, decodes entities once', () => {
		expect(htmlToText('<p>A &amp;lt; b</p><script>alert(1)</script><p>C&nbsp;&#233;&#x41;</p>')).toBe('A &lt; b\nC éA');
	});
});

describe('questionHtml', () => {
	it('escapes the prompt and quotes the passage, and htmlToText reads it back', () => {
		const q = { name: 'n', kind: 'multichoice' as const, single: true, text: 'Is <b> & "x" bold?', passage: ['One.', 'Two <i>'], options: [], generalFeedback: '', graderInfo: '', notCarried: [] };
		expect(questionHtml(q)).toBe('<p>Is &lt;b&gt; &amp; &quot;x&quot; bold?</p><blockquote><p>One.</p><p>Two &lt;i&gt;</p></blockquote>');
		expect(htmlToText(questionHtml(q))).toBe('Is <b> & "x" bold?\nOne.\nTwo <i>');
	});
});
