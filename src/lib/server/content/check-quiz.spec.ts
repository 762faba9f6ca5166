import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { QUESTION_TYPES } from '$lib/articles/vocabulary';
import { copyContent, editPackFile, SLUG } from '../../../../tests/fixtures/content-pack';
import { ContentPackError, readPack } from './read-pack';

const packDir = join(process.cwd(), 'src/content/articles', SLUG);

describe('the shipped quiz', async () => {
	const pack = await readPack(packDir);
	const quiz = pack.quiz!;

	it('has at least 15 questions covering every question type', () => {
		expect(quiz.questions.length).toBeGreaterThanOrEqual(15);
		expect(new Set(quiz.questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
	});

	it('gives every option feedback, and every question something to link back to', () => {
		for (const q of quiz.questions) {
			for (const o of q.options ?? []) expect(o.feedback.length, `${q.id}/${o.value}`).toBeGreaterThan(20);
			const links = (q.claim ? 1 : 0) + q.notes.length + q.evidenceSelectors.length;
			expect(links, q.id).toBeGreaterThan(0);
		}
	});

	it('resolves every find-the-evidence key to words of the article', () => {
		for (const q of quiz.questions.filter((x) => x.type === 'find-evidence')) {
			for (const s of q.evidenceSelectors) expect(pack.text.slice(s.position.start, s.position.end)).toBe(s.quote.exact);
		}
	});
});

describe('a broken quiz', () => {
	it.each<[string, (s: string) => string, RegExp, RegExp]>([
		['a key that disagrees with the ledger', (s) => s.replace(/(type: whose-voice[\s\S]*?value: )(direct-quote|paraphrase|vague|writer)(\n\s+correct: true)/, (_, a, form, b) => `${a}${form === 'writer' ? 'vague' : 'writer'}${b}`), /options/, /./],
		['an unknown claim', (s) => s.replace(/claim: c\d+/, 'claim: c99'), /^quiz\.questions\.\d+\.claim$/, /unknown claim "c99"/],
		['an unknown note', (s) => s.replace(/notes: \[n\d+/, 'notes: [n99'), /^quiz\.questions\.\d+\.notes\.0$/, /unknown note "n99"/]
	])('with %s names the file, field and reason', async (_, edit, field, reason) => {
		const { root, packDir: dir } = await copyContent();
		await editPackFile(dir, 'quiz.yaml', edit);
		const error = await readPack(dir, root).then(() => null, (e: unknown) => e);
		expect(error).toBeInstanceOf(ContentPackError);
		expect((error as ContentPackError).file).toBe(`articles/${SLUG}/quiz.yaml`);
		expect((error as ContentPackError).field).toMatch(field);
		expect((error as ContentPackError).reason).toMatch(reason);
	});
});
