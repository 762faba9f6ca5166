import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { claimsCsv, classClaimsCsv, selectionsCsv } from './claim-csv';
import { confusionMatrix, errorRate, misreadings } from './confusion';

const parse = (text: string) => {
	expect(text.startsWith('\uFEFF')).toBe(true);
	return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
};

const speakerMatrix = confusionMatrix('speaker', [
	{ truth: 'writer', chosen: 'writer', count: 1 },
	{ truth: 'writer', chosen: 'anna-kelly', count: 2 }
], ['writer', 'anna-kelly']);
const row = {
	number: 19,
	key: 'c19',
	quote: '=Trump’s administration continues…',
	speaker: 'The writer',
	form: "Writer's own voice",
	rate: errorRate(3, 2),
	speakerMatrix,
	formMatrix: confusionMatrix('form', []),
	misreadings: misreadings(speakerMatrix, (k) => (k === 'anna-kelly' ? 'Anna Kelly' : k))
};
const label = (_kind: 'speaker' | 'form', v: string) => ({ writer: 'The writer', 'anna-kelly': 'Anna Kelly' })[v] ?? v;

describe('claimsCsv', () => {
	it('gives one row per claim with what was chosen, the misreadings, and formula-safe text', () => {
		const [head, first] = parse(claimsCsv([row], label));
		expect(head).toEqual(['claim', 'key', 'words', 'speaker', 'attribution', 'answers', 'wrong', 'percent wrong', 'who-said-it answers', 'whose-voice answers', 'misreadings']);
		expect(first).toEqual(['19', 'c19', "'=Trump’s administration continues…", 'The writer', "Writer's own voice", '3', '2', '67', 'The writer 1 (right); Anna Kelly 2', '', "2 of 3 took the writer's own sentence for Anna Kelly's words"]);
	});
});

describe('selectionsCsv', () => {
	it('gives each selection its place, words and count', () => {
		const [, first] = parse(selectionsCsv([{ question: 5, prompt: 'Find\n the words', start: 3, end: 9, words: 'Under ', students: 2, inKey: true }]));
		expect(first).toEqual(['5', 'Find the words', '3', '9', 'Under ', '2', 'yes']);
	});
});

describe('classClaimsCsv', () => {
	it('gives the claim over everything, then a row per assignment or session', () => {
		const rows = parse(
			classClaimsCsv([{ title: 'Mexico says no', claims: [{ ...row, bySource: [{ label: 'Assignment: Quiz (2026-11-02)', rate: errorRate(2, 1) }] }] }])
		);
		expect(rows.slice(1).map((r) => [r[0], r[6], r[7], r[8], r[9], r[10]])).toEqual([
			['Mexico says no', 'all', '3', '2', '67', "2 of 3 took the writer's own sentence for Anna Kelly's words"],
			['Mexico says no', 'Assignment: Quiz (2026-11-02)', '2', '1', '50', '']
		]);
	});
});
