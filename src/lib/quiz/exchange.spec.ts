import { describe, expect, it } from 'vitest';
import { exportQuestion, exportQuiz, MOODLE_FRACTIONS, moodleShares } from './exchange';
import { rubricFromText } from './exchange-import';
import { ARTICLE, KIT_QUESTIONS } from './fixtures/exchange-fixtures';

const allowed = (f: number) => MOODLE_FRACTIONS.some((m) => Math.abs(m - Math.abs(f)) < 1e-9);

describe('moodleShares', () => {
	it.each(Array.from({ length: 12 }, (_, i) => i + 1))('gives %i right answers Moodle fractions that pass its total check', (k) => {
		const shares = moodleShares(k);
		expect(shares).toHaveLength(k);
		expect(shares.every(allowed)).toBe(true);
		// Moodle rounds the total to two decimals and wants exactly 1.
		expect(Math.round(shares.reduce((a, b) => a + b, 0)) / 100).toBe(1);
		expect(Number((shares.reduce((a, b) => a + b, 0) / 100).toFixed(2))).toBe(1);
	});
});

describe('exportQuestion', () => {
	const byType = Object.fromEntries(KIT_QUESTIONS.map((q, i) => [q.type, exportQuestion(q, i + 1, ARTICLE)]));

	it.each(['who-said-it', 'whose-voice', 'headline-vs-body', 'multiple-choice'])('makes %s a single-answer multichoice with one right option', (type) => {
		const q = byType[type];
		expect(q.kind).toBe('multichoice');
		expect(q.single).toBe(true);
		expect(q.options.filter((o) => o.fraction === 100)).toHaveLength(1);
		expect(q.options.every((o) => o.fraction === 100 || o.fraction === 0)).toBe(true);
		expect(q.options.every((o) => o.feedback.length > 0)).toBe(true);
		expect(q.generalFeedback).toBe(KIT_QUESTIONS.find((k) => k.type === type)!.explanation);
	});

	it('says what does not carry over: the claim link, its notes, certainty, the ledger check', () => {
		expect(byType['who-said-it'].notCarried.join(' ')).toMatch(/claim c2.*2 notes/);
		expect(byType['who-said-it'].notCarried.join(' ')).toMatch(/certainty-based marking/);
		expect(byType['who-said-it'].notCarried.join(' ')).toMatch(/claim ledger/);
		expect(byType['multiple-response'].notCarried.join(' ')).not.toMatch(/certainty/);
	});

	it('puts the heading and its section in a headline-vs-body question', () => {
		expect(byType['headline-vs-body'].passage).toEqual(['Mayor Says No', '“We will not pay,” Díaz said.']);
	});

	it('gives multiple response fractions that sum to 100 and take a share back for each wrong pick', () => {
		const q = byType['multiple-response'];
		expect(q.single).toBe(false);
		expect(q.options.map((o) => o.fraction)).toEqual([50, 50, -50, -50]);
	});

	it('says so when Moodle has no equal share: 11 right options get tens and fives', () => {
		const many = { ...KIT_QUESTIONS[4], options: [...Array.from({ length: 11 }, (_, i) => ({ text: `R${i}`, correct: true, feedback: 'Yes.' })), { text: 'W', correct: false, feedback: 'No.' }] };
		const q = exportQuestion(many, 5, ARTICLE);
		expect(q.options.map((o) => o.fraction)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 5, 5, -10]);
		expect(q.notCarried.join(' ')).toMatch(/equal marks for every right option.*exact penalty for a wrong pick \(1\/11 in the kit, -10% here\)/);
	});

	it('makes find-the-evidence a multichoice over the sentences, with the article in the text', () => {
		const q = byType['find-evidence'];
		expect(q.passage).toEqual(ARTICLE.paragraphs);
		expect(q.options.map((o) => [o.text, o.fraction])).toEqual([
			['Mayor Says No', 0],
			['“We will not pay,” Díaz said.', 0],
			['City officials are worried.', 100]
		]);
		expect(q.notCarried.join(' ')).toMatch(/“City officials are worried\.”, with 60% overlap/);
	});

	it('marks a sentence right only when choosing it would score in the kit', () => {
		const part = { ...KIT_QUESTIONS[5], evidence: [{ start: 44, end: 48, exact: 'City' }], tolerancePercent: 50 };
		const q = exportQuestion(part, 6, ARTICLE);
		expect(q.options.every((o) => o.fraction === 0)).toBe(true);
		expect(q.notCarried.join(' ')).toMatch(/no option is marked right/);
	});

	it('makes a short answer an essay with the rubric as grader information', () => {
		const q = byType['short-answer'];
		expect(q.kind).toBe('essay');
		expect(q.graderInfo.split('\n')[0]).toBe('2 points: Names the speaker');
		expect(rubricFromText(q.graderInfo).map((r) => r.points)).toEqual(['2', '1']);
	});

	it('names what no question can hold at the top of the quiz', () => {
		expect(exportQuiz({ title: 'T', description: '' }, KIT_QUESTIONS, ARTICLE).notCarried.join(' ')).toMatch(/Mayor Says No/);
	});
});
