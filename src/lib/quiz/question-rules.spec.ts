import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { NO_ONE_NAMED, QUESTION_TYPES } from '$lib/articles/vocabulary';
import { ContentPackError, readPack } from '$lib/server/content/read-pack';
import { copyContent, editPackFile, SLUG } from '../../../tests/fixtures/content-pack';
import { checkQuestion, questionRuleProblems, type Ledger, type QuestionDraft } from './question-rules';

const LEDGER: Ledger = {
	speakers: [
		{ key: 'writer', role: 'writer' },
		{ key: 'mayor', role: 'government-official' },
		{ key: 'officials', role: 'government-unnamed' }
	],
	claims: [
		{ key: 'h1', speaker: 'writer', form: 'headline' },
		{ key: 'c2', speaker: 'mayor', form: 'direct-quote' },
		{ key: 'c3', speaker: 'officials', form: 'vague' }
	]
};

const opt = (value: string, correct = false, label = '') => ({ value, label, correct, feedback: `Feedback on ${value}.` });
const base = { prompt: 'Who said it?', claim: '', certainty: true, explanation: 'Because.', options: [], evidence: [], tolerance: '', rubric: [] };
/** A valid question of each type; each case below breaks one rule. */
const VALID: Record<string, QuestionDraft> = {
	who: { ...base, type: 'who-said-it', claim: 'c2', options: [opt('mayor', true), opt('writer'), opt(NO_ONE_NAMED)] },
	voice: { ...base, type: 'whose-voice', claim: 'c2', options: [opt('direct-quote', true), opt('paraphrase'), opt('vague'), opt('writer')] },
	headline: { ...base, type: 'headline-vs-body', claim: 'h1', options: [opt('more', true), opt('less'), opt('same')] },
	mc: { ...base, type: 'multiple-choice', options: [opt('a', true, 'Yes'), opt('b', false, 'No')] },
	mr: { ...base, type: 'multiple-response', options: [opt('a', true, 'One'), opt('b', false, 'Two'), opt('c', true, 'Three')] },
	evidence: { ...base, type: 'find-evidence', evidence: ['c2', '10-20'], tolerance: '50' },
	short: { ...base, type: 'short-answer', certainty: false, rubric: [{ points: '2', description: 'Names the speaker.' }] }
};

/** Drafts that each break one rule, the field it is about, and the words the teacher reads. */
const cases: [string, QuestionDraft, string, RegExp][] = [
	['empty prompt', { ...VALID.mc, prompt: '  ' }, 'prompt', /prompt/],
	['no explanation', { ...VALID.mc, explanation: '' }, 'explanation', /explanation/],
	['option without feedback', { ...VALID.mc, options: [opt('a', true, 'Yes'), { ...opt('b', false, 'No'), feedback: '' }] }, 'options.1.feedback', /feedback/],
	['two correct single-choice options', { ...VALID.mc, options: [opt('a', true, 'Yes'), opt('b', true, 'No')] }, 'options', /exactly one/],
	['no correct option', { ...VALID.mc, options: [opt('a', false, 'Yes'), opt('b', false, 'No')] }, 'options', /exactly one/],
	['an unlabelled choice', { ...VALID.mc, options: [opt('a', true, 'Yes'), opt('b')] }, 'options.1.label', /text students will see/],
	['one option only', { ...VALID.mc, options: [opt('a', true, 'Yes')] }, 'options', /at least 2/],
	['multiple response with none correct', { ...VALID.mr, options: VALID.mr.options.map((o) => ({ ...o, correct: false })) }, 'options', /at least one/],
	['who-said-it without no-one-named', { ...VALID.who, options: [opt('mayor', true), opt('writer'), opt('officials')] }, 'options', /No one is named/],
	['who-said-it keyed against the ledger', { ...VALID.who, options: [opt('mayor'), opt('writer', true), opt(NO_ONE_NAMED)] }, 'options', /credits this claim to “mayor”/],
	['who-said-it on an unnamed source keyed to its speaker', { ...VALID.who, claim: 'c3', options: [opt('officials', true), opt('writer'), opt(NO_ONE_NAMED)] }, 'options', /no one named/],
	['who-said-it with an unknown speaker', { ...VALID.who, options: [...VALID.who.options, opt('someone')] }, 'options.3.value', /not in this article/],
	['who-said-it without a claim', { ...VALID.who, claim: '' }, 'claim', /Link this question/],
	['a claim not in the ledger', { ...VALID.who, claim: 'c99' }, 'claim', /not in this article/],
	['whose-voice keyed against the ledger', { ...VALID.voice, options: [opt('direct-quote'), opt('paraphrase', true), opt('vague'), opt('writer')] }, 'options', /“Direct quote”/],
	['whose-voice missing a form', { ...VALID.voice, options: [opt('direct-quote', true), opt('paraphrase'), opt('vague')] }, 'options', /exactly these/],
	['headline-vs-body on a body claim', { ...VALID.headline, claim: 'c2' }, 'claim', /heading/],
	['duplicate options', { ...VALID.mc, options: [opt('a', true, 'Yes'), opt('a', false, 'No')] }, 'options', /same/],
	['find-evidence with no passage', { ...VALID.evidence, evidence: [] }, 'evidence', /at least one/],
	['find-evidence with a bad tolerance', { ...VALID.evidence, tolerance: '0' }, 'tolerance', /1 to 100/],
	['short answer with no rubric', { ...VALID.short, rubric: [] }, 'rubric', /rubric/],
	['rubric points out of range', { ...VALID.short, rubric: [{ points: '11', description: 'Too many' }] }, 'rubric.0.points', /0 to 10/]
];

describe('checkQuestion', () => {
	it.each(Object.entries(VALID))('accepts a valid %s question', (_, draft) => {
		expect(checkQuestion(draft, LEDGER)).toMatchObject({ ok: true });
	});

	it('stores labels only where students read them, and numbers as numbers', () => {
		const who = checkQuestion(VALID.who, LEDGER);
		expect(who.ok && who.question.options?.every((o) => o.label === null)).toBe(true);
		const short = checkQuestion(VALID.short, LEDGER);
		expect(short.ok && short.question).toMatchObject({ options: null, rubric: [{ points: 2, description: 'Names the speaker.' }] });
		const evidence = checkQuestion(VALID.evidence, LEDGER);
		expect(evidence.ok && evidence.question).toMatchObject({ tolerancePercent: 50, evidence: ['c2', '10-20'] });
	});

	it.each(cases)('refuses %s, naming the field', (_, draft, field, message) => {
		const result = checkQuestion(draft, LEDGER);
		expect(result.ok).toBe(false);
		const problem = !result.ok && result.problems.find((p) => p.field === field);
		expect(problem, JSON.stringify(result)).toBeTruthy();
		expect(problem && problem.message).toMatch(message);
	});
});

const packDir = join(process.cwd(), 'src/content/articles', SLUG);

describe('the shipped quiz (quiz.yaml)', async () => {
	const pack = await readPack(packDir);
	const quiz = pack.quiz!;

	it('has at least 15 questions covering every question type', () => {
		expect(quiz.questions.length).toBeGreaterThanOrEqual(15);
		expect(new Set(quiz.questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
	});

	it('gives every option feedback, and every question something to link back to', () => {
		for (const q of quiz.questions) {
			for (const o of q.options ?? []) expect(o.feedback.length, `${q.id}/${o.value}`).toBeGreaterThan(20);
			const links = (q.claim ? 1 : 0) + q.notes.length + q.evidenceSelectors.length;
			expect(links, q.id).toBeGreaterThan(0);
		}
	});

	it('resolves every find-the-evidence key to words of the article', () => {
		for (const q of quiz.questions.filter((x) => x.type === 'find-evidence')) {
			for (const s of q.evidenceSelectors) expect(pack.text.slice(s.position.start, s.position.end)).toBe(s.quote.exact);
		}
	});
});

describe('a broken quiz.yaml', () => {
	it.each<[string, (s: string) => string, RegExp, RegExp]>([
		['a key that disagrees with the ledger', (s) => s.replace(/(type: whose-voice[\s\S]*?value: )(direct-quote|paraphrase|vague|writer)(\n\s+correct: true)/, (_, a, form, b) => `${a}${form === 'writer' ? 'vague' : 'writer'}${b}`), /options/, /./],
		['an unknown claim', (s) => s.replace(/claim: c\d+/, 'claim: c99'), /^quiz\.questions\.\d+\.claim$/, /unknown claim "c99"/],
		['an unknown note', (s) => s.replace(/notes: \[n\d+/, 'notes: [n99'), /^quiz\.questions\.\d+\.notes\.0$/, /unknown note "n99"/]
	])('with %s names the file, field and reason', async (_, edit, field, reason) => {
		const { root, packDir: dir } = await copyContent();
		await editPackFile(dir, 'quiz.yaml', edit);
		const error = await readPack(dir, root).then(() => null, (e: unknown) => e);
		expect(error).toBeInstanceOf(ContentPackError);
		expect((error as ContentPackError).file).toBe(`articles/${SLUG}/quiz.yaml`);
		expect((error as ContentPackError).field).toMatch(field);
		expect((error as ContentPackError).reason).toMatch(reason);
	});
});

describe('one rule, two entry points', () => {
	it('refuses two correct options in a pack with the editor’s very words', async () => {
		const { root, packDir: dir } = await copyContent();
		await editPackFile(dir, 'quiz.yaml', (s) => s.replace('label: Any work with the U.S.\n', 'label: Any work with the U.S.\n          correct: true\n'));
		const error = (await readPack(dir, root).then(() => null, (e: unknown) => e)) as ContentPackError;
		expect(error).toBeInstanceOf(ContentPackError);
		expect(error.field).toMatch(/^quiz\.questions\.\d+\.options$/);
		const editor = checkQuestion({ ...VALID.mc, options: [opt('a', true, 'Yes'), opt('b', true, 'No')] }, LEDGER);
		expect(editor.ok).toBe(false);
		expect(!editor.ok && editor.problems.map((p) => p.message)).toContain(error.reason);
	});

	it('gives the same problems for the same question in either form', () => {
		const asRule = (d: QuestionDraft) => ({ type: d.type, claim: d.claim || null, options: d.options, evidenceCount: d.evidence.length, rubricCount: d.rubric.length });
		for (const [, draft] of cases) {
			const editor = checkQuestion(draft, LEDGER);
			const shared = questionRuleProblems(asRule(draft), LEDGER);
			// The editor adds only its field formats (zod, tolerance, passage keys) to the shared rules.
			if (!editor.ok) for (const p of shared) expect(editor.problems).toContainEqual(p);
		}
	});
});
