/**
 * The editor's question form, both ways: reading a posted form into a draft exactly as
 * the teacher typed it (so a refused draft can be shown back unchanged), and turning a
 * stored question into the draft the form starts from. Option and rubric rows are
 * numbered fields; an empty row is how a new one is added without JavaScript, and a
 * "remove" box takes one away.
 */
import { NO_ONE_NAMED, QUESTION_TYPES, HEADLINE_COMPARISONS, type QuestionType } from '$lib/articles/vocabulary';
import { LABELLED_TYPES, MAX_OPTIONS, MAX_RUBRIC_ITEMS, OPTIONLESS_TYPES, VOICE_FORMS, type OptionDraft, type QuestionDraft } from '$lib/quiz/question-rules';
import type { ClaimView } from '$lib/articles/types';
import { CONTENT_LANGUAGES, type ContentLanguage } from '$lib/articles/content-language';
import type { QuizQuestionRow } from './editor';
import { field } from '../auth/guards';

const MAX_ROWS = 20;

/** A question type from a form or address, or null when it is not one. */
export function questionType(value: string | null): QuestionType | null {
	return QUESTION_TYPES.find((t) => t === value) ?? null;
}

/** The first short value not yet taken by `values` (a, b, …, then o13, o14, …). */
function freshValue(values: string[]): string {
	for (const letter of 'abcdefghijkl') if (!values.includes(letter)) return letter;
	for (let n = 13; ; n++) if (!values.includes(`o${n}`)) return `o${n}`;
}

/** One entry per language the kit offers besides English (fields `…-es`), as typed. */
function versionsOf<K extends string>(read: (language: ContentLanguage) => Record<K, string>): Record<ContentLanguage, Record<K, string>> {
	return Object.fromEntries(CONTENT_LANGUAGES.map((l) => [l, read(l)])) as Record<ContentLanguage, Record<K, string>>;
}

/** Reads a question form into a draft of type `type`, as typed. */
export function readQuestionForm(form: FormData, type: QuestionType): QuestionDraft {
	const rows = (prefix: string, max: number) => Math.min(Number(field(form, `${prefix}-count`, 4)) || 0, max);
	const options: OptionDraft[] = [];
	if (!OPTIONLESS_TYPES.includes(type)) {
		const correct = new Set(form.getAll('correct').filter((v): v is string => typeof v === 'string'));
		for (let i = 0; i < rows('option', MAX_ROWS); i++) {
			if (form.get(`option-${i}-remove`) !== null) continue;
			const localized = versionsOf((l) => ({ feedback: field(form, `option-${i}-feedback-${l}`, 2500) }));
			const row = {
				value: field(form, `option-${i}-value`, 100),
				label: field(form, `option-${i}-label`, 400),
				correct: correct.has(String(i)),
				feedback: field(form, `option-${i}-feedback`, 2500),
				localized
			};
			if (!row.value && !row.label && !row.feedback && !Object.values(localized).some((v) => v.feedback)) continue;
			options.push(row);
		}
		// New typed options get a value of their own; chosen ones (speakers, forms) have theirs.
		if (LABELLED_TYPES.includes(type)) {
			for (const o of options) if (!o.value) o.value = freshValue(options.map((x) => x.value));
		}
	}
	const rubric =
		type === 'short-answer'
			? Array.from({ length: rows('rubric', MAX_ROWS) }, (_, i) => i)
					.filter((i) => form.get(`rubric-${i}-remove`) === null)
					.map((i) => ({ points: field(form, `rubric-${i}-points`, 10), description: field(form, `rubric-${i}-description`, 1200) }))
					.filter((r) => r.points || r.description)
			: [];
	return {
		type,
		prompt: field(form, 'prompt', 2500),
		claim: field(form, 'claim', 100),
		certainty: form.get('certainty') !== null,
		explanation: field(form, 'explanation', 4500),
		localized: versionsOf((l) => ({ explanation: field(form, `explanation-${l}`, 4500) })),
		options: options.slice(0, MAX_OPTIONS + 1),
		evidence: type === 'find-evidence' ? form.getAll('evidence').filter((v): v is string => typeof v === 'string').slice(0, 40).map((v) => v.slice(0, 40)) : [],
		tolerance: type === 'find-evidence' ? field(form, 'tolerance', 10) : '',
		rubric: rubric.slice(0, MAX_RUBRIC_ITEMS + 1)
	};
}

/** The draft a stored question's form starts from. */
export function draftOfQuestion(q: QuizQuestionRow, claims: Pick<ClaimView, 'key' | 'start' | 'end'>[]): QuestionDraft {
	return {
		type: questionType(q.type) ?? 'multiple-choice',
		prompt: q.prompt,
		claim: q.claimId?.split('/').pop() ?? '',
		certainty: q.certainty,
		explanation: q.explanation,
		localized: versionsOf((l) => ({ explanation: q.localized?.[l]?.explanation ?? '' })),
		options: (q.options ?? []).map((o) => ({
			value: o.value,
			label: o.label ?? '',
			correct: o.correct,
			feedback: o.feedback,
			localized: versionsOf((l) => ({ feedback: o.localized?.[l]?.feedback ?? '' }))
		})),
		// A key passage that is exactly a claim is offered as that claim; any other stays a span.
		evidence: (q.evidence ?? []).map((e) => claims.find((c) => c.start === e.start && c.end === e.end)?.key ?? `${e.start}-${e.end}`),
		tolerance: q.tolerancePercent === null ? '' : String(q.tolerancePercent),
		rubric: (q.rubric ?? []).map((r) => ({ points: String(r.points), description: r.description }))
	};
}

/** The form a new question of `type` starts from: the fixed options are already there. */
export function blankDraft(type: QuestionType): QuestionDraft {
	const fixed = (values: readonly string[]) => values.map((value) => ({ value, label: '', correct: false, feedback: '' }));
	return {
		type,
		prompt: '',
		claim: '',
		certainty: type !== 'short-answer',
		explanation: '',
		options:
			type === 'whose-voice' ? fixed(VOICE_FORMS) : type === 'headline-vs-body' ? fixed(HEADLINE_COMPARISONS) : type === 'who-said-it' ? fixed(['writer', NO_ONE_NAMED]) : [],
		evidence: [],
		tolerance: type === 'find-evidence' ? '50' : '',
		rubric: []
	};
}
