import { describe, expect, it } from 'vitest';
import { NO_ONE_NAMED } from '$lib/articles/vocabulary';
import { blankDraft, readQuestionForm } from './question-form';

function formOf(fields: [string, string][]): FormData {
	const form = new FormData();
	for (const [name, value] of fields) form.append(name, value);
	return form;
}

describe('readQuestionForm', () => {
	it('keeps rows as typed, skips empty and removed ones, and gives new labelled options a value', () => {
		const draft = readQuestionForm(
			formOf([
				['prompt', '  Which?  '],
				['explanation', 'Because.'],
				['certainty', 'on'],
				['option-count', '4'],
				['option-0-value', 'a'],
				['option-0-label', 'Kept'],
				['option-0-feedback', 'Yes.'],
				['option-1-value', 'b'],
				['option-1-label', 'Removed'],
				['option-1-remove', 'on'],
				['option-2-value', ''],
				['option-2-label', 'New one'],
				['option-2-feedback', ''],
				['option-3-value', ''],
				['correct', '2']
			]),
			'multiple-choice'
		);
		expect(draft).toMatchObject({ prompt: 'Which?', certainty: true, evidence: [], rubric: [] });
		expect(draft.options).toEqual([
			// Each option carries its version fields as typed (blank here); the question rules drop blank ones.
			{ value: 'a', label: 'Kept', correct: false, feedback: 'Yes.', localized: { es: { feedback: '' } } },
			{ value: 'b', label: 'New one', correct: true, feedback: '', localized: { es: { feedback: '' } } }
		]);
	});

	it('reads key passages and tolerance only for find-the-evidence, and rubric lines only for short answers', () => {
		const fields: [string, string][] = [['evidence', 'c12'], ['evidence', '10-20'], ['tolerance', '40'], ['rubric-count', '2'], ['rubric-0-points', '2'], ['rubric-0-description', 'Names them'], ['option-count', '1'], ['option-0-value', 'a'], ['option-0-feedback', 'x']];
		expect(readQuestionForm(formOf(fields), 'find-evidence')).toMatchObject({ evidence: ['c12', '10-20'], tolerance: '40', rubric: [], options: [] });
		expect(readQuestionForm(formOf(fields), 'short-answer')).toMatchObject({ evidence: [], tolerance: '', rubric: [{ points: '2', description: 'Names them' }], options: [] });
		expect(readQuestionForm(formOf(fields), 'short-answer').certainty).toBe(false);
	});

	it('starts ledger questions with the options they must offer', () => {
		expect(blankDraft('whose-voice').options.map((o) => o.value)).toEqual(['direct-quote', 'paraphrase', 'vague', 'writer']);
		expect(blankDraft('headline-vs-body').options.map((o) => o.value)).toEqual(['more', 'less', 'same']);
		expect(blankDraft('who-said-it').options.map((o) => o.value)).toEqual(['writer', NO_ONE_NAMED]);
		expect(blankDraft('find-evidence').tolerance).toBe('50');
	});
});
