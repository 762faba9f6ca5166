import { annotationProblems, collectionProblems } from '../fixtures/w3c-annotation-model';
import { expect, READER, test } from './fixtures';

test('the JSON-LD export is a W3C AnnotationCollection over the plain text', async ({ request }) => {
	const text = await (await request.get(`${READER}/text.txt`)).text();
	const response = await request.get(`${READER}/annotations.jsonld`);
	expect(response.headers()['content-type']).toContain('application/ld+json');
	const collection = await response.json();
	expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
	expect(collection.type).toBe('AnnotationCollection');
	const items = collection.first.items as {
		motivation: string;
		body: { purpose: string; value: string }[];
		target: { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] };
	}[];
	expect(items).toHaveLength(collection.total);

	const claims = items.filter((a) => a.motivation === 'classifying');
	expect(claims.length).toBeGreaterThanOrEqual(30);
	for (const claim of claims) {
		const form = claim.body.find((b) => b.purpose === 'classifying')?.value;
		expect(['direct-quote', 'paraphrase', 'vague', 'writer', 'headline']).toContain(form);
		expect(claim.body.find((b) => b.purpose === 'identifying')?.value).toBeTruthy();
	}
	expect(items.some((a) => a.motivation === 'commenting')).toBe(true);
	expect(items.some((a) => a.motivation === 'assessing')).toBe(true);

	for (const item of items) {
		expect(item.target.source).toMatch(/\/text\.txt$/);
		const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
		const position = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
		expect(text.slice(position.start, position.end)).toBe(quote.exact);
	}
});

test('every annotation, as served, passes the W3C model on its own', async ({ request }) => {
	const collection = await (await request.get(`${READER}/annotations.jsonld`)).json();
	expect(collectionProblems(collection)).toEqual([]);
	const items = collection.first.items as { id: string }[];
	expect(items.length).toBeGreaterThan(60);
	const failing = items.map((item) => [item.id, annotationProblems(item)] as const).filter(([, problems]) => problems.length > 0);
	expect(failing).toEqual([]);
});

test('annotation ids dereference to the annotation, with an ETag; unknown ids are a JSON 404', async ({ request, baseURL }) => {
	const collection = await (await request.get(`${READER}/annotations.jsonld`)).json();
	const items = collection.first.items as { id: string }[];
	for (const item of [items[0], items.at(-1)!]) {
		expect(item.id).toMatch(new RegExp(`^${baseURL}${READER}/annotations/[a-z0-9-]+$`));
		const response = await request.get(item.id);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('application/ld+json');
		expect(await response.json()).toEqual(item);
		const etag = response.headers()['etag'];
		expect(etag).toMatch(/^"[^"]+"$/);
		const again = await request.get(item.id, { headers: { 'If-None-Match': etag } });
		expect(again.status()).toBe(304);
		expect(again.headers()['etag']).toBe(etag);
	}
	const other = await request.get(items[1].id, { headers: { 'If-None-Match': (await request.get(items[0].id)).headers()['etag'] } });
	expect(other.status()).toBe(200);

	for (const missing of [`${READER}/annotations/no-such-annotation`, '/articles/no-such-article/annotations/c1']) {
		const response = await request.get(missing);
		expect(response.status()).toBe(404);
		expect(response.headers()['content-type']).toContain('application/json');
		expect((await response.json()).error).toMatch(/no (annotation|article)/i);
	}
});

test('the home page leads to the article', async ({ page, expectNoAxeViolations }) => {
	await page.goto('/');
	await expectNoAxeViolations();
	await page.getByRole('link', { name: /Mexico Says No to U\.S\. Troops/ }).click();
	await expect(page).toHaveURL(READER);
});

test('an unknown article is a clear 404 with ways onward', async ({ page, expectNoAxeViolations }) => {
	const response = await page.goto('/articles/no-such-article');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that');
	await expect(page.getByText('There is no article at this address.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Go to the articles' })).toBeVisible();
	await expectNoAxeViolations();
});
