/**
 * The rules every quiz question meets, wherever it was written: the teacher's editor, a
 * Moodle import, or a content pack's quiz.yaml (which check-quiz reads through
 * `questionRuleProblems`, the one home of these rules). Keys agree with the claim ledger,
 * the ledger types offer fixed option sets, single-choice types have one correct option.
 * Problems are worded for a teacher and reported per field, so the editor can show every
 * problem beside the form that caused it, and a pack error names the field. Plain data in,
 * plain data out.
 */
import { FORM_LABELS } from '$lib/articles/types';
import { z } from 'zod';
import { ATTRIBUTION_FORMS, HEADLINE_COMPARISONS, NO_ONE_NAMED, QUESTION_TYPES, type AttributionForm, type QuestionType, type Role } from '$lib/articles/vocabulary';
import { CONTENT_LANGUAGES, type ContentLanguage } from '$lib/articles/content-language';

/** Texts in other languages than English, by language tag; an empty one means none. */
export type TypedVersions<K extends string> = Partial<Record<ContentLanguage, Record<K, string>>>;

/** One answer option as the teacher typed it. */
export interface OptionDraft {
	value: string;
	label: string;
	correct: boolean;
	feedback: string;
	/** The feedback in other languages (optional; students reading in one see it instead). */
	localized?: TypedVersions<'feedback'>;
}

/** One rubric line as typed; points stay text so a bad number can be shown back. */
export interface RubricDraft {
	points: string;
	description: string;
}

/** A question as the editor's form sends it: strings as typed, nothing trusted yet. */
export interface QuestionDraft {
	type: QuestionType;
	prompt: string;
	/** The linked claim's key, or '' for none. */
	claim: string;
	certainty: boolean;
	explanation: string;
	/** The explanation in other languages (optional). */
	localized?: TypedVersions<'explanation'>;
	options: OptionDraft[];
	/** Key passages: claim keys, or `start-end` for a passage that is not a whole claim. */
	evidence: string[];
	tolerance: string;
	rubric: RubricDraft[];
}

/** What the rules need to know about the article: its speakers and its claim ledger. */
export interface Ledger {
	speakers: { key: string; role: Role }[];
	claims: { key: string; speaker: string; form: AttributionForm }[];
}

/** A question that passed every rule, ready to store. */
export interface CheckedQuestion {
	type: QuestionType;
	prompt: string;
	claim: string | null;
	certainty: boolean;
	explanation: string;
	/** The explanation in other languages, only those written; null when none is. */
	localized?: Record<string, { explanation: string }> | null;
	options: { value: string; label: string | null; correct: boolean; feedback: string; localized?: Record<string, { feedback: string }> }[] | null;
	evidence: string[] | null;
	tolerancePercent: number | null;
	rubric: { points: number; description: string }[] | null;
}

/** A problem with one field of the draft (`options`, `options.2.feedback`, `prompt`, …). */
export interface Problem {
	field: string;
	message: string;
}

export const MAX_OPTIONS = 12;
export const MAX_RUBRIC_ITEMS = 10;
export const MAX_EVIDENCE = 10;

/** The option values a whose-voice question must offer: every form but headline. */
export const VOICE_FORMS = ATTRIBUTION_FORMS.filter((f) => f !== 'headline');
/** The question types whose options the student reads as typed labels. */
export const LABELLED_TYPES: readonly QuestionType[] = ['multiple-choice', 'multiple-response'];
/** The types whose options are a fixed set the teacher cannot add to or remove from. */
export const FIXED_OPTION_TYPES: readonly QuestionType[] = ['whose-voice', 'headline-vs-body'];
/** The types that take no options at all. */
export const OPTIONLESS_TYPES: readonly QuestionType[] = ['find-evidence', 'short-answer'];

/** Optional versions of one text field in the kit's other languages, each as long as the English may be. */
const versionsSchema = <K extends string>(field: K, max: number, what: string) =>
	z
		.partialRecord(
			z.enum(CONTENT_LANGUAGES),
			z.object({ [field]: z.string().trim().max(max, `${what} in another language can be at most ${max.toLocaleString('en')} characters.`) } as Record<K, z.ZodString>)
		)
		.optional();

/** Only the versions actually written (a blank field is no version), or undefined when none is. */
function written<K extends string>(versions: Partial<Record<string, Record<K, string>>> | undefined, field: K): Record<string, Record<K, string>> | undefined {
	const kept = Object.entries(versions ?? {}).filter(([, v]) => v?.[field]);
	return kept.length ? (Object.fromEntries(kept) as Record<string, Record<K, string>>) : undefined;
}

const draftSchema = z.object({
	type: z.enum(QUESTION_TYPES, 'Choose a question type.'),
	prompt: z.string().trim().min(1, 'Write the question’s prompt.').max(2000, 'The prompt can be at most 2,000 characters.'),
	claim: z.string().trim().max(100),
	certainty: z.boolean(),
	explanation: z
		.string()
		.trim()
		.min(1, 'Write an explanation: students read it after answering.')
		.max(4000, 'The explanation can be at most 4,000 characters.'),
	localized: versionsSchema('explanation', 4000, 'The explanation'),
	options: z
		.array(
			z.object({
				value: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Choose what this option is.').max(100),
				label: z.string().trim().max(300, 'Option labels can be at most 300 characters.'),
				correct: z.boolean(),
				feedback: z
					.string()
					.trim()
					.min(1, 'Write feedback for this option: students see it when they choose it.')
					.max(2000, 'Feedback can be at most 2,000 characters.'),
				localized: versionsSchema('feedback', 2000, 'Feedback')
			})
		)
		.max(MAX_OPTIONS, `A question can have at most ${MAX_OPTIONS} options.`),
	evidence: z.array(z.string().max(40)).max(MAX_EVIDENCE, `Choose at most ${MAX_EVIDENCE} key passages.`),
	tolerance: z.string().trim(),
	rubric: z
		.array(
			z.object({
				points: z
					.string()
					.trim()
					.regex(/^\d{1,2}$/, 'Points must be a whole number from 0 to 10.')
					.refine((p) => Number(p) <= 10, 'Points must be a whole number from 0 to 10.'),
				description: z.string().trim().min(1, 'Describe what earns these points.').max(1000, 'Rubric lines can be at most 1,000 characters.')
			})
		)
		.max(MAX_RUBRIC_ITEMS, `A rubric can have at most ${MAX_RUBRIC_ITEMS} lines.`)
});

/** What the shared rules look at in a question, whichever form it came in. */
export interface RuleQuestion {
	type: QuestionType;
	/** The linked claim's key, or null for none. */
	claim: string | null;
	options: { value: string; label: string; correct: boolean }[];
	/** How many key passages a find-the-evidence question has. */
	evidenceCount: number;
	/** How many rubric lines a short answer has. */
	rubricCount: number;
}

/**
 * Every way `q` breaks the question rules against the article's `ledger`, each tied to
 * its field (`claim`, `options`, `options.2.value`, `evidence`, `rubric`); empty when it
 * passes. Formats of single fields (a tolerance, a rubric's points) belong to each form.
 */
export function questionRuleProblems(q: RuleQuestion, ledger: Ledger): Problem[] {
	const problems: Problem[] = [];
	const problem = (field: string, message: string) => problems.push({ field, message });

	const claim = q.claim ? ledger.claims.find((c) => c.key === q.claim) : undefined;
	if (q.claim && !claim) problem('claim', 'That claim is not in this article’s ledger.');
	const needClaim = () => {
		if (!q.claim) problem('claim', 'Link this question to a claim: its key comes from the claim ledger.');
		return claim;
	};

	const options = q.options;
	const values = options.map((o) => o.value);
	const correct = options.filter((o) => o.correct).map((o) => o.value);
	if (new Set(values).size !== values.length) problem('options', 'Two options are the same; each option must be different.');
	const needOptions = (min: number) => options.length >= min || problem('options', `Give at least ${min} options.`);
	const oneCorrect = () => correct.length === 1 || problem('options', 'Mark exactly one option as correct.');
	const needLabels = () => options.forEach((o, i) => o.label || problem(`options.${i}.label`, 'Write the text students will see for this option.'));

	switch (q.type) {
		case 'who-said-it': {
			const c = needClaim();
			needOptions(3);
			oneCorrect();
			if (!values.includes('writer') || !values.includes(NO_ONE_NAMED)) {
				problem('options', 'Offer both “the writer” and “No one is named” among the options.');
			}
			values.forEach((v, i) => v === NO_ONE_NAMED || ledger.speakers.some((s) => s.key === v) || problem(`options.${i}.value`, 'That speaker is not in this article.'));
			const speaker = c && ledger.speakers.find((s) => s.key === c.speaker);
			if (speaker && correct.length === 1) {
				const expected = speaker.role === 'government-unnamed' ? NO_ONE_NAMED : speaker.key;
				if (correct[0] !== expected) {
					problem('options', `The claim ledger credits this claim to ${expected === NO_ONE_NAMED ? 'no one named' : `“${expected}”`}; mark that option as correct.`);
				}
			}
			break;
		}
		case 'whose-voice': {
			const c = needClaim();
			if (values.length !== VOICE_FORMS.length || !VOICE_FORMS.every((f) => values.includes(f))) {
				problem('options', `Offer exactly these options: ${VOICE_FORMS.map((f) => FORM_LABELS[f]).join(', ')}.`);
			}
			oneCorrect();
			if (c && c.form === 'headline') problem('claim', 'Choose a claim from the body: headings are not credited to a voice.');
			else if (c && correct.length === 1 && correct[0] !== c.form) {
				problem('options', `The claim ledger marks this claim as “${FORM_LABELS[c.form]}”; mark that option as correct.`);
			}
			break;
		}
		case 'headline-vs-body': {
			const c = needClaim();
			if (c && c.form !== 'headline') problem('claim', 'Choose a heading: this question compares a heading with the text beneath it.');
			if (values.length !== HEADLINE_COMPARISONS.length || !HEADLINE_COMPARISONS.every((v) => values.includes(v))) {
				problem('options', `Offer exactly these options: ${HEADLINE_COMPARISONS.join(', ')}.`);
			}
			oneCorrect();
			break;
		}
		case 'multiple-choice':
			needOptions(2);
			oneCorrect();
			needLabels();
			break;
		case 'multiple-response':
			needOptions(3);
			if (correct.length === 0) problem('options', 'Mark at least one option as correct.');
			needLabels();
			break;
		case 'find-evidence':
			if (q.evidenceCount === 0) problem('evidence', 'Choose at least one key passage.');
			if (options.length) problem('options', 'Find-the-evidence questions take no options: students select words in the article.');
			break;
		case 'short-answer':
			if (q.rubricCount === 0) problem('rubric', 'Add at least one rubric line for marking.');
			if (options.length) problem('options', 'Short-answer questions take no options.');
			break;
	}
	return problems;
}

/**
 * Checks a draft from the editor (or an import) against the question rules and the
 * article's ledger. Returns the question ready to store, or every problem found, each
 * tied to the field it is about.
 */
export function checkQuestion(draft: QuestionDraft, ledger: Ledger): { ok: true; question: CheckedQuestion } | { ok: false; problems: Problem[] } {
	const parsed = draftSchema.safeParse(draft);
	if (!parsed.success) {
		return { ok: false, problems: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'question', message: i.message })) };
	}
	const q = parsed.data;
	const options = q.options;
	const problems = questionRuleProblems(
		{ type: q.type, claim: q.claim || null, options, evidenceCount: q.evidence.length, rubricCount: q.rubric.length },
		ledger
	);
	// The editor's own forms of two fields: passages as claim keys or offsets, tolerance in percent.
	if (q.type === 'find-evidence') {
		if (q.evidence.some((e) => !ledger.claims.some((c) => c.key === e) && !/^\d{1,7}-\d{1,7}$/.test(e))) {
			problems.push({ field: 'evidence', message: 'A chosen passage is not in this article.' });
		}
		if (!/^\d{1,3}$/.test(q.tolerance) || Number(q.tolerance) < 1 || Number(q.tolerance) > 100) {
			problems.push({ field: 'tolerance', message: 'Tolerance must be a whole number from 1 to 100.' });
		}
	}
	if (problems.length) return { ok: false, problems };

	const labelled = LABELLED_TYPES.includes(q.type);
	return {
		ok: true,
		question: {
			type: q.type,
			prompt: q.prompt,
			claim: q.claim || null,
			certainty: q.certainty,
			explanation: q.explanation,
			localized: written(q.localized, 'explanation') ?? null,
			options: OPTIONLESS_TYPES.includes(q.type)
				? null
				: options.map((o) => {
						const localized = written(o.localized, 'feedback');
						return { value: o.value, label: labelled ? o.label : null, correct: o.correct, feedback: o.feedback, ...(localized ? { localized } : {}) };
					}),
			evidence: q.type === 'find-evidence' ? [...new Set(q.evidence)] : null,
			tolerancePercent: q.type === 'find-evidence' ? Number(q.tolerance) : null,
			rubric: q.type === 'short-answer' ? q.rubric.map((r) => ({ points: Number(r.points), description: r.description })) : null
		}
	};
}
