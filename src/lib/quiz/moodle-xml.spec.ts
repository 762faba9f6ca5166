import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportQuiz, type ExchangeQuestion } from './exchange';
import { htmlToText } from './exchange-html';
import { parseMoodleXml, UnreadableFile, writeMoodleXml } from './moodle-xml';
import { ARTICLE, KIT_QUESTIONS, TRICKY } from './fixtures/exchange-fixtures';

const EXPORTED = exportQuiz({ title: 'Who Said That? -- A', description: '' }, KIT_QUESTIONS, ARTICLE);
const FILE = writeMoodleXml(EXPORTED);
const expectedText = (q: ExchangeQuestion) => [q.text, ...q.passage].join('\n');

/** fast-xml-parser with plain settings, as a reader that knows nothing of our module would use it. */
function independent(xml: string) {
	const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => n === 'question' || n === 'answer' }).parse(xml);
	return parsed.quiz.question as any[];
}

describe('writeMoodleXml, read back by fast-xml-parser', () => {
	const questions = independent(FILE);

	it('writes the category with what did not carry over, then one question per kit question', () => {
		expect(questions[0]['@_type']).toBe('category');
		expect(htmlToText(questions[0].info.text)).toMatch(/Not carried over:[^]*Q1 who said it \(c2\): its link to claim c2/);
		expect(questions).toHaveLength(KIT_QUESTIONS.length + 1);
		expect(FILE).toMatch(/<!-- Not carried over: -->/);
		const comments = [...FILE.matchAll(/<!--([^]*?)-->/g)].map((m) => m[1]);
		expect(comments.join('')).toContain('Who Said That?');
		expect(comments.filter((c) => c.includes('--'))).toEqual([]); // XML forbids "--" inside a comment
	});

	it.each(EXPORTED.questions.map((q, i) => [KIT_QUESTIONS[i].type, i] as const))('round-trips %s', (_type, i) => {
		const mine = EXPORTED.questions[i];
		const theirs = questions[i + 1];
		expect(theirs['@_type']).toBe(mine.kind);
		expect(theirs.name.text).toBe(mine.name);
		expect(htmlToText(theirs.questiontext.text)).toBe(expectedText(mine));
		expect(htmlToText(theirs.generalfeedback.text)).toBe(mine.generalFeedback);
		if (mine.kind === 'essay') {
			expect(htmlToText(theirs.graderinfo.text)).toBe(mine.graderInfo);
			return;
		}
		expect(theirs.single).toBe(mine.single ? 'true' : 'false');
		expect(theirs.answer.map((a: any) => ({ text: htmlToText(a.text), fraction: Number(a['@_fraction']), feedback: htmlToText(a.feedback.text) }))).toEqual(
			mine.options.map((o) => ({ text: o.text, fraction: o.fraction, feedback: o.feedback }))
		);
	});

	it('escapes markup in the texts: the tricky question reads back as text', () => {
		expect(htmlToText(questions[4].answer[0].text)).toBe(TRICKY);
		expect(FILE).not.toContain('<b>not bold</b>');
	});

	it('reads back every question it writes', () => {
		const back = parseMoodleXml(FILE);
		expect(back.skipped).toEqual([]);
		expect(back.category).toBe('Who Said That? -- A');
		expect(back.questions.map((q) => [q.kind, q.single, q.text, q.options, q.graderInfo])).toEqual(
			EXPORTED.questions.map((q) => [q.kind, q.single, expectedText(q), q.options, q.graderInfo])
		);
	});
});

describe('parseMoodleXml', () => {
	it('reads a hand-written Moodle file and says why it skipped what it skipped', () => {
		const read = parseMoodleXml(readFileSync('src/lib/quiz/fixtures/sample-moodle.xml', 'utf8'));
		expect(read.category).toBe('Sourcing basics');
		expect(read.questions.map((q) => [q.name, q.kind, q.single, q.text])).toEqual([
			['Byline', 'multichoice', true, 'Who wrote the article & who is quoted?'],
			['Sources', 'multichoice', false, 'Which are sources?'],
			['Headline quote', 'truefalse', true, 'The headline is a quote.'],
			['Outlet', 'shortanswer', true, 'Which outlet does the article follow?'],
			['Why sources', 'essay', true, 'Why does a named source matter?']
		]);
		expect(read.questions[0].generalFeedback).toBe('Look under the headline.');
		expect(read.questions[0].options).toEqual([
			{ text: 'No one is named', fraction: 100, feedback: 'Right.' },
			{ text: 'The mayor', fraction: 0, feedback: '' }
		]);
		expect(read.questions[1].options.map((o) => o.fraction)).toEqual([33.33333, 33.33333, 33.33333, -100]);
		expect(read.questions[2].options).toEqual([
			{ text: 'True', fraction: 0, feedback: 'It is a summary.' },
			{ text: 'False', fraction: 100, feedback: 'Right, no quotation marks.' }
		]);
		expect(read.questions[4].graderInfo).toBe('2 points: says it can be checked\n1 point: gives an example');
		expect(read.skipped).toEqual([
			{ name: 'Pairs', reason: 'Matching questions have no counterpart in the kit.' },
			{ name: 'Read first', reason: 'A description holds no question.' }
		]);
	});

	it('counts nesting as Moodle files have it: comments, CDATA and self-closed elements add nothing', () => {
		const moodleLike = `<quiz><!-- ${'<a>'.repeat(40)} --><question type="essay"><name><text><![CDATA[${'<b>'.repeat(40)}]]></text></name><br/><br/></question></quiz>`;
		expect(parseMoodleXml(moodleLike).questions).toHaveLength(1);
	});

	it.each([
		['entity expansion', `<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><quiz><question type="essay"><name><text>&b;</text></name></question></quiz>`, /DOCTYPE/],
		['an external entity', `<?xml version="1.0"?><!DOCTYPE q SYSTEM "file:///etc/passwd"><quiz/>`, /DOCTYPE/],
		['deep nesting', `<quiz>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</quiz>`, /nests elements more than 16 deep/],
		['deep nesting behind a comment and CDATA', `<quiz><!-- <x> --><![CDATA[<y>]]>${'<a><b/>'.repeat(17)}${'</a>'.repeat(17)}</quiz>`, /nests elements more than 16 deep/],
		['an unclosed comment', `<quiz><!-- ${'<a>'.repeat(50)}`, /not well-formed XML/],
		['broken XML', '<quiz><question type="essay"><name><text>x</name></question></quiz>', /not well-formed XML \(line 1/],
		['XML that is not a Moodle file', '<html><body>hi</body></html>', /no <quiz> element/]
	])('refuses %s with a message for the teacher', (_what, xml, message) => {
		expect(() => parseMoodleXml(xml)).toThrow(UnreadableFile);
		expect(() => parseMoodleXml(xml)).toThrow(message);
	});
});
