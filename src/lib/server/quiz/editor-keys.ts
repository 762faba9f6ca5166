/**
 * The quiz editor's view of each question, with find-the-evidence keys checked against
 * the text students now read (src/lib/quiz/evidence-keys.ts): a key whose words are no
 * longer at its offsets (the teacher published an edited text) is flagged and left out of
 * the form, so saving the question can never keep offsets that point at other words.
 */
import type { ClaimView } from '$lib/articles/types';
import { staleKeys } from '$lib/quiz/evidence-keys';
import type { QuizQuestionRow } from './editor';
import { draftOfQuestion } from './question-form';

/** Each question as the editor shows it: its draft, the words of stale key passages, and its key spans that are not whole claims. */
export function editorQuestions(questions: QuizQuestionRow[], article: { text: string; claims: Pick<ClaimView, 'key' | 'start' | 'end'>[] }) {
	return questions.map((q, i) => {
		const stale = staleKeys(article.text, q.evidence ?? []);
		const current = stale.length ? { ...q, evidence: (q.evidence ?? []).filter((e) => !stale.includes(e)) } : q;
		return {
			id: q.id,
			number: i + 1,
			draft: draftOfQuestion(current, article.claims),
			staleKeys: stale.map((e) => e.exact),
			// Key passages that are not a whole claim, with their words, so the form can keep them.
			spans: (current.evidence ?? [])
				.filter((e) => !article.claims.some((c) => c.start === e.start && c.end === e.end))
				.map((e) => ({ token: `${e.start}-${e.end}`, text: e.exact }))
		};
	});
}
