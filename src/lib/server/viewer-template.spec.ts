import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml, fillViewerTemplate, makeViewerTemplate, scriptString } from './viewer-template';

const SLOT = 'viewer-slot-test';
const text = (body: Uint8Array) => new TextDecoder().decode(body);
const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
const script = (name: string) => `start({data:[{type:"data",data:{viewer:{kind:"student",name:${name}}}}]});`;
const page = (htmlName: string, scriptName: string) =>
	`<nav><a href="/me">My classes</a> <span>${htmlName}</span></nav><main>Article</main><script>${script(scriptName)}</script><script>other()</script>`;

describe('viewer templates', () => {
	const rendered = page(SLOT, `"${SLOT}"`);
	const csp = `script-src 'self' ${hashOf(script(`"${SLOT}"`))} ${hashOf('other()')}`;
	const template = makeViewerTemplate(rendered, csp, SLOT);

	it.each([
		['Ana', 'Ana', '"Ana"'],
		['Zoë & "Ben"', 'Zoë &amp; &quot;Ben&quot;', '"Zoë & \\"Ben\\""'],
		['</script><script>alert(1)</script>', '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;', '"\\u003C/script>\\u003Cscript>alert(1)\\u003C/script>"'],
		['a\u2028b', 'a\u2028b', '"a\\u2028b"']
	])('fills %j as text in the page and as a string literal in the script', (name, asHtml, asScript) => {
		// Twice: the second time the CSP comes from the template's memo of names.
		for (let i = 0; i < 2; i++) {
			const filled = fillViewerTemplate(template, name);
			expect(text(filled.body)).toBe(page(asHtml, asScript));
			expect(text(filled.body)).not.toContain(SLOT);
			// The CSP allows the filled script (and still the untouched one), not the template's.
			expect(filled.csp).toBe(`script-src 'self' ${hashOf(script(asScript))} ${hashOf('other()')}`);
		}
	});

	it('makes script strings that evaluate back to the name', () => {
		for (const name of ['</script>', 'O\'Neil', '\\', 'a\u2028b\u2029c', '<!--']) expect(JSON.parse(scriptString(name).replace(/\\u003C/g, '<'))).toBe(name);
		expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
	});

	it('refuses a script holding the slot outside a string literal', () => {
		expect(() => makeViewerTemplate(`<script>x=${SLOT}</script>`, null, SLOT)).toThrow(/outside a string literal/);
	});

	it('leaves a page without the slot unchanged for everyone', () => {
		const plain = makeViewerTemplate('<p>Same for all</p>', null, SLOT);
		expect(text(fillViewerTemplate(plain, 'Ana').body)).toBe('<p>Same for all</p>');
	});
});
