/** How the editor names each question type. */
import type { QuestionType } from '$lib/articles/vocabulary';

export const TYPE_LABELS: Record<QuestionType, string> = {
	'who-said-it': 'Who said it?',
	'whose-voice': 'Whose voice?',
	'find-evidence': 'Find the evidence',
	'headline-vs-body': 'Headline vs body',
	'multiple-choice': 'Multiple choice',
	'multiple-response': 'Multiple response',
	'short-answer': 'Short answer'
};
