/**
 * Reading an answer from the answer form (AnswerForm.svelte), for practice and assignments:
 * option positions mapped back to option values, selected words or a chosen sentence,
 * written text and certainty. What does not belong to the question is refused later, by
 * saveResponse, with a 400.
 */
import type { ReaderArticle } from '$lib/articles/types';
import { DomainError } from '../domain-error';
import type { AnswerInput } from './responses';
import { optionValues } from './question-views';
import { m } from '$lib/paraglide/messages';

type QuestionRow = Parameters<typeof optionValues>[0];

/** The answer a form gives to `q`; throws a DomainError when a find-the-evidence answer is missing. */
export function readAnswer(form: FormData, q: QuestionRow, article: ReaderArticle, attemptId: string): AnswerInput {
	const positions = form.getAll('choice').filter((v): v is string => typeof v === 'string').slice(0, 20);
	const certainty = Number(form.get('certainty')) || null;
	const text = form.get('text');
	let span: { start: number; end: number } | undefined;
	if (q.type === 'find-evidence') {
		// A chosen sentence, or else words selected in the article (with JavaScript; selecting
		// words clears the sentence choice), or else the words saved before, sent back unchanged.
		const start = form.get('start');
		const chosen = article.claims.find((c) => c.key === form.get('sentence'));
		if (chosen) span = { start: chosen.start, end: chosen.end };
		else if (typeof start === 'string' && start !== '') span = { start: Number(start), end: Number(form.get('end')) };
		else throw new DomainError(m.rest_err_select_or_sentence(), 400);
	}
	return {
		choices: optionValues(q, attemptId, positions),
		span,
		text: typeof text === 'string' ? text.slice(0, 6000) : undefined,
		certainty
	};
}
