import { readPack } from '../../src/lib/server/content/read-pack';
import { SHIPPED_CONTENT, SLUG } from '../fixtures/content-pack';
import { expect, READER, test } from './fixtures';
import { join } from 'node:path';

const PRACTICE = `${READER}/practice`;

async function shippedQuiz() {
	return (await readPack(join(SHIPPED_CONTENT, 'articles', SLUG)))!.quiz!;
}

/**
 * The certainty-based score's scale over `questions` (those accuracy counts: the quiz's, less
 * written answers still to grade), in the students' words: "on a scale from −108 to +57".
 */
function scaleOf(questions: readonly { certainty?: boolean }[]): string {
	const lowest = questions.reduce((sum, q) => sum + (q.certainty ? 6 : 0), 0);
	const highest = questions.reduce((sum, q) => sum + (q.certainty ? 3 : 1), 0);
	return `on a scale from −${lowest} to +${highest}`;
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`practice without an account, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('answers are graded on the server, explained, and kept across a reload', async ({ page, expectNoAxeViolations }) => {
			const quiz = await shippedQuiz();
			await page.goto(READER);
			await page.getByRole('link', { name: 'Practise with a quiz' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(quiz.title);
			await expectNoAxeViolations();
			await page.getByRole('button', { name: 'Start practising' }).click();
			await expect(page).toHaveURL(/\/practice\/1$/);
			await expectNoAxeViolations();

			// Find the first single-choice question with certainty and answer it wrongly, very sure.
			const index = quiz.questions.findIndex((q) => q.type === 'whose-voice');
			const q = quiz.questions[index];
			const wrong = q.options!.find((o) => !o.correct)!;
			const right = q.options!.find((o) => o.correct)!;
			await page.goto(`${PRACTICE}/${index + 1}`);
			const labels: Record<string, string> = { 'direct-quote': 'Direct quote', paraphrase: 'Paraphrase', vague: 'Vague source', writer: "Writer's own voice" };
			await page.getByRole('radio', { name: labels[wrong.value], exact: true }).check();
			await page.getByRole('radio', { name: 'Very sure' }).check();
			await page.getByRole('button', { name: 'Check my answer' }).click();

			const feedback = page.getByRole('region', { name: /Not right/ });
			await expect(feedback).toContainText('-6 marks (the most possible: 3)');
			await expect(feedback).toContainText(wrong.feedback.slice(0, 40));
			await expect(feedback).toContainText(right.feedback.slice(0, 40));
			await expect(feedback.getByRole('link', { name: 'the passage in the article' })).toHaveAttribute('href', `${READER}#${q.claim}`);
			await expectNoAxeViolations();

			// A reload (or coming back) shows the same answer and feedback.
			await page.reload();
			await expect(page.getByRole('region', { name: /Not right/ })).toContainText('-6 marks (the most possible: 3)');

			// A written answer: nobody marks it in practice, so no teacher is promised; the rubric is there to compare.
			const writtenIndex = quiz.questions.findIndex((w) => w.type === 'short-answer');
			const written = quiz.questions[writtenIndex];
			await page.goto(`${PRACTICE}/${writtenIndex + 1}`);
			await page.getByLabel('Your answer').fill('The quote was not found, so it is unverified.');
			await page.getByRole('button', { name: 'Check my answer' }).click();
			const unmarked = page.getByRole('region', { name: 'Not marked in practice' });
			await expect(unmarked).toContainText('Written answers are not marked in practice, and no teacher sees them.');
			await expect(unmarked).toContainText(written.rubric![0].description.replace(/\s+/g, ' ').trim().slice(0, 40));
			expect(await page.locator('main').innerText()).not.toMatch(/for your teacher/i);
			await expectNoAxeViolations();

			// Results add up: accuracy and the certainty-based score apart, never a negative part of a positive maximum.
			await page.goto(`${PRACTICE}/results`);
			await expect(page.getByText(/You answered 2 of \d+ questions/)).toBeVisible();
			// Unanswered questions count as not right; the unmarked written answer is left out.
			await expect(page.getByText(`0 of ${quiz.questions.length - 1} right (0%)`)).toBeVisible();
			await expect(page.getByText(`−6 marks, ${scaleOf(quiz.questions.filter((_, i) => i !== writtenIndex))}`)).toBeVisible();
			await expect(page.getByText('1 written answer not marked in practice, so not counted.')).toBeVisible();
			await expect(page.getByRole('row', { name: new RegExp(`^${writtenIndex + 1} `) })).toContainText('Written: not marked in practice');
			const main = await page.locator('main').innerText();
			expect(main).not.toMatch(/for your teacher/i);
			expect(main).not.toMatch(/[−-]\s?\d+(\.\d+)? of \d+ marks/);
			await expectNoAxeViolations();
			await page.getByRole('button', { name: 'Finish this practice' }).click();
			await expect(page.getByRole('status')).toContainText('Finished');
			await page.goto(`${PRACTICE}/1`);
			await expect(page.getByRole('region', { name: /Right|Not right|Partly/ })).toHaveCount(0);
		});
	});
}

test('find the evidence: selecting the words in the article is graded by overlap', async ({ page, expectNoAxeViolations }) => {
	const quiz = await shippedQuiz();
	const index = quiz.questions.findIndex((q) => q.type === 'find-evidence');
	const key = quiz.questions[index].evidence!.at(-1)!.quote;
	await page.goto(PRACTICE);
	await page.getByRole('button', { name: 'Start practising' }).click();
	// Wait for the attempt's cookie before leaving, or the start may not have landed yet.
	await expect(page).toHaveURL(/\/practice\/1$/);
	await page.goto(`${PRACTICE}/${index + 1}`);
	const text = page.getByRole('document', { name: 'The article' });
	await expect(text).toBeVisible();
	await expectNoAxeViolations();

	// Select the key words as a mouse would: a range over them, then the mouse button goes up.
	await text.evaluate((box, words) => {
		const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const at = node.textContent!.indexOf(words);
			if (at === -1) continue;
			const range = document.createRange();
			range.setStart(node, at);
			range.setEnd(node, at + words.length);
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
			box.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
			return;
		}
		throw new Error(`"${words}" is not in the article box`);
	}, key);
	await expect(page.getByRole('status')).toContainText(`You selected: ${key.trim()}`.slice(0, 40));
	if (quiz.questions[index].certainty) await page.getByRole('radio', { name: 'Fairly sure' }).check();
	await page.getByRole('button', { name: 'Check my answer' }).click();
	const feedback = page.getByRole('region', { name: /Right/ });
	await expect(feedback).toContainText('2 marks (the most possible: 3)');
	await expect(feedback).toContainText(`You chose: ${key}`.slice(0, 40));
});

test('a browser without a practice attempt is sent to the start page', async ({ page }) => {
	await page.goto(`${PRACTICE}/3`);
	await expect(page).toHaveURL(new RegExp(`${PRACTICE}$`));
});

test('nothing served before an answer gives the key or the feedback away', async ({ page, request }) => {
	const quiz = await shippedQuiz();
	await page.goto(PRACTICE);
	await page.getByRole('button', { name: 'Start practising' }).click();
	await expect(page).toHaveURL(/\/practice\/1$/);
	const leaks: string[] = [];
	for (let n = 1; n <= quiz.questions.length; n++) {
		const q = quiz.questions[n - 1];
		// What the browser gets: the page's HTML, and its data as client-side navigation fetches it.
		const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const html = await (await request.get(`${PRACTICE}/${n}`, { headers: { cookie }, maxRedirects: 0 })).text();
		const data = await (await request.get(`${PRACTICE}/${n}/__data.json`, { headers: { cookie } })).text();
		// These are the real question pages, not a redirect to the start page.
		expect(html).toContain(`Question ${n} of ${quiz.questions.length}`);
		expect(data).toContain('prompt');
		const secrets = [q.explanation.slice(0, 40), ...(q.options ?? []).map((o) => o.feedback.slice(0, 40)), ...(q.evidence ?? []).map(() => '"evidence"')];
		for (const secret of secrets) {
			for (const [where, body] of [['HTML', html], ['data', data]] as const) {
				if (body.includes(secret) || body.includes(JSON.stringify(secret).slice(1, -1))) leaks.push(`q${n} ${where}: ${secret}`);
			}
		}
		if (/"correct"/.test(data) || /\bcorrect:/.test(html)) leaks.push(`q${n}: a "correct" flag`);
		// Option inputs carry positions, never the pack's option values (an author's right answer is often "a").
		for (const o of q.options ?? []) {
			if (html.includes(`name="choice" value="${o.value}"`)) leaks.push(`q${n}: option value "${o.value}"`);
		}
	}
	expect(leaks).toEqual([]);

	// The check can see a leak: once question 1 is answered, its feedback is served.
	const first = quiz.questions[0];
	await page.goto(`${PRACTICE}/1`);
	if (first.type === 'short-answer') await page.getByLabel('Your answer').fill('An answer.');
	else await page.locator('input[name="choice"], input[name="sentence"]').first().check();
	if (first.certainty) await page.getByRole('radio', { name: 'Not sure' }).check();
	await page.getByRole('button', { name: 'Check my answer' }).click();
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const after = await (await request.get(`${PRACTICE}/1/__data.json`, { headers: { cookie } })).text();
	expect(after).toContain(JSON.stringify(first.explanation.slice(0, 40)).slice(1, -1));
});

test('a headline-vs-body question shows the section beneath its heading', async ({ page, expectNoAxeViolations }) => {
	const quiz = await shippedQuiz();
	const pack = (await readPack(join(SHIPPED_CONTENT, 'articles', SLUG)))!;
	const index = quiz.questions.findIndex((q) => q.type === 'headline-vs-body');
	const heading = pack.claims.find((c) => c.id === quiz.questions[index].claim)!;
	// The paragraph that follows the heading in the article text.
	const after = pack.text.slice(pack.text.indexOf(heading.quote) + heading.quote.length).trim().split('\n')[0];
	await page.goto(PRACTICE);
	await page.getByRole('button', { name: 'Start practising' }).click();
	// Wait for the attempt's cookie before leaving, or the start may not have landed yet.
	await expect(page).toHaveURL(/\/practice\/1$/);
	await page.goto(`${PRACTICE}/${index + 1}`);
	await page.getByText('Read the section beneath the heading').click();
	await expect(page.locator('.section')).toContainText(after.slice(0, 60));
	await expectNoAxeViolations();
});
