/**
 * Checks a pack's quiz against the rest of the pack: ids are unique, every note, fact
 * and claim a question names exists, and find-the-evidence passages are in the text.
 * The question rules (keys agree with the claim ledger, fixed option sets, how many are
 * correct) are the editor's, from $lib/quiz/question-rules, so a pack and the editor
 * can never disagree about a question.
 */
import type { Selectors } from '$lib/anchoring/anchoring';
import { questionRuleProblems, type Ledger } from '$lib/quiz/question-rules';
import type { ArticleMetaInput, ClaimInput, NoteInput, QuestionInput, QuizInput } from './pack-schema';

export interface AnchoredQuestion extends QuestionInput {
	/** The key spans of a find-the-evidence question, resolved in the text. */
	evidenceSelectors: Selectors[];
}

export interface AnchoredQuiz extends Omit<QuizInput, 'questions'> {
	questions: AnchoredQuestion[];
}

/** Reports a problem at `field`; the loader turns it into a ContentPackError for quiz.yaml. */
export type Fail = (field: string, reason: string) => never;

/** The quiz with every question checked and its evidence located; fails at the first problem. */
export function checkQuiz(
	quiz: QuizInput,
	pack: { meta: ArticleMetaInput; claims: ClaimInput[]; notes: NoteInput[] },
	locate: (passage: { quote: string; occurrence?: number }, field: string) => Selectors,
	fail: Fail
): AnchoredQuiz {
	const claims = new Set(pack.claims.map((c) => c.id));
	const notes = new Set(pack.notes.map((n) => n.id));
	const facts = new Set(pack.meta.facts.map((f) => f.id));
	const seen = new Set<string>();
	const ledger: Ledger = {
		speakers: pack.meta.speakers.map((s) => ({ key: s.id, role: s.role })),
		claims: pack.claims.map((c) => ({ key: c.id, speaker: c.speaker, form: c.form }))
	};

	const questions = quiz.questions.map((q, i): AnchoredQuestion => {
		const at = (field: string) => `quiz.questions.${i}${field ? `.${field}` : ''}`;
		if (seen.has(q.id)) fail(at('id'), `duplicate id "${q.id}"`);
		seen.add(q.id);
		q.notes.forEach((n, j) => notes.has(n) || fail(at(`notes.${j}`), `unknown note "${n}"`));
		q.facts.forEach((f, j) => facts.has(f) || fail(at(`facts.${j}`), `unknown fact "${f}"`));
		if (q.claim && !claims.has(q.claim)) fail(at('claim'), `unknown claim "${q.claim}"`);

		// The question rules themselves have one home, shared with the editor and imports.
		const [broken] = questionRuleProblems(
			{
				type: q.type,
				claim: q.claim ?? null,
				options: (q.options ?? []).map((o) => ({ value: o.value, label: o.label ?? '', correct: o.correct })),
				evidenceCount: q.evidence?.length ?? 0,
				rubricCount: q.rubric?.length ?? 0
			},
			ledger
		);
		if (broken) fail(at(broken.field), broken.message);
		// A pack states its tolerance as a fraction; the schema checks its range.
		if (q.type === 'find-evidence' && q.tolerance === undefined) fail(at('tolerance'), 'needs a tolerance between 0 and 1');
		const evidenceSelectors = (q.evidence ?? []).map((p, j) => locate(p, at(`evidence.${j}`)));
		return { ...q, evidenceSelectors };
	});

	return { ...quiz, questions };
}
