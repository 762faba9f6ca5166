import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchArticlePage, FetchRefused, loopbackAllowedForTests } from './fetch-article';
import { NEWS_PAGE, serveFixtures, standardRoutes, type FixtureServer } from '../../../../tests/fixtures/articles/pages';

let server: FixtureServer;
beforeAll(async () => {
	server = await serveFixtures(standardRoutes(() => server.origin));
});
afterAll(() => server.close());

const test = { allowLoopback: true };

async function refusal(promise: Promise<unknown>): Promise<FetchRefused> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(FetchRefused);
	return error as FetchRefused;
}

describe('fetchArticlePage', () => {
	it('fetches a page from the fixture server (loopback allowed for the test)', async () => {
		const page = await fetchArticlePage(`${server.origin}/news/bus-routes`, test);
		expect(page.html).toBe(NEWS_PAGE);
		expect(page.url).toBe(`${server.origin}/news/bus-routes`);
	});

	it('refuses loopback itself when not told otherwise (this server, 127.0.0.1, localhost, [::1])', async () => {
		for (const address of ['http://127.0.0.1/news/bus-routes', 'http://localhost/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://2130706433/']) {
			const e = await refusal(fetchArticlePage(address));
			expect(e.message).toMatch(/this server itself/);
			expect(e.status).toBe(400);
		}
	});

	it('refuses private and link-local addresses, given directly or by DNS', async () => {
		const resolve = async (host: string) => (host === 'intranet.school.test' ? [{ address: '192.168.10.4', family: 4 }] : [{ address: 'fe80::1', family: 6 }]);
		for (const address of ['http://10.1.2.3/', 'http://169.254.169.254/latest/meta-data', 'http://[fd00::1]/', 'http://intranet.school.test/', 'http://printer.test/']) {
			const e = await refusal(fetchArticlePage(address, { resolve }));
			expect(e.message).toMatch(/private or local network/);
		}
	});

	it('refuses a name with any private address among its answers', async () => {
		const resolve = async () => [
			{ address: '93.184.215.14', family: 4 },
			{ address: '10.0.0.1', family: 4 }
		];
		expect((await refusal(fetchArticlePage('http://mixed.test/', { resolve }))).message).toMatch(/private or local/);
	});

	it('checks every redirect: to a private address, to a mapped IPv6 private address, to a file', async () => {
		expect((await refusal(fetchArticlePage(`${server.origin}/to-private`, test))).message).toMatch(/private or local/);
		expect((await refusal(fetchArticlePage(`${server.origin}/to-mapped`, test))).message).toMatch(/private or local/);
		expect((await refusal(fetchArticlePage(`${server.origin}/to-file`, test))).message).toMatch(/only fetches web pages/);
	});

	it('follows up to three redirects and no more', async () => {
		const page = await fetchArticlePage(`${server.origin}/go/1`, test);
		expect(page.url).toBe(`${server.origin}/news/bus-routes`);
		expect((await refusal(fetchArticlePage(`${server.origin}/go/0`, test))).message).toMatch(/more than 3 times/);
	});

	it('gives up after the time limit', async () => {
		const e = await refusal(fetchArticlePage(`${server.origin}/slow`, { ...test, timeoutMs: 300 }));
		expect(e.message).toMatch(/took too long/);
	});

	it('stops reading a page over the size cap', async () => {
		const e = await refusal(fetchArticlePage(`${server.origin}/big`, test));
		expect(e.message).toMatch(/too big/);
		expect(e.status).toBe(413);
	});

	it('refuses what is not a web page, and addresses that are not http(s)', async () => {
		expect((await refusal(fetchArticlePage(`${server.origin}/paper.pdf`, test))).message).toMatch(/application\/pdf/);
		expect((await refusal(fetchArticlePage(`${server.origin}/missing`, test))).message).toMatch(/no page at this address/);
		expect((await refusal(fetchArticlePage('ftp://example.org/a.html'))).message).toMatch(/only fetches web pages/);
		expect((await refusal(fetchArticlePage('javascript:alert(1)'))).message).toMatch(/only fetches web pages/);
		expect((await refusal(fetchArticlePage('not an address'))).message).toMatch(/not a web address/);
		expect((await refusal(fetchArticlePage('http://user:pw@example.org/'))).message).toMatch(/user name or password/);
	});

	it('fetches only from the web’s ports, 80 and 443, before asking DNS anything', async () => {
		let asked = 0;
		const resolve = async () => {
			asked++;
			return [{ address: '10.0.0.1', family: 4 }];
		};
		for (const address of ['http://example.org:8080/news', 'https://example.org:22/', 'http://example.org:6379/', `${server.origin}/news/bus-routes`]) {
			const e = await refusal(fetchArticlePage(address, { resolve }));
			expect(e.message).toMatch(/only fetches from the web’s usual ports \(80 and 443\), not port \d+/);
			expect(e.status).toBe(400);
		}
		expect(asked).toBe(0);
		// The usual ports, written out or not, go on to the address check.
		for (const address of ['http://example.org:80/', 'https://example.org:443/', 'https://example.org/']) {
			expect((await refusal(fetchArticlePage(address, { resolve }))).message).toMatch(/private or local network/);
		}
		expect(asked).toBe(3);
	});

	it('counts the name lookup against the time limit (a resolver that never answers)', async () => {
		const started = Date.now();
		const e = await refusal(fetchArticlePage('https://slow-dns.example.org/', { resolve: () => new Promise(() => {}), timeoutMs: 200 }));
		expect(e.message).toMatch(/took too long/);
		expect(Date.now() - started).toBeLessThan(3000);
	});

	it('allows loopback in a server only when the test-only setting says so', () => {
		const before = process.env.ARTICLE_FETCH_LOOPBACK_FOR_TESTS;
		delete process.env.ARTICLE_FETCH_LOOPBACK_FOR_TESTS;
		expect(loopbackAllowedForTests()).toBe(false);
		process.env.ARTICLE_FETCH_LOOPBACK_FOR_TESTS = 'yes';
		expect(loopbackAllowedForTests()).toBe(false);
		process.env.ARTICLE_FETCH_LOOPBACK_FOR_TESTS = 'allow';
		expect(loopbackAllowedForTests()).toBe(true);
		if (before === undefined) delete process.env.ARTICLE_FETCH_LOOPBACK_FOR_TESTS;
		else process.env.ARTICLE_FETCH_LOOPBACK_FOR_TESTS = before;
	});
});
