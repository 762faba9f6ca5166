/**
 * Questions from Moodle into the kit: an exchange question (read from GIFT or Moodle XML)
 * becomes the editor's draft, which the caller checks with question-rules, the one home
 * of the rules. What Moodle allows and the kit does not is either changed (and the change
 * reported) or refused with the reason. Plain data in, plain data out.
 */
import type { QuestionDraft } from './question-rules';
import { m } from '$lib/i18n/messages';
import { MARKING_GUIDE, type ExchangeQuestion } from './exchange';

/**
 * Files bigger than this are refused with a message (a quiz of a few hundred questions is
 * far smaller). It sits below adapter-node's 512 KB body limit, which answers larger
 * uploads before the app sees them; with JavaScript the page checks the size first.
 */
export const MAX_IMPORT_BYTES = 400 * 1024;

/** The default explanation, option feedback and rubric line, said plainly so a teacher sees what to write. */
export const IMPORT_DEFAULTS = {
	explanation: 'No explanation came with this question when it was imported.',
	right: 'That is the right answer.',
	wrong: 'That is not the right answer.',
	rubric: 'A complete, relevant answer (no marking guide came with this question when it was imported).'
};

/** A draft ready for question-rules, with what changed on the way in. */
export interface ImportedDraft {
	draft: QuestionDraft;
	changes: string[];
}

const LETTERS = 'abcdefghijkl';

function blankDraft(type: QuestionDraft['type'], q: ExchangeQuestion, changes: string[]): QuestionDraft {
	let explanation = q.generalFeedback.trim();
	if (!explanation) {
		explanation = IMPORT_DEFAULTS.explanation;
		changes.push(m.author_mi_no_general_feedback());
	}
	return { type, prompt: q.text.trim(), claim: '', certainty: false, explanation, options: [], evidence: [], tolerance: '', rubric: [] };
}

function withFeedback(options: { text: string; correct: boolean; feedback: string }[], changes: string[]) {
	let written = 0;
	const result = options.map((o, i) => {
		let feedback = o.feedback.trim();
		if (!feedback) {
			feedback = o.correct ? IMPORT_DEFAULTS.right : IMPORT_DEFAULTS.wrong;
			written++;
		}
		return { value: LETTERS[i] ?? `o${i + 1}`, label: o.text.trim(), correct: o.correct, feedback };
	});
	if (written) changes.push(m.author_mi_no_option_feedback({ options: written === 1 ? m.author_mi_n_options_one() : m.author_mi_n_options({ count: written }), right: IMPORT_DEFAULTS.right, wrong: IMPORT_DEFAULTS.wrong }));
	return result;
}

/** Rubric lines read from grader information: "N points: …" lines as written on export, else one line. */
export function rubricFromText(text: string): { points: string; description: string }[] {
	const lines = text
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	const parsed = lines.map((l) => /^(\d{1,2}) points?:\s*(.+)$/.exec(l));
	if (lines.length && parsed.every(Boolean)) return parsed.map((m) => ({ points: m![1], description: m![2] }));
	return lines.length ? [{ points: '1', description: lines.join(' ') }] : [];
}

/**
 * The editor's draft for an imported question, or why it cannot be one. Single-answer
 * multichoice and true/false become multiple choice (who-said-it and the other ledger
 * types need a claim ledger no Moodle file has); several answers become multiple
 * response; shortanswer and essay become short answer, marked by the teacher.
 */
export function importQuestion(q: ExchangeQuestion): ImportedDraft | { skip: string } {
	const changes: string[] = [];
	switch (q.kind) {
		case 'truefalse':
		case 'multichoice': {
			if (q.kind === 'truefalse') changes.push(m.author_mi_truefalse());
			const full = q.options.filter((o) => o.fraction >= 99.99).length;
			const positive = q.options.filter((o) => o.fraction > 0).length;
			if (q.single || q.kind === 'truefalse') {
				if (full === 0) return { skip: m.author_mi_no_full_marks() };
				if (full > 1) return { skip: m.author_mi_several_full({ count: full }) };
				if (positive > full) changes.push(m.author_mi_partial_dropped());
				const draft = blankDraft('multiple-choice', q, changes);
				draft.options = withFeedback(q.options.map((o) => ({ ...o, correct: o.fraction >= 99.99 })), changes);
				return { draft, changes };
			}
			if (positive === 0) return { skip: m.author_mi_no_marks_right() };
			const draft = blankDraft('multiple-response', q, changes);
			draft.options = withFeedback(q.options.map((o) => ({ ...o, correct: o.fraction > 0 })), changes);
			changes.push(m.author_mi_multiple_response());
			return { draft, changes };
		}
		case 'shortanswer': {
			// The kit has no automatic matching of typed words, so the accepted answers become
			// one rubric line the teacher ticks, and their feedback joins the explanation.
			const accepted = q.options.filter((o) => o.fraction > 0);
			if (accepted.length === 0) return { skip: m.author_mi_no_marks_against() };
			const draft = blankDraft('short-answer', q, changes);
			const list = accepted.map((o) => `“${o.text.trim()}”${o.fraction < 99.99 ? ` (${Math.round(o.fraction)}% in Moodle)` : ''}`).join('; ');
			draft.rubric = [{ points: '1', description: `Gives an accepted answer: ${list}` }];
			const said = q.options.filter((o) => o.feedback.trim()).map((o) => `For “${o.text.trim()}”: ${o.feedback.trim()}`);
			if (said.length) draft.explanation = [draft.explanation === IMPORT_DEFAULTS.explanation ? '' : draft.explanation, ...said].filter(Boolean).join('\n');
			changes.push(m.author_mi_short_answer());
			return { draft, changes };
		}
		case 'essay': {
			let guide = q.graderInfo;
			const at = q.generalFeedback.lastIndexOf(MARKING_GUIDE);
			if (!guide.trim() && at !== -1 && (at === 0 || q.generalFeedback[at - 1] === '\n')) {
				// A GIFT file the kit wrote: the marking guide rides in the general feedback.
				guide = q.generalFeedback.slice(at + MARKING_GUIDE.length);
				q = { ...q, generalFeedback: q.generalFeedback.slice(0, at) };
			}
			const draft = blankDraft('short-answer', q, changes);
			draft.rubric = rubricFromText(guide);
			if (draft.rubric.length === 0) {
				draft.rubric = [{ points: '1', description: IMPORT_DEFAULTS.rubric }];
				changes.push(m.author_mi_no_grader_info());
			}
			return { draft, changes };
		}
	}
}
