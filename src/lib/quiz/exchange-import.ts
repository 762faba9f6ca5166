/**
 * Questions from Moodle into the kit: an exchange question (read from GIFT or Moodle XML)
 * becomes the editor's draft, which the caller checks with question-rules, the one home
 * of the rules. What Moodle allows and the kit does not is either changed (and the change
 * reported) or refused with the reason. Plain data in, plain data out.
 */
import type { QuestionDraft } from './question-rules';
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
		changes.push('it had no general feedback, so its explanation says so');
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
	if (written) changes.push(`${written} option${written === 1 ? '' : 's'} had no feedback, so “${IMPORT_DEFAULTS.right}” or “${IMPORT_DEFAULTS.wrong}” stands in`);
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
			if (q.kind === 'truefalse') changes.push('true/false became multiple choice with the options “True” and “False”');
			const full = q.options.filter((o) => o.fraction >= 99.99).length;
			const positive = q.options.filter((o) => o.fraction > 0).length;
			if (q.single || q.kind === 'truefalse') {
				if (full === 0) return { skip: 'No answer earns full marks, and a multiple-choice question in the kit needs exactly one right option.' };
				if (full > 1) return { skip: `${full} answers earn full marks, and a multiple-choice question in the kit has exactly one right option.` };
				if (positive > full) changes.push('partial marks for nearly-right options were dropped (the kit marks one option right)');
				const draft = blankDraft('multiple-choice', q, changes);
				draft.options = withFeedback(q.options.map((o) => ({ ...o, correct: o.fraction >= 99.99 })), changes);
				return { draft, changes };
			}
			if (positive === 0) return { skip: 'No answer earns marks, so there is nothing to mark as right.' };
			const draft = blankDraft('multiple-response', q, changes);
			draft.options = withFeedback(q.options.map((o) => ({ ...o, correct: o.fraction > 0 })), changes);
			changes.push('the kit marks multiple response its own way: each right pick earns an equal share, each wrong pick takes one back');
			return { draft, changes };
		}
		case 'shortanswer': {
			// The kit has no automatic matching of typed words, so the accepted answers become
			// one rubric line the teacher ticks, and their feedback joins the explanation.
			const accepted = q.options.filter((o) => o.fraction > 0);
			if (accepted.length === 0) return { skip: 'No answer earns marks, so there is nothing to mark against.' };
			const draft = blankDraft('short-answer', q, changes);
			const list = accepted.map((o) => `“${o.text.trim()}”${o.fraction < 99.99 ? ` (${Math.round(o.fraction)}% in Moodle)` : ''}`).join('; ');
			draft.rubric = [{ points: '1', description: `Gives an accepted answer: ${list}` }];
			const said = q.options.filter((o) => o.feedback.trim()).map((o) => `For “${o.text.trim()}”: ${o.feedback.trim()}`);
			if (said.length) draft.explanation = [draft.explanation === IMPORT_DEFAULTS.explanation ? '' : draft.explanation, ...said].filter(Boolean).join('\n');
			changes.push('short answer became a written answer you mark: its accepted answers are one rubric line');
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
				changes.push('it had no grader information, so its rubric has one line for you to rewrite');
			}
			return { draft, changes };
		}
	}
}
