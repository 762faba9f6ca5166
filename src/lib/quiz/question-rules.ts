/**
 * The rules every quiz question meets, wherever it was written: the teacher's editor, a
 * Moodle import, or a content pack's quiz.yaml (which check-quiz reads through
 * `questionRuleProblems`, the one home of these rules). Keys agree with the claim ledger,
 * the ledger types offer fixed option sets, single-choice types have one correct option.
 * Problems are worded for a teacher and reported per field, so the editor can show every
 * problem beside the form that caused it, and a pack error names the field. Plain data in,
 * plain data out.
 */
import { z } from 'zod';
import { m } from '$lib/i18n/messages';
import { formLabel } from '$lib/articles/vocabulary-labels';
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
	type: z.enum(QUESTION_TYPES, { error: () => m.author_qe_err_choose_type() }),
	prompt: z.string().trim().min(1, { error: () => m.author_qr_prompt() }).max(2000, { error: () => m.author_qr_prompt_long() }),
	claim: z.string().trim().max(100),
	certainty: z.boolean(),
	explanation: z
		.string()
		.trim()
		.min(1, { error: () => m.author_qr_explanation() })
		.max(4000, { error: () => m.author_qr_explanation_long() }),
	localized: versionsSchema('explanation', 4000, 'The explanation'),
	options: z
		.array(
			z.object({
				value: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: () => m.author_qr_option_value() }).max(100),
				label: z.string().trim().max(300, { error: () => m.author_qr_label_long() }),
				correct: z.boolean(),
				feedback: z
					.string()
					.trim()
					.min(1, { error: () => m.author_qr_feedback() })
					.max(2000, { error: () => m.author_qr_feedback_long() }),
				localized: versionsSchema('feedback', 2000, 'Feedback')
			})
		)
		.max(MAX_OPTIONS, { error: () => m.author_qr_max_options({ max: MAX_OPTIONS }) }),
	evidence: z.array(z.string().max(40)).max(MAX_EVIDENCE, { error: () => m.author_qr_max_evidence({ max: MAX_EVIDENCE }) }),
	tolerance: z.string().trim(),
	rubric: z
		.array(
			z.object({
				points: z
					.string()
					.trim()
					.regex(/^\d{1,2}$/, { error: () => m.author_qr_points() })
					.refine((p) => Number(p) <= 10, { error: () => m.author_qr_points() }),
				description: z.string().trim().min(1, { error: () => m.author_qr_rubric_description() }).max(1000, { error: () => m.author_qr_rubric_long() })
			})
		)
		.max(MAX_RUBRIC_ITEMS, { error: () => m.author_qr_max_rubric({ max: MAX_RUBRIC_ITEMS }) })
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
	if (q.claim && !claim) problem('claim', m.author_qr_claim_unknown());
	const needClaim = () => {
		if (!q.claim) problem('claim', m.author_qr_claim_needed());
		return claim;
	};

	const options = q.options;
	const values = options.map((o) => o.value);
	const correct = options.filter((o) => o.correct).map((o) => o.value);
	if (new Set(values).size !== values.length) problem('options', m.author_qr_duplicate());
	const needOptions = (min: number) => options.length >= min || problem('options', m.author_qr_min_options({ min }));
	const oneCorrect = () => correct.length === 1 || problem('options', m.author_qr_one_correct());
	const needLabels = () => options.forEach((o, i) => o.label || problem(`options.${i}.label`, m.author_qr_label()));

	switch (q.type) {
		case 'who-said-it': {
			const c = needClaim();
			needOptions(3);
			oneCorrect();
			if (!values.includes('writer') || !values.includes(NO_ONE_NAMED)) {
				problem('options', m.author_qr_writer_and_no_one());
			}
			values.forEach((v, i) => v === NO_ONE_NAMED || ledger.speakers.some((s) => s.key === v) || problem(`options.${i}.value`, m.author_qr_speaker_unknown()));
			const speaker = c && ledger.speakers.find((s) => s.key === c.speaker);
			if (speaker && correct.length === 1) {
				const expected = speaker.role === 'government-unnamed' ? NO_ONE_NAMED : speaker.key;
				if (correct[0] !== expected) {
					problem('options', expected === NO_ONE_NAMED ? m.author_qr_ledger_no_one() : m.author_qr_ledger_speaker({ speaker: expected }));
				}
			}
			break;
		}
		case 'whose-voice': {
			const c = needClaim();
			if (values.length !== VOICE_FORMS.length || !VOICE_FORMS.every((f) => values.includes(f))) {
				problem('options', m.author_qr_exact_options({ options: VOICE_FORMS.map((f) => formLabel(f)).join(', ') }));
			}
			oneCorrect();
			if (c && c.form === 'headline') problem('claim', m.author_qr_body_claim());
			else if (c && correct.length === 1 && correct[0] !== c.form) {
				problem('options', m.author_qr_ledger_form({ form: formLabel(c.form) }));
			}
			break;
		}
		case 'headline-vs-body': {
			const c = needClaim();
			if (c && c.form !== 'headline') problem('claim', m.author_qr_heading_claim());
			if (values.length !== HEADLINE_COMPARISONS.length || !HEADLINE_COMPARISONS.every((v) => values.includes(v))) {
				problem('options', m.author_qr_exact_options({ options: HEADLINE_COMPARISONS.join(', ') }));
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
			if (correct.length === 0) problem('options', m.author_qr_some_correct());
			needLabels();
			break;
		case 'find-evidence':
			if (q.evidenceCount === 0) problem('evidence', m.author_qr_evidence());
			if (options.length) problem('options', m.author_qr_evidence_no_options());
			break;
		case 'short-answer':
			if (q.rubricCount === 0) problem('rubric', m.author_qr_rubric());
			if (options.length) problem('options', m.author_qr_short_no_options());
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
			problems.push({ field: 'evidence', message: m.author_qr_passage_unknown() });
		}
		if (!/^\d{1,3}$/.test(q.tolerance) || Number(q.tolerance) < 1 || Number(q.tolerance) > 100) {
			problems.push({ field: 'tolerance', message: m.author_qr_tolerance() });
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
