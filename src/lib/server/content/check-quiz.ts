/**
 * Checks a pack's quiz against the rest of the pack, so every question is tied to real
 * claims, speakers, notes and facts, and its key agrees with the claim ledger: the
 * "who said it?" key is the claim's speaker (or "no one named" for an unnamed source),
 * the "whose voice?" key is the claim's attribution form.
 */
import type { Selectors } from '$lib/anchoring/anchoring';
import { ATTRIBUTION_FORMS, HEADLINE_COMPARISONS, NO_ONE_NAMED } from '$lib/articles/vocabulary';
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

export function checkQuiz(
	quiz: QuizInput,
	pack: { meta: ArticleMetaInput; claims: ClaimInput[]; notes: NoteInput[] },
	locate: (passage: { quote: string; occurrence?: number }, field: string) => Selectors,
	fail: Fail
): AnchoredQuiz {
	const claims = new Map(pack.claims.map((c) => [c.id, c]));
	const speakers = new Map(pack.meta.speakers.map((s) => [s.id, s]));
	const notes = new Set(pack.notes.map((n) => n.id));
	const facts = new Set(pack.meta.facts.map((f) => f.id));
	const seen = new Set<string>();

	const questions = quiz.questions.map((q, i): AnchoredQuestion => {
		const at = (field: string) => `quiz.questions.${i}${field ? `.${field}` : ''}`;
		if (seen.has(q.id)) fail(at('id'), `duplicate id "${q.id}"`);
		seen.add(q.id);
		q.notes.forEach((n, j) => notes.has(n) || fail(at(`notes.${j}`), `unknown note "${n}"`));
		q.facts.forEach((f, j) => facts.has(f) || fail(at(`facts.${j}`), `unknown fact "${f}"`));
		const claim = q.claim ? claims.get(q.claim) : undefined;
		if (q.claim && !claim) fail(at('claim'), `unknown claim "${q.claim}"`);

		const options = q.options ?? [];
		const values = options.map((o) => o.value);
		if (new Set(values).size !== values.length) fail(at('options'), 'two options have the same value');
		const correct = options.filter((o) => o.correct).map((o) => o.value);
		const needOptions = (min: number) => options.length >= min || fail(at('options'), `needs at least ${min} options`);
		const oneCorrect = () => correct.length === 1 || fail(at('options'), 'needs exactly one correct option');
		const needClaim = () => claim ?? fail(at('claim'), `a ${q.type} question needs a claim`);

		switch (q.type) {
			case 'who-said-it': {
				const c = needClaim();
				needOptions(3);
				oneCorrect();
				if (!values.includes('writer') || !values.includes(NO_ONE_NAMED)) {
					fail(at('options'), `must offer "writer" and "${NO_ONE_NAMED}"`);
				}
				values.forEach((v, j) => v === NO_ONE_NAMED || speakers.has(v) || fail(at(`options.${j}.value`), `unknown speaker "${v}"`));
				const speaker = speakers.get(c.speaker)!;
				const expected = speaker.role === 'government-unnamed' ? NO_ONE_NAMED : speaker.id;
				if (correct[0] !== expected) fail(at('options'), `the correct option must be "${expected}", as in the claim ledger`);
				break;
			}
			case 'whose-voice': {
				const c = needClaim();
				const forms = ATTRIBUTION_FORMS.filter((f) => f !== 'headline');
				if (values.length !== forms.length || !forms.every((f) => values.includes(f))) {
					fail(at('options'), `must offer exactly ${forms.join(', ')}`);
				}
				oneCorrect();
				if (correct[0] !== c.form) fail(at('options'), `the correct option must be "${c.form}", as in the claim ledger`);
				break;
			}
			case 'headline-vs-body': {
				const c = needClaim();
				if (c.form !== 'headline') fail(at('claim'), 'must be a headline claim');
				if (values.length !== 3 || !HEADLINE_COMPARISONS.every((v) => values.includes(v))) {
					fail(at('options'), `must offer exactly ${HEADLINE_COMPARISONS.join(', ')}`);
				}
				oneCorrect();
				break;
			}
			case 'multiple-choice':
				needOptions(2);
				oneCorrect();
				options.forEach((o, j) => o.label || fail(at(`options.${j}.label`), 'needs a label'));
				break;
			case 'multiple-response':
				needOptions(3);
				if (correct.length === 0) fail(at('options'), 'needs at least one correct option');
				options.forEach((o, j) => o.label || fail(at(`options.${j}.label`), 'needs a label'));
				break;
			case 'find-evidence':
				if (!q.evidence?.length) fail(at('evidence'), 'needs at least one key passage');
				if (q.tolerance === undefined) fail(at('tolerance'), 'needs a tolerance between 0 and 1');
				if (options.length) fail(at('options'), 'takes no options: students select words in the article');
				break;
			case 'short-answer':
				if (!q.rubric?.length) fail(at('rubric'), 'needs a rubric for the teacher');
				if (options.length) fail(at('options'), 'takes no options');
				break;
		}
		const evidenceSelectors = (q.evidence ?? []).map((p, j) => locate(p, at(`evidence.${j}`)));
		return { ...q, evidenceSelectors };
	});

	return { ...quiz, questions };
}
