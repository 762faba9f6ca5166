/**
 * Drafts "who said it?" and "whose voice?" questions from an article's claim ledger, for
 * a teacher to edit. Keys come only from the ledger (the claim's speaker, or "no one
 * named" for an unnamed source; the claim's form), prompts quote the claim's own words,
 * and feedback explains the attribution forms in general terms: a draft states no
 * outside fact and puts no words in anyone's mouth.
 */
import { FORM_LABELS } from '$lib/articles/types';
import { NO_ONE_NAMED, type AttributionForm, type Role } from '$lib/articles/vocabulary';
import { VOICE_FORMS, type QuestionDraft } from './question-rules';

/** The question kinds the generator can draft. */
export const DRAFT_KINDS = ['who-said-it', 'whose-voice'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** What the generator reads from the article. */
export interface DraftSource {
	speakers: { key: string; name: string; role: Role }[];
	claims: { key: string; speaker: string; form: AttributionForm; quote: string }[];
}

/** A claim's words in quotation marks: single ones when the words hold double quotes already. */
/** "a direct quote", "the writer's own voice": a form's label as it reads mid-sentence. */
function withArticle(label: string): string {
	return label.startsWith("writer's") ? `the ${label}` : `a ${label}`;
}

export function quoted(words: string): string {
	return /[“”"]/.test(words) ? `‘${words}’` : `“${words}”`;
}

/** At most this many options on a drafted who-said-it question. */
const WHO_OPTIONS = 4;

/**
 * Claims worth a question: credited to a named speaker or to a vague source. Headings
 * and the writer's own sentences are left out: "who said it?" has only one sensible
 * answer for them and "whose voice?" gives nothing away that the layout does not.
 */
export function draftableClaims<C extends DraftSource['claims'][number]>(claims: C[]): C[] {
	return claims.filter((c) => c.form === 'direct-quote' || c.form === 'paraphrase' || c.form === 'vague');
}

const isUnnamed = (s: { role: Role }) => s.role === 'government-unnamed';
const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** How the article credits a claim, in a sentence that fits after "This is". */
const FORM_SENSE: Record<AttributionForm, string> = {
	'direct-quote': 'a direct quote: the words are given as the speaker’s exact words, inside quotation marks',
	paraphrase: 'a paraphrase: the article retells the speaker’s point in its own words, without quotation marks',
	vague: 'a vague source: the claim is handed to a blurry label rather than a person you could check',
	writer: 'the writer’s own voice: no one else is credited',
	headline: 'a headline'
};

/** What each attribution form means, for feedback on a wrong choice. */
const FORM_MEANING: Record<AttributionForm, string> = {
	'direct-quote': 'A direct quote puts someone’s exact words inside quotation marks.',
	paraphrase: 'A paraphrase retells a speaker’s point in new words, without quotation marks.',
	vague: 'A vague source hands a claim to a blurry label, such as an unnamed group or a country, instead of a person.',
	writer: 'The writer’s own voice means the article credits the claim to no one else.',
	headline: 'A headline is the article’s own heading.'
};

function whoSaidIt(claim: DraftSource['claims'][number], source: DraftSource, certainty: boolean): QuestionDraft | null {
	const speaker = source.speakers.find((s) => s.key === claim.speaker);
	if (!speaker) return null;
	const key = isUnnamed(speaker) ? NO_ONE_NAMED : speaker.key;
	// The right answer, the two every who-said-it question offers, then other named
	// speakers from the article, in the article's order, as the remaining choices.
	const others = source.speakers.filter((s) => !isUnnamed(s) && s.key !== 'writer').map((s) => s.key);
	const values = [...new Set([key, 'writer', NO_ONE_NAMED, ...others])].slice(0, Math.max(WHO_OPTIONS, 3));
	const name = (value: string) => source.speakers.find((s) => s.key === value)?.name ?? value;
	const credit = isUnnamed(speaker) ? `“${speaker.name.replace(/^[“"]|[”"]$/g, '')}”, a label that names no one you could check` : capitalised(speaker.name);

	const feedback = (value: string): string => {
		if (value === key) {
			return isUnnamed(speaker)
				? `Right. The article credits this to ${credit}. No person is named, so you can’t ask them what they meant.`
				: `Right. The article credits this to ${credit}. It is ${FORM_SENSE[claim.form]}.`;
		}
		if (value === 'writer') return 'The writer reports this, but the article credits it to a source rather than stating it in its own voice. Look at who the sentence says is speaking.';
		if (value === NO_ONE_NAMED) return `The article does name who it credits here: ${credit}. A vague credit would use a blurry label instead of a name.`;
		return `${capitalised(name(value))} appears in the article, but this claim is not credited to them. Look at who the sentence says is speaking.`;
	};

	return {
		type: 'who-said-it',
		prompt: `Who does the article credit with this? ${quoted(claim.quote)}`,
		claim: claim.key,
		certainty,
		explanation: `The claim ledger credits this claim to ${isUnnamed(speaker) ? `no one named (${credit})` : credit}, as ${withArticle(FORM_LABELS[claim.form].toLowerCase())}.`,
		options: values.map((value) => ({ value, label: '', correct: value === key, feedback: feedback(value) })),
		evidence: [],
		tolerance: '',
		rubric: []
	};
}

function whoseVoice(claim: DraftSource['claims'][number], source: DraftSource, certainty: boolean): QuestionDraft | null {
	if (!(VOICE_FORMS as readonly string[]).includes(claim.form)) return null;
	const speaker = source.speakers.find((s) => s.key === claim.speaker);
	const feedback = (form: AttributionForm) =>
		form === claim.form ? `Right. This is ${FORM_SENSE[form]}.` : `${FORM_MEANING[form]} This one is ${FORM_SENSE[claim.form]}.`;
	return {
		type: 'whose-voice',
		prompt: `How does the article credit this? ${quoted(claim.quote)}`,
		claim: claim.key,
		certainty,
		explanation: `The claim ledger marks this as ${withArticle(FORM_LABELS[claim.form].toLowerCase())}${speaker ? `, credited to ${speaker.name}` : ''}.`,
		options: VOICE_FORMS.map((form) => ({ value: form, label: '', correct: form === claim.form, feedback: feedback(form) })),
		evidence: [],
		tolerance: '',
		rubric: []
	};
}

/**
 * Drafts one question of each chosen kind for each chosen claim, in the ledger's order.
 * Claims that are not in the ledger or not draftable are skipped. `certainty`: whether the
 * drafts ask how sure the student is; the teacher chooses it on the draft form, since
 * certainty-based marks turned on unseen confused students.
 */
export function draftFromClaims(source: DraftSource, claimKeys: string[], kinds: DraftKind[], certainty = false): QuestionDraft[] {
	const wanted = new Set(claimKeys);
	const drafts: QuestionDraft[] = [];
	for (const claim of draftableClaims(source.claims)) {
		if (!wanted.has(claim.key)) continue;
		if (kinds.includes('who-said-it')) {
			const q = whoSaidIt(claim, source, certainty);
			if (q) drafts.push(q);
		}
		if (kinds.includes('whose-voice')) {
			const q = whoseVoice(claim, source, certainty);
			if (q) drafts.push(q);
		}
	}
	return drafts;
}
