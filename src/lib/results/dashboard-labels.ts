/**
 * Question types, attribution forms and checks as the results dashboards name them, in the
 * page's language. (The quiz editor keeps its own English labels in
 * components/quiz-editor/labels.ts, and articles/types.ts the reader's.)
 */
import { m } from '$lib/paraglide/messages';

const TYPES: Record<string, () => string> = {
	'who-said-it': m.results_type_who,
	'whose-voice': m.results_type_voice,
	'find-evidence': m.results_type_evidence,
	'headline-vs-body': m.results_type_headline,
	'multiple-choice': m.results_type_choice,
	'multiple-response': m.results_type_response,
	'short-answer': m.results_type_short
};

/** "Who said it?", "¿Quién lo dijo?"; the stored type itself when unknown. */
export function typeLabel(type: string): string {
	return Object.hasOwn(TYPES, type) ? TYPES[type]() : type;
}

const FORMS: Record<string, () => string> = {
	'direct-quote': m.form_direct_quote,
	paraphrase: m.form_paraphrase,
	vague: m.form_vague,
	writer: m.form_writer,
	headline: m.form_headline
};

/** An attribution form's name ("Direct quote", "Cita directa"); the stored value itself when unknown. */
export function formLabel(form: string): string {
	return Object.hasOwn(FORMS, form) ? FORMS[form]() : form;
}

const CHECKS: Record<string, () => string> = {
	matches: m.check_matches,
	altered: m.check_altered,
	stretched: m.check_stretched,
	unverified: m.check_unverified
};

/** A claim's check against the original, in words; the stored value itself when unknown. */
export function checkLabel(check: string): string {
	return Object.hasOwn(CHECKS, check) ? CHECKS[check]() : check;
}
