/** How the editor names each question type. */
import type { QuestionType } from '$lib/articles/vocabulary';
import { m } from '$lib/i18n/messages';

export const TYPE_LABELS: Record<QuestionType, string> = {
	'who-said-it': 'Who said it?',
	'whose-voice': 'Whose voice?',
	'find-evidence': 'Find the evidence',
	'headline-vs-body': 'Headline vs body',
	'multiple-choice': 'Multiple choice',
	'multiple-response': 'Multiple response',
	'short-answer': 'Short answer'
};

/** A question type's name in the page's language (TYPE_LABELS stays for the English results files). */
export function typeLabel(type: QuestionType | string): string {
	if (type === 'who-said-it') return m.author_type_who_said_it();
	if (type === 'whose-voice') return m.author_type_whose_voice();
	if (type === 'find-evidence') return m.author_type_find_evidence();
	if (type === 'headline-vs-body') return m.author_type_headline_vs_body();
	if (type === 'multiple-choice') return m.author_type_multiple_choice();
	if (type === 'multiple-response') return m.author_type_multiple_response();
	if (type === 'short-answer') return m.author_type_short_answer();
	return type;
}
