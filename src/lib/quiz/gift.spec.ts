import { readFileSync } from 'node:fs';
import { parse as giftPeg } from 'gift-pegjs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportQuiz, type ExchangeQuestion } from './exchange';
import { htmlToText } from './exchange-html';
import { escapeGift, parseGift, writeGift } from './gift';
import { ARTICLE, KIT_QUESTIONS, TRICKY } from './fixtures/exchange-fixtures';

const EXPORTED = exportQuiz({ title: 'Who Said That? A/B', description: 'Line one: two' }, KIT_QUESTIONS, ARTICLE);
const FILE = writeGift(EXPORTED);
const text = (t: { text: string } | null) => htmlToText(t?.text ?? '');
const expectedText = (q: ExchangeQuestion) => [q.text, ...q.passage].join('\n');

describe('writeGift, read back by gift-pegjs (an independent parser)', () => {
	const parsed = giftPeg(FILE);
	const questions = parsed.filter((p) => p.type !== 'Category');

	it('writes one question per kit question, and the category', () => {
		expect(parsed[0]).toMatchObject({ type: 'Category', title: '$course$/top/Who Said That? A B' });
		expect(questions).toHaveLength(KIT_QUESTIONS.length);
	});

	it.each(EXPORTED.questions.map((q, i) => [KIT_QUESTIONS[i].type, i] as const))('round-trips %s', (_type, i) => {
		const mine = EXPORTED.questions[i];
		const theirs = questions[i] as Record<string, any>;
		expect(theirs.title).toBe(mine.name);
		expect(theirs.stem.format).toBe('html');
		expect(text(theirs.stem)).toBe(expectedText(mine));
		if (mine.kind === 'essay') {
			expect(theirs.type).toBe('Essay');
			expect(text(theirs.globalFeedback)).toBe(`${mine.generalFeedback}\nMarking guide:\n${mine.graderInfo}`);
			return;
		}
		expect(theirs.type).toBe('MC');
		expect(text(theirs.globalFeedback)).toBe(mine.generalFeedback);
		expect(
			theirs.choices.map((c: any) => ({ text: text(c.text), feedback: text(c.feedback), fraction: c.weight ?? (c.isCorrect ? 100 : 0) }))
		).toEqual(mine.options.map((o) => ({ text: o.text, feedback: o.feedback, fraction: o.fraction })));
	});

	it('keeps ~ = # { } : and backslashes in every field (the tricky question)', () => {
		const mc = questions[3] as Record<string, any>;
		expect(text(mc.stem).startsWith(TRICKY)).toBe(true);
		expect(text(mc.choices[0].text)).toBe(TRICKY);
		expect(text(mc.globalFeedback)).toBe(`Because ${TRICKY}`);
	});

	it('escapes the shipped quiz’s own text so gift-pegjs reads it back unchanged', () => {
		const pack = parseYaml(readFileSync('src/content/articles/mexico-says-no-to-us-troops/quiz.yaml', 'utf8')) as {
			quiz: { questions: { prompt: string; explanation: string; options?: { label?: string; feedback: string }[] }[] };
		};
		const texts = pack.quiz.questions.flatMap((q) => [q.prompt, q.explanation, ...(q.options ?? []).flatMap((o) => [o.label ?? '', o.feedback])]).filter(Boolean);
		expect(texts.some((t) => t.includes(':'))).toBe(true);
		for (const t of [...texts, TRICKY]) {
			const [q] = giftPeg(`::${escapeGift(t)}::${escapeGift(t)} {=${escapeGift(t)}#${escapeGift(t)} ~x}`) as any[];
			expect([q.title, q.stem.text, q.choices[0].text.text, q.choices[0].feedback.text]).toEqual([t, t, t, t].map((s) => s.replace(/\s+/g, ' ').trim()));
		}
	});

	it('says in the file what could not carry over', () => {
		expect(FILE).toMatch(/^\/\/ “Who Said That\? A\/B”, exported from Attribution Lab\./);
		expect(FILE).toMatch(/\/\/ Q1 who said it \(c2\)\. Not carried over: its link to claim c2/);
		expect(FILE).toMatch(/GIFT cannot hold grader information/);
	});
});

describe('parseGift', () => {
	it('reads back every question it writes', () => {
		const back = parseGift(FILE);
		expect(back.skipped).toEqual([]);
		expect(back.category).toBe('Who Said That? A B');
		expect(back.questions.map((q) => [q.kind, q.single, q.text, q.options])).toEqual(
			EXPORTED.questions.map((q) => [q.kind, q.single, expectedText(q), q.options])
		);
		expect(back.questions[6].generalFeedback).toContain('2 points: Names the speaker');
	});

	it('reads a hand-written file: each kind, and a reason for every question it skips', () => {
		const sample = readFileSync('src/lib/quiz/fixtures/sample.gift', 'utf8');
		const read = parseGift(sample);
		expect(read.category).toBe('Media literacy');
		expect(read.questions.map((q) => [q.name, q.kind, q.single])).toEqual([
			['Byline', 'multichoice', true],
			['Sources', 'multichoice', false],
			['Question 3', 'truefalse', true],
			['Capital', 'shortanswer', true],
			['Essay', 'essay', true]
		]);
		const [byline, sources, tf, capital, essay] = read.questions;
		expect(byline.text).toBe('Who wrote the article {if anyone}?');
		expect(byline.options).toEqual([
			{ text: 'No one is named', fraction: 100, feedback: 'Right: there is no byline.' },
			{ text: 'The mayor', fraction: 0, feedback: 'She is quoted, not the author.' },
			{ text: 'A reporter = staff', fraction: 0, feedback: '' }
		]);
		expect(byline.generalFeedback).toBe('Look for a byline under the headline.');
		expect(sources.text).toBe('Which of these are sources in the story?');
		expect(sources.options.map((o) => o.fraction)).toEqual([50, 50, -100]);
		// Moodle's reading of {F#a#b}: a is feedback on the wrong answer (True), b on the right one.
		expect(tf.options).toEqual([
			{ text: 'True', fraction: 0, feedback: 'It is the writer\'s summary.' },
			{ text: 'False', fraction: 100, feedback: 'Right: no quotation marks.' }
		]);
		expect(capital.text).toBe('The capital of France is _____ .');
		expect(capital.options).toEqual([
			{ text: 'Paris', fraction: 100, feedback: '' },
			{ text: 'paris france', fraction: 50, feedback: 'Close.' }
		]);
		expect(essay.generalFeedback).toBe('A named source can be checked.');
		expect(read.skipped).toEqual([
			{ name: 'Numbers', reason: 'Numerical questions have no counterpart in the kit.' },
			{ name: 'Match', reason: 'Matching questions have no counterpart in the kit.' },
			{ name: 'Broken', reason: 'Its answers have no closing “}”.' }
		]);
	});

	it('agrees with gift-pegjs on the hand-written questions both can read', () => {
		const sample = readFileSync('src/lib/quiz/fixtures/sample.gift', 'utf8').split('::Numbers::')[0];
		const theirs = giftPeg(sample).filter((q) => q.type !== 'Category') as any[];
		const mine = parseGift(sample).questions;
		expect(theirs.map((q) => q.type)).toEqual(['MC', 'MC', 'TF', 'Short', 'Essay']);
		expect(mine.map((q) => q.text)).toEqual(theirs.map((q) => htmlToText(q.stem.text)));
		expect(mine[0].options.map((o) => o.text)).toEqual(theirs[0].choices.map((c: any) => c.text.text));
	});

	it('treats text without answers as a skipped description, and ignores // comments', () => {
		expect(parseGift('// only a comment\n\nJust words.\n')).toEqual({ category: null, questions: [], skipped: [{ name: 'Question 1', reason: 'It has no answers in { }: a description, not a question.' }] });
	});
});
