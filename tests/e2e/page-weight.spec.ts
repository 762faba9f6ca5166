import { scriptWeight } from '../../bench/script-weight.js';
import { expect, READER, test } from './fixtures';

// The foundation issue's budget: the reader's JavaScript is at most 40 KB gzipped.
// Svelte features used anywhere (such as <svelte:element>) can land in the shared runtime
// chunk every page loads, so a change far from the reader can break this.
test('the reader loads at most 40 KB of JavaScript, gzipped', async ({ request, baseURL }) => {
	const response = await request.get(READER);
	const weight = await scriptWeight(`${baseURL}${READER}`, await response.text(), response.headers()['link'] ?? null);
	expect(weight.files).toBeGreaterThan(0);
	expect(weight.gzipBytes).toBeLessThanOrEqual(40 * 1024);
});
