import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { readPack, type ContentPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { createFirstTeacher, signUpTeacher } from '../../src/lib/server/people/teachers';
import { startPracticeAttempt } from '../../src/lib/server/quiz/responses';
import {
	assignableQuizzes,
	copyQuiz,
	createQuiz,
	editableQuiz,
	listQuizzes,
	ownedOrPackQuiz,
	questionsOf,
	updateQuizDetails
} from '../../src/lib/server/quiz/editor';
import { InvalidQuestion, addDrafts, addQuestion, moveQuestion, removeQuestion, updateQuestion } from '../../src/lib/server/quiz/editor-questions';
import { NO_ONE_NAMED } from '../../src/lib/articles/vocabulary';
import type { QuestionDraft } from '../../src/lib/quiz/question-rules';
import { copyContent, SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { refusal } from '../fixtures/refusal';

const base = { prompt: 'Pick one.', claim: '', certainty: true, explanation: 'Because.', options: [], evidence: [], tolerance: '', rubric: [] };
const opt = (value: string, correct = false, label = '') => ({ value, label, correct, feedback: `About ${value}.` });
/** Question drafts on the shipped article (c12: Anna Kelly, paraphrase; c16: a vague “Washington”). */
const DRAFTS = {
	mc: (prompt = 'Pick one.'): QuestionDraft => ({ ...base, prompt, type: 'multiple-choice', options: [opt('a', true, 'Yes'), opt('b', false, 'No')] }),
	who: (correct: string): QuestionDraft => ({
		...base,
		type: 'who-said-it',
		claim: 'c16',
		options: [opt('anna-kelly', correct === 'anna-kelly'), opt('writer', correct === 'writer'), opt(NO_ONE_NAMED, correct === NO_ONE_NAMED)]
	}),
	evidence: (): QuestionDraft => ({ ...base, type: 'find-evidence', evidence: ['c12'], tolerance: '40' })
};

describe(`the quiz editor on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;
	let ada: string;
	let olu: string;
	const packQuizId = () => `${SLUG}/quiz-${pack.quiz!.id}`;

	beforeEach(async () => {
		handle = await freshDatabase();
		const { packDir } = await copyContent();
		pack = await readPack(packDir);
		await syncPack(handle, pack);
		ada = (await createFirstTeacher(handle, { name: 'Ada', email: 'ada@school.test', password: 'harbor lantern violet' }, 'open')).id;
		olu = (await signUpTeacher(handle, { name: 'Olu', email: 'olu@school.test', password: 'meadow copper tunnel' }, null)).id;
	});
	afterEach(async () => handle.close());

	it('creates a quiz only its owner sees; another teacher gets a 404 for every use of it', async () => {
		const { id } = await createQuiz(handle, ada, { articleSlug: SLUG, title: '  Voices   check ' });
		expect((await ownedOrPackQuiz(handle, ada, id)).title).toBe('Voices check');
		expect((await listQuizzes(handle, ada)).map((q) => q.id)).toEqual([packQuizId(), id]);
		expect((await listQuizzes(handle, olu)).map((q) => q.id)).toEqual([packQuizId()]);

		await addQuestion(handle, ada, id, DRAFTS.mc());
		const [question] = await questionsOf(handle, id);
		for (const use of [
			() => ownedOrPackQuiz(handle, olu, id),
			() => editableQuiz(handle, olu, id),
			() => copyQuiz(handle, olu, id),
			() => updateQuizDetails(handle, olu, id, { title: 'Mine now', description: '' }),
			() => addQuestion(handle, olu, id, DRAFTS.mc()),
			() => updateQuestion(handle, olu, id, question.id, DRAFTS.mc('Changed')),
			() => moveQuestion(handle, olu, id, question.id, 'up'),
			() => removeQuestion(handle, olu, id, question.id),
			() => addDrafts(handle, olu, id, ['c12'], ['who-said-it'])
		]) {
			expect((await refusal(use())).status).toBe(404);
		}
		expect((await questionsOf(handle, id)).map((q) => q.prompt)).toEqual(['Pick one.']);
		expect((await refusal(ownedOrPackQuiz(handle, ada, 'no-such-quiz'))).status).toBe(404);
	});

	it('refuses a quiz with no title or no article', async () => {
		expect((await refusal(createQuiz(handle, ada, { articleSlug: SLUG, title: '   ' }))).message).toMatch(/title/);
		expect((await refusal(createQuiz(handle, ada, { articleSlug: 'no-such-article', title: 'Quiz' }))).message).toMatch(/article/);
		expect(await listQuizzes(handle, ada)).toHaveLength(1);
	});

	it('offers pack quizzes and own quizzes with questions for assigning', async () => {
		const { id } = await createQuiz(handle, ada, { articleSlug: SLUG, title: 'Empty for now' });
		expect((await assignableQuizzes(handle, ada)).map((q) => q.id)).toEqual([packQuizId()]);
		await addQuestion(handle, ada, id, DRAFTS.mc());
		expect(await assignableQuizzes(handle, ada)).toEqual([
			{ id: packQuizId(), title: pack.quiz!.title, articleTitle: pack.meta.title, questionCount: pack.quiz!.questions.length, source: 'pack' },
			{ id, title: 'Empty for now', articleTitle: pack.meta.title, questionCount: 1, source: 'teacher' }
		]);
		expect((await assignableQuizzes(handle, olu)).map((q) => q.id)).toEqual([packQuizId()]);
	});

	it('keeps pack quizzes read-only, and copies them with new question ids', async () => {
		expect((await refusal(editableQuiz(handle, olu, packQuizId()))).status).toBe(409);
		const { id } = await copyQuiz(handle, olu, packQuizId());
		const [original, copy] = [await questionsOf(handle, packQuizId()), await questionsOf(handle, id)];
		expect(copy).toHaveLength(original.length);
		expect(copy.map((q) => q.prompt)).toEqual(original.map((q) => q.prompt));
		expect(copy.map((q) => q.options)).toEqual(original.map((q) => q.options));
		expect(copy.some((q) => original.some((o) => o.id === q.id || o.key === q.key))).toBe(false);
		expect((await ownedOrPackQuiz(handle, olu, id)).title).toBe(`${pack.quiz!.title} (copy)`);
		expect((await refusal(ownedOrPackQuiz(handle, ada, id))).status).toBe(404);

		// Editing the copy leaves the pack's quiz as it was.
		await removeQuestion(handle, olu, id, copy[0].id);
		expect(await questionsOf(handle, packQuizId())).toHaveLength(original.length);
	});

	it('moves questions up and down, and removes them', async () => {
		const { id } = await createQuiz(handle, ada, { articleSlug: SLUG, title: 'Order' });
		for (const p of ['one', 'two', 'three']) await addQuestion(handle, ada, id, DRAFTS.mc(p));
		const prompts = async () => (await questionsOf(handle, id)).map((q) => q.prompt);
		const idOf = async (prompt: string) => (await questionsOf(handle, id)).find((q) => q.prompt === prompt)!.id;

		expect(await moveQuestion(handle, ada, id, await idOf('three'), 'up')).toEqual({ moved: true });
		expect(await prompts()).toEqual(['one', 'three', 'two']);
		await moveQuestion(handle, ada, id, await idOf('one'), 'down');
		expect(await prompts()).toEqual(['three', 'one', 'two']);
		expect(await moveQuestion(handle, ada, id, await idOf('three'), 'up')).toEqual({ moved: false });
		expect(await prompts()).toEqual(['three', 'one', 'two']);

		await removeQuestion(handle, ada, id, await idOf('one'));
		expect(await prompts()).toEqual(['three', 'two']);
		await addQuestion(handle, ada, id, DRAFTS.mc('four'));
		expect(await prompts()).toEqual(['three', 'two', 'four']);
	});

	it('refuses a question that breaks the rules, saying which fields, and stores nothing', async () => {
		const { id } = await createQuiz(handle, ada, { articleSlug: SLUG, title: 'Rules' });
		// c16 is credited to an unnamed source, so the ledger's answer is "no one named".
		const error = await refusal(addQuestion(handle, ada, id, DRAFTS.who('anna-kelly')));
		expect(error).toBeInstanceOf(InvalidQuestion);
		expect(error.status).toBe(400);
		expect((error as InvalidQuestion).problems).toEqual([{ field: 'options', message: expect.stringMatching(/no one named/) }]);
		const noFeedback = { ...DRAFTS.mc(), explanation: '', options: [opt('a', true, 'Yes'), { ...opt('b', false, 'No'), feedback: '' }] };
		expect((await refusal(addQuestion(handle, ada, id, noFeedback)) as InvalidQuestion).problems.map((p) => p.field).sort()).toEqual(['explanation', 'options.1.feedback']);
		expect(await questionsOf(handle, id)).toHaveLength(0);

		await addQuestion(handle, ada, id, DRAFTS.who(NO_ONE_NAMED));
		const [stored] = await questionsOf(handle, id);
		expect(stored).toMatchObject({ type: 'who-said-it', claimId: `${SLUG}/c16` });
		await refusal(updateQuestion(handle, ada, id, stored.id, DRAFTS.who('writer')));
		expect((await refusal(updateQuestion(handle, ada, id, stored.id, DRAFTS.mc()))).message).toMatch(/type can’t be changed/);
		expect((await questionsOf(handle, id))[0].options).toEqual(stored.options);
	});

	it('stores key passages as spans of the article text', async () => {
		const { id } = await createQuiz(handle, ada, { articleSlug: SLUG, title: 'Evidence' });
		await addQuestion(handle, ada, id, DRAFTS.evidence());
		const [q] = await questionsOf(handle, id);
		const claim = pack.claims.find((c) => c.id === 'c12')!;
		const { start, end } = claim.selectors.position;
		expect(q.evidence).toEqual([{ start, end, exact: pack.text.slice(start, end), prefix: pack.text.slice(start - 32, start), suffix: pack.text.slice(end, end + 32) }]);
		expect(q.tolerancePercent).toBe(40);
		expect((await refusal(addQuestion(handle, ada, id, { ...DRAFTS.evidence(), evidence: [`0-${pack.text.length + 5}`] }))).status).toBe(400);
	});

	it('drafts ledger-keyed questions from the chosen claims', async () => {
		const { id } = await createQuiz(handle, ada, { articleSlug: SLUG, title: 'Drafts' });
		// c03 is a heading, so it is skipped; c12 and c16 give two questions each.
		expect(await addDrafts(handle, ada, id, ['c12', 'c16', 'c03'], ['who-said-it', 'whose-voice'])).toEqual({ added: 4 });
		const questions = await questionsOf(handle, id);
		const key = (q: (typeof questions)[number]) => q.options!.filter((o) => o.correct).map((o) => o.value);
		expect(questions.map((q) => [q.type, q.claimId, key(q)])).toEqual([
			['who-said-it', `${SLUG}/c12`, ['anna-kelly']],
			['whose-voice', `${SLUG}/c12`, ['paraphrase']],
			['who-said-it', `${SLUG}/c16`, [NO_ONE_NAMED]],
			['whose-voice', `${SLUG}/c16`, ['vague']]
		]);
		expect(questions[0].prompt).toContain(pack.claims.find((c) => c.id === 'c12')!.quote);
		// Certainty is the teacher's choice on the draft form: off unless chosen.
		expect(questions.map((q) => q.certainty)).toEqual([false, false, false, false]);
		await addDrafts(handle, ada, id, ['c12'], ['who-said-it'], true);
		expect((await questionsOf(handle, id)).map((q) => q.certainty)).toEqual([false, false, false, false, true]);
		expect((await refusal(addDrafts(handle, ada, id, [], ['who-said-it']))).status).toBe(400);
	});

	it('locks a quiz once students have answered it, but it can still be copied', async () => {
		const { id } = await createQuiz(handle, ada, { articleSlug: SLUG, title: 'Taken' });
		await addQuestion(handle, ada, id, DRAFTS.mc());
		const [q] = await questionsOf(handle, id);
		await startPracticeAttempt(handle, id);

		for (const change of [
			() => updateQuizDetails(handle, ada, id, { title: 'New', description: '' }),
			() => addQuestion(handle, ada, id, DRAFTS.mc()),
			() => updateQuestion(handle, ada, id, q.id, DRAFTS.mc('Changed')),
			() => moveQuestion(handle, ada, id, q.id, 'down'),
			() => removeQuestion(handle, ada, id, q.id),
			() => addDrafts(handle, ada, id, ['c12'], ['who-said-it'])
		]) {
			const error = await refusal(change());
			expect(error.status).toBe(409);
			expect(error.message).toMatch(/already answered/);
		}
		expect((await listQuizzes(handle, ada)).find((x) => x.id === id)?.lock).toBe('answered');
		expect((await questionsOf(handle, id)).map((x) => x.prompt)).toEqual(['Pick one.']);
		const copy = await copyQuiz(handle, ada, id);
		expect((await editableQuiz(handle, ada, copy.id)).id).toBe(copy.id);
		const [row] = await handle.db.select().from(handle.tables.quizzes).where(eq(handle.tables.quizzes.id, copy.id));
		expect(row).toMatchObject({ source: 'teacher', ownerId: ada });
	});
});
