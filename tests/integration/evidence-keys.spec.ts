import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { articleForTeacher, copyArticle, currentVersion, editArticleText, publishCurrentVersion, setArticlePublication } from '../../src/lib/server/articles/teacher-articles';
import { readerArticle } from '../../src/lib/server/articles/reader-cache';
import { addQuestion, updateQuestion } from '../../src/lib/server/quiz/editor-questions';
import { createQuiz, questionsOf } from '../../src/lib/server/quiz/editor';
import { editorQuestions } from '../../src/lib/server/quiz/editor-keys';
import { bodyOf, checkParts } from '../../src/lib/articles/article-parts';
import type { QuestionDraft } from '../../src/lib/quiz/question-rules';
import { seedClassroom } from '../fixtures/classroom';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { SLUG } from '../fixtures/content-pack';

/** Find the evidence, keyed on claim c12 (Anna Kelly's paraphrase). */
const EVIDENCE: QuestionDraft = { type: 'find-evidence', prompt: 'Which words?', claim: '', certainty: true, explanation: 'Because.', options: [], evidence: ['c12'], tolerance: '40', rubric: [] };

describe(`find-the-evidence keys after a text edit, on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let ada: string;

	beforeEach(async () => {
		handle = await freshDatabase();
		ada = (await seedClassroom(handle)).teacherId;
	});
	afterEach(async () => handle.close());

	it('flags a key passage whose words moved once the edited text is published, and keeps it out of the form until chosen again', async () => {
		const copy = await copyArticle(handle, ada, SLUG);
		const revision = async () => (await articleForTeacher(handle, ada, copy.id)).revision;
		await setArticlePublication(handle, ada, copy.id, await revision(), 'published', 'classes');
		const quiz = await createQuiz(handle, ada, { articleSlug: copy.slug, title: 'Evidence' });
		await addQuestion(handle, ada, quiz.id, EVIDENCE);
		const view = async () => editorQuestions(await questionsOf(handle, quiz.id), (await readerArticle(handle, copy.slug))!);
		expect((await view())[0]).toMatchObject({ staleKeys: [], draft: { evidence: ['c12'] } });

		// A sentence added at the top moves every later word.
		const version = await currentVersion(handle, await articleForTeacher(handle, ada, copy.id));
		const article = await articleForTeacher(handle, ada, copy.id);
		const edited = checkParts({ title: article.title, body: `An editor’s note opens the story.\n\n${bodyOf(version.text, version.blocks)}`, outlet: '', author: '', date: '', originalUrl: '', language: 'en' });
		if (!edited.ok) throw new Error(JSON.stringify(edited.problems));
		await editArticleText(handle, ada, copy.id, await revision(), edited.parts);
		// Students still read the published text, so the key still holds.
		expect((await view())[0].staleKeys).toEqual([]);

		await publishCurrentVersion(handle, ada, copy.id, await revision());
		const [stale] = await view();
		const [stored] = await questionsOf(handle, quiz.id);
		expect(stale.staleKeys).toEqual([stored.evidence![0].exact]);
		expect(stale.draft.evidence).toEqual([]);
		expect(stale.spans).toEqual([]);

		// Chosen again, it points at the claim's words in the published text.
		await updateQuestion(handle, ada, quiz.id, stored.id, EVIDENCE);
		const [fixed] = await view();
		expect(fixed).toMatchObject({ staleKeys: [], draft: { evidence: ['c12'] } });
		const text = (await readerArticle(handle, copy.slug))!.text;
		const [key] = (await questionsOf(handle, quiz.id))[0].evidence!;
		expect(text.slice(key.start, key.end)).toBe(key.exact);
	}, 30_000);
});
