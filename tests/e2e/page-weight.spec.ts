import { scriptWeight } from '../../bench/script-weight.js';
import { expect, READER, test } from './fixtures';

// The foundation issue's budget: the reader's JavaScript is at most 40 KB gzipped, in both
// of the interface's languages (issue 12 §1).
// Svelte features used anywhere (such as <svelte:element>) can land in the shared runtime
// chunk every page loads, so a change far from the reader can break this.
for (const [language, acceptLanguage] of [
	['English', 'en-US,en;q=0.9'],
	['Spanish', 'es-MX,es;q=0.9']
]) {
	test(`the reader loads at most 40 KB of JavaScript, gzipped, in ${language}`, async ({ request, baseURL }) => {
		const response = await request.get(READER, { headers: { 'accept-language': acceptLanguage } });
		const html = await response.text();
		expect(html).toContain(`<html lang="${acceptLanguage.slice(0, 2)}">`);
		const weight = await scriptWeight(`${baseURL}${READER}`, html, response.headers()['link'] ?? null);
		expect(weight.files).toBeGreaterThan(0);
		expect(weight.gzipBytes).toBeLessThanOrEqual(40 * 1024);
	});
}
