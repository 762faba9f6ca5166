import { describe, expect, it } from 'vitest';
import type { ExchangeQuestion } from './exchange';
import { importQuestion, IMPORT_DEFAULTS } from './exchange-import';
import { checkQuestion } from './question-rules';

const EMPTY_LEDGER = { speakers: [], claims: [] };

describe('importQuestion', () => {
	const base: ExchangeQuestion = { name: 'x', kind: 'multichoice', single: true, text: 'Which?', passage: [], options: [], generalFeedback: 'Because.', graderInfo: '', notCarried: [] };
	const o = (text: string, fraction: number, feedback = '') => ({ text, fraction, feedback });

	it('turns single-answer multichoice into multiple choice the rules accept', () => {
		const r = importQuestion({ ...base, options: [o('A', 100, 'Yes'), o('B', 0), o('C', 33.33333)] });
		if ('skip' in r) throw new Error(r.skip);
		expect(r.draft.type).toBe('multiple-choice');
		expect(r.draft.options.map((x) => [x.label, x.correct])).toEqual([['A', true], ['B', false], ['C', false]]);
		expect(r.draft.options[1].feedback).toBe(IMPORT_DEFAULTS.wrong);
		expect(r.changes.join(' ')).toMatch(/partial marks/);
		expect(checkQuestion(r.draft, EMPTY_LEDGER).ok).toBe(true);
	});

	it.each([
		[[o('A', 100), o('B', 100)], /2 answers earn full marks/],
		[[o('A', 50), o('B', 0)], /No answer earns full marks/]
	])('skips a single-answer question without exactly one full-mark answer', (options, reason) => {
		const r = importQuestion({ ...base, options });
		expect('skip' in r && r.skip).toMatch(reason);
	});

	it('turns several-answer multichoice into multiple response', () => {
		const r = importQuestion({ ...base, single: false, options: [o('A', 50), o('B', 50), o('C', -100)] });
		if ('skip' in r) throw new Error(r.skip);
		expect(r.draft.type).toBe('multiple-response');
		expect(r.draft.options.map((x) => x.correct)).toEqual([true, true, false]);
		expect(checkQuestion(r.draft, EMPTY_LEDGER).ok).toBe(true);
	});

	it('turns true/false into multiple choice with two options', () => {
		const r = importQuestion({ ...base, kind: 'truefalse', options: [o('True', 0, 'No.'), o('False', 100, 'Yes.')] });
		if ('skip' in r) throw new Error(r.skip);
		expect(r.draft.options.map((x) => [x.label, x.correct, x.feedback])).toEqual([['True', false, 'No.'], ['False', true, 'Yes.']]);
		expect(checkQuestion(r.draft, EMPTY_LEDGER).ok).toBe(true);
	});

	it('turns shortanswer into a short answer whose rubric lists the accepted answers', () => {
		const r = importQuestion({ ...base, kind: 'shortanswer', generalFeedback: '', options: [o('Paris', 100, 'Capital.'), o('paris france', 50)] });
		if ('skip' in r) throw new Error(r.skip);
		expect(r.draft.rubric).toEqual([{ points: '1', description: 'Gives an accepted answer: “Paris”; “paris france” (50% in Moodle)' }]);
		expect(r.draft.explanation).toBe('For “Paris”: Capital.');
		expect(checkQuestion(r.draft, EMPTY_LEDGER).ok).toBe(true);
	});

	it('turns an essay into a short answer with grader information as rubric, or a line to rewrite', () => {
		const withGuide = importQuestion({ ...base, kind: 'essay', graderInfo: 'Look for a named source and a reason.' });
		const without = importQuestion({ ...base, kind: 'essay', generalFeedback: '' });
		if ('skip' in withGuide || 'skip' in without) throw new Error('skipped');
		expect(withGuide.draft.rubric).toEqual([{ points: '1', description: 'Look for a named source and a reason.' }]);
		expect(without.draft.rubric[0].description).toBe(IMPORT_DEFAULTS.rubric);
		expect(without.draft.explanation).toBe(IMPORT_DEFAULTS.explanation);
		expect(without.changes).toHaveLength(2);
		expect(checkQuestion(without.draft, EMPTY_LEDGER).ok).toBe(true);
	});

	it('reads back the marking guide a kit GIFT file keeps in the general feedback', () => {
		const r = importQuestion({ ...base, kind: 'essay', generalFeedback: 'Quotes carry weight.\nMarking guide:\n2 points: Names the speaker\n1 point: Says why' });
		if ('skip' in r) throw new Error(r.skip);
		expect(r.draft.explanation).toBe('Quotes carry weight.');
		expect(r.draft.rubric).toEqual([{ points: '2', description: 'Names the speaker' }, { points: '1', description: 'Says why' }]);
	});
});
