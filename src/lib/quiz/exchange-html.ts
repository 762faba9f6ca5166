/**
 * Moodle's text fields are HTML: plain text in (escaped, one paragraph per line) and out
 * (tags dropped, entities decoded). The output is only ever shown as text, never as HTML.
 */
import type { ExchangeQuestion } from './exchange';

/** Plain text of a Moodle HTML field: block ends become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
	return decodeEntities(
		html
			// Every pattern stops at the next "<", so no input makes them slower than linear.
			.replace(/<(script|style)\b[^<>]*>[^<]*<\/\1\s*>/gi, '')
			.replace(/<br\s*\/?>/gi, '\n')
			.replace(/<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, '\n')
			.replace(/<[^<>]*>/g, '')
	)
		.replace(/[ \t\u00a0]+/g, ' ')
		.replace(/ *\n */g, '\n')
		.replace(/\n{2,}/g, '\n')
		.trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
		}
		return NAMED[body.toLowerCase()] ?? whole;
	});
}

/** Text made safe inside HTML. */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A question's text for Moodle as HTML: the prompt, then the passage as quoted paragraphs. */
export function questionHtml(q: ExchangeQuestion): string {
	const prompt = q.text.split('\n').map((p) => `<p>${escapeHtml(p)}</p>`).join('');
	const passage = q.passage.length ? `<blockquote>${q.passage.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</blockquote>` : '';
	return prompt + passage;
}

/** Plain text as one HTML paragraph per line. */
export function textHtml(text: string): string {
	return text
		.split('\n')
		.filter((l) => l.trim())
		.map((p) => `<p>${escapeHtml(p)}</p>`)
		.join('');
}
