// npm run bench: throughput of the reader page against a bare node:http baseline
// measured in the same run, and the reader's JavaScript weight. Needs a build (the npm
// script builds first). Figures are ratios, because these machines are noisy.
import autocannon from 'autocannon';
import { gzipSync } from 'node:zlib';
import { startApp, startBare } from './servers.js';

const READER = 'articles/mexico-says-no-to-us-troops';
const DURATION = Number(process.env.BENCH_SECONDS || 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);

function load(url) {
	return new Promise((resolve, reject) => {
		autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (error, result) => {
			if (error) reject(error);
			else if (result.non2xx > 0 || result.errors > 0) reject(new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
			else resolve({ rps: result.requests.average, p99: result.latency.p99 });
		});
	});
}

/** Sum of the gzipped size of every script the reader page loads. */
async function readerScriptWeight(base, html, linkHeader) {
	const urls = new Set();
	for (const match of `${linkHeader ?? ''} ${html}`.matchAll(/(?:<|["'(])((?:\.\.\/|\/)?_app\/immutable\/[^"'>)\s]+\.js)/g)) {
		urls.add(new URL(match[1], `${base}${READER}`).href);
	}
	let total = 0;
	for (const url of urls) total += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
	return { files: urls.size, gzipBytes: total };
}

const fmt = (r) => `${r.rps.toFixed(0).padStart(6)} req/s   p99 ${String(r.p99).padStart(4)} ms`;

const app = await startApp();
const uncached = await startApp({ PAGE_CACHE: 'off' });
try {
	const response = await fetch(`${app.url}${READER}`);
	const html = await response.text();
	const weight = await readerScriptWeight(app.url, html, response.headers.get('link'));
	const bare = await startBare(html, response.headers.get('content-type'));
	try {
		// Warm both up, then measure baseline, app, baseline, app and keep each one's better run.
		await load(bare.url);
		await load(`${app.url}${READER}`);
		const runs = { bare: [], app: [] };
		for (let i = 0; i < 2; i++) {
			runs.bare.push(await load(bare.url));
			runs.app.push(await load(`${app.url}${READER}`));
		}
		await load(`${uncached.url}${READER}`);
		const rendered = await load(`${uncached.url}${READER}`);
		const best = (list) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
		const [b, a] = [best(runs.bare), best(runs.app)];
		console.log(`\nReader page (${(html.length / 1024).toFixed(0)} KB of HTML), ${CONNECTIONS} connections, ${DURATION}s runs`);
		console.log(`  bare node:http, same bytes   ${fmt(b)}`);
		console.log(`  Attribution Lab reader       ${fmt(a)}`);
		console.log(`  ratio (app / bare)           ${(a.rps / b.rps).toFixed(2)}   (aim: at least 0.6)`);
		console.log(`  rendered every time          ${fmt(rendered)}   ratio ${(rendered.rps / b.rps).toFixed(2)}`);
		console.log(`  (the app serves public article pages from a cache of their rendered bytes, checked`);
		console.log(`   against the content stamp; visitors with cookies, later signed-in users, get the last line)`);
		console.log(`\nReader JavaScript: ${(weight.gzipBytes / 1024).toFixed(1)} KB gzipped in ${weight.files} files (budget: 40 KB)`);
	} finally {
		bare.stop();
	}
} finally {
	app.stop();
	uncached.stop();
}
