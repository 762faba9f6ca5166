// Posting the kit's forms as a browser does, and setting up a practice attempt to answer:
// shared by the answer benchmarks (bench/answers.js, bench/backup.js).

export const SLUG = 'mexico-says-no-to-us-troops';
export const QUIZ = `${SLUG}/quiz-mexico-attribution`;

/** Posts a form the way a browser does (same Origin, asking for HTML), not following redirects. */
export function formPost(base, path, fields, cookie) {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields).toString()
	});
}

/** Like formPost, but insists on a redirect (what every form here answers when it worked). */
export async function mustRedirect(base, path, fields, cookie) {
	const response = await formPost(base, path, fields, cookie);
	if (response.status !== 303) throw new Error(`${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
	return response;
}

export const cookieOf = (response) => response.headers.get('set-cookie').split(';')[0];

/**
 * The first question in `pages` (question pages by number) with one choice and a certainty
 * scale, as its form shows it: its number, key and first option's position.
 */
export async function choiceQuestion(pageAt) {
	for (let n = 1; n <= 30; n++) {
		const html = await pageAt(n);
		const choice = html.match(/type="radio" name="choice" value="([^"]+)"/);
		const key = html.match(/name="question" value="([^"]+)"/);
		if (choice && key && html.includes('name="certainty"')) return { n, key: key[1], choice: choice[1], html };
	}
	throw new Error('No question with one choice and a certainty scale was found.');
}

/** A practice attempt started anonymously, and the answer form for its first choice question. */
export async function seedPractice(base) {
	const started = await mustRedirect(base, `/articles/${SLUG}/practice?/start`, {});
	const cookie = cookieOf(started);
	const q = await choiceQuestion(async (n) => (await fetch(`${base}/articles/${SLUG}/practice/${n}`, { headers: { cookie } })).text());
	return {
		attemptId: cookie.split('=')[1].split('.')[0],
		questionKey: q.key,
		path: `/articles/${SLUG}/practice/${q.n}?/answer`,
		body: new URLSearchParams({ question: q.key, choice: q.choice, certainty: '2' }).toString(),
		cookie,
		n: q.n
	};
}

