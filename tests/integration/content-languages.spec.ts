/**
 * Spanish versions of notes and quiz feedback (issue 12 §1, "content stays in its
 * language"): stored from a pack, the annotation editor and the quiz editor, read back by
 * the reader, the feedback and the export, on both engines.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { readPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { loadReaderArticle } from '../../src/lib/server/articles/reader';
import { addFact, editorModel, saveNote } from '../../src/lib/server/articles/annotation-editor';
import { articleForTeacher, createTeacherArticle } from '../../src/lib/server/articles/teacher-articles';
import { articleInLanguage } from '../../src/lib/articles/content-language';
import { checkParts } from '../../src/lib/articles/article-parts';
import { toAnnotation } from '../../src/lib/articles/web-annotation';
import { parseAnnotations } from '../../src/lib/annotations/w3c-import';
import { createQuiz, questionsOf } from '../../src/lib/server/quiz/editor';
import { addQuestion, updateQuestion } from '../../src/lib/server/quiz/editor-questions';
import { draftOfQuestion, readQuestionForm } from '../../src/lib/server/quiz/question-form';
import { feedbackView } from '../../src/lib/server/quiz/question-views';
import { revealOf } from '../../src/lib/server/live/teacher-views';
import { practicePolicy } from '../../src/lib/quiz/review-policy';
import type { QuestionDraft } from '../../src/lib/quiz/question-rules';
import { seedClassroom } from '../fixtures/classroom';
import { copyContent, SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { refusal } from '../fixtures/refusal';
import { annotationProblems } from '../fixtures/w3c-annotation-model';

const N02_ES = {
	title: '¿Quién escribió este artículo?',
	body: ['La página de bvi.org no nombra autor ni da fecha.'],
	checkIt: 'Lee en otras fuentes: busca «bvi.org» en otros sitios.'
};

describe(`Spanish versions from a content pack on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	beforeEach(async () => {
		handle = await freshDatabase();
		const { packDir } = await copyContent();
		const notes = parseYaml(await readFile(join(packDir, 'notes.yaml'), 'utf8'));
		notes.notes.find((n: { id: string }) => n.id === 'n02').localized = { es: N02_ES };
		await writeFile(join(packDir, 'notes.yaml'), stringifyYaml(notes));
		const quiz = parseYaml(await readFile(join(packDir, 'quiz.yaml'), 'utf8'));
		quiz.quiz.questions[0].localized = { es: { explanation: 'Rechaza la presencia del ejército de EE. UU.' } };
		quiz.quiz.questions[0].options[0].localized = { es: { feedback: 'Correcto: eso es lo que rechaza.' } };
		await writeFile(join(packDir, 'quiz.yaml'), stringifyYaml(quiz));
		await syncPack(handle, await readPack(packDir));
	});
	afterEach(async () => handle.close());

	it('are stored and read back; a Spanish page gets them, an English page and untranslated notes get English', async () => {
		const article = (await loadReaderArticle(handle, SLUG))!;
		const n02 = article.notes.find((n) => n.key === 'n02')!;
		expect(n02.localized).toEqual({ es: N02_ES });

		const es = articleInLanguage(article, 'es');
		expect(es.notes.find((n) => n.key === 'n02')).toMatchObject({ ...N02_ES, lang: 'es' });
		expect(es.notes.find((n) => n.key === 'n01')).toMatchObject({ title: article.notes.find((n) => n.key === 'n01')!.title, lang: 'en' });
		// The page gets one language's words: no other versions travel with it.
		expect(JSON.stringify(es)).not.toContain('"localized"');
		const en = articleInLanguage(article, 'en');
		expect(en.notes.find((n) => n.key === 'n02')).toMatchObject({ title: 'Who wrote this article?', lang: 'en' });
		expect(JSON.stringify(en)).not.toContain(N02_ES.title);
	});

	it('export a note with a body per language, which the importer reads back as the English note', async () => {
		const article = (await loadReaderArticle(handle, SLUG))!;
		const base = `http://example.test/articles/${SLUG}`;
		const one = toAnnotation(article, base, 'n02')!;
		expect(annotationProblems(one)).toEqual([]);
		const textual = one.body.filter((b) => 'language' in b);
		expect(textual.map((b) => (b as { language: string }).language)).toEqual(['en', 'es']);
		expect((textual[1] as { value: string }).value).toBe([N02_ES.title, ...N02_ES.body].join('\n\n'));
		const read = parseAnnotations(JSON.stringify(one));
		expect(read.ok).toBe(true);
		expect(read.anchors[0].body).toContain('Who wrote this article?');
		expect(read.anchors[0].body).not.toContain(N02_ES.title);
	});

	it('give feedback and the live reveal in Spanish when there, and say which language each text is in', async () => {
		const article = (await loadReaderArticle(handle, SLUG))!;
		const [q] = await questionsOf(handle, `${SLUG}/quiz-${(await readPack((await copyContent()).packDir)).quiz!.id}`);
		const response = { answer: { type: 'choice', value: 'b' }, fraction: 0, marks: 0, certainty: null, comment: null } as unknown as Parameters<typeof feedbackView>[1];
		const es = feedbackView(q, response, article, practicePolicy(true), true, 'es')!;
		const right = es.options.find((o) => o.value === 'a')!;
		expect(right).toMatchObject({ feedback: 'Correcto: eso es lo que rechaza.', feedbackLang: 'es' });
		// Option b has no Spanish version: English, marked, and the page says some is in English.
		expect(es.options.find((o) => o.value === 'b')).toMatchObject({ feedbackLang: 'en' });
		expect(es).toMatchObject({ explanation: 'Rechaza la presencia del ejército de EE. UU.', explanationLang: 'es', untranslated: true });
		const en = feedbackView(q, response, article, practicePolicy(true), true, 'en')!;
		expect(en).toMatchObject({ explanation: q.explanation, explanationLang: 'en', untranslated: false });
		expect(en.options.find((o) => o.value === 'a')).toMatchObject({ feedback: q.options![0].feedback, feedbackLang: 'en' });

		const reveal = revealOf(q, article, [], 'es');
		expect(reveal).toMatchObject({ explanation: 'Rechaza la presencia del ejército de EE. UU.', explanationLang: 'es' });
		expect(reveal.notes.every((n) => n.lang === 'en' && n.untranslated)).toBe(true);
	});
});

describe(`Spanish versions written by a teacher on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let ada: string;
	let id: string;
	let text: string;
	beforeEach(async () => {
		handle = await freshDatabase();
		ada = (await seedClassroom(handle)).teacherId;
		const parts = checkParts({ title: 'Council backs buses', body: 'The council met on Tuesday. “We need buses now,” said Tom Reed.', outlet: '', author: '', date: '', originalUrl: '', language: 'en' });
		if (!parts.ok) throw new Error('parts');
		({ id } = await createTeacherArticle(handle, ada, parts.parts));
		text = (await editorModel(handle, ada, id)).version.text;
	});
	afterEach(async () => handle.close());

	const revision = async () => (await articleForTeacher(handle, ada, id)).revision;
	const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
	const english = { layer: 'sourcing', title: 'Who is Tom Reed?', body: 'He chairs the riders’ union.', checkIt: 'Search the union’s site.' };
	const spanish = { title: '¿Quién es Tom Reed?', body: 'Preside el sindicato de usuarios.\n\nNo lo dice el artículo.', checkIt: 'Busca el sitio del sindicato.' };

	it('saves a note’s Spanish version, shows it again, raises the revision, and can take it away', async () => {
		const fact = await addFact(handle, ada, id, await revision(), { text: 'He chairs the union', origin: 'Union site', checked: true });
		const key = await saveNote(handle, ada, id, await revision(), null, span('Tom Reed'), { ...english, localized: { es: spanish }, facts: [fact] });
		const model = await editorModel(handle, ada, id);
		expect(model.notes.find((n) => n.key === key)?.localized).toEqual({ es: spanish });
		const slug = (await articleForTeacher(handle, ada, id)).slug;
		const note = (await loadReaderArticle(handle, slug))!.notes.find((n) => n.key === key)!;
		expect(note.localized?.es).toEqual({ title: spanish.title, body: ['Preside el sindicato de usuarios.', 'No lo dice el artículo.'], checkIt: spanish.checkIt });

		// Changing only the Spanish is a change of the article (its revision moves the pages' caches).
		const before = await revision();
		await saveNote(handle, ada, id, before, key, null, { ...english, localized: { es: { ...spanish, title: '¿Y Tom Reed?' } }, facts: [fact] });
		expect(await revision()).toBeGreaterThan(before);
		expect((await editorModel(handle, ada, id)).notes.find((n) => n.key === key)?.localized?.es?.title).toBe('¿Y Tom Reed?');

		// Emptied, the version goes, and students see the English.
		await saveNote(handle, ada, id, await revision(), key, null, { ...english, localized: { es: { title: '', body: '', checkIt: '' } }, facts: [fact] });
		expect((await loadReaderArticle(handle, slug))!.notes.find((n) => n.key === key)!.localized).toBeNull();
	});

	it('refuses half a version with a 400 that says what is missing, saving nothing', async () => {
		const before = await revision();
		const refused = await refusal(saveNote(handle, ada, id, before, null, span('Tom Reed'), { ...english, localized: { es: { ...spanish, checkIt: '' } }, facts: [] }));
		expect(refused.status).toBe(400);
		expect(refused.message).toMatch(/Spanish version needs “check it” steps/);
		const noTitle = await refusal(saveNote(handle, ada, id, before, null, span('Tom Reed'), { ...english, localized: { es: { ...spanish, title: '' } }, facts: [] }));
		expect(noTitle.message).toMatch(/Spanish version needs a title/);
		expect((await editorModel(handle, ada, id)).notes).toEqual([]);
		expect(await revision()).toBe(before);
	});

	it('saves a question’s Spanish explanation and option feedback from the form, and shows them again', async () => {
		const { id: quizId } = await createQuiz(handle, ada, { articleSlug: (await articleForTeacher(handle, ada, id)).slug, title: 'Buses' });
		const form = new FormData();
		for (const [name, value] of Object.entries({
			prompt: 'Who speaks?',
			explanation: 'Tom Reed is quoted.',
			'explanation-es': 'Se cita a Tom Reed.',
			'option-count': '2',
			'option-0-label': 'Tom Reed',
			'option-0-feedback': 'Right.',
			'option-0-feedback-es': 'Correcto.',
			'option-1-label': 'The council',
			'option-1-feedback': 'No.',
			'option-1-feedback-es': '',
			correct: '0'
		})) {
			form.append(name, value);
		}
		const draft: QuestionDraft = readQuestionForm(form, 'multiple-choice');
		await addQuestion(handle, ada, quizId, draft);
		const [q] = await questionsOf(handle, quizId);
		expect(q.localized).toEqual({ es: { explanation: 'Se cita a Tom Reed.' } });
		expect(q.options!.map((o) => o.localized ?? null)).toEqual([{ es: { feedback: 'Correcto.' } }, null]);
		const again = draftOfQuestion(q, []);
		expect(again.localized?.es?.explanation).toBe('Se cita a Tom Reed.');
		expect(again.options.map((o) => o.localized?.es?.feedback)).toEqual(['Correcto.', '']);

		// Edited like the English: the Spanish changes with the question.
		await updateQuestion(handle, ada, quizId, q.id, { ...again, localized: { es: { explanation: 'Habla Tom Reed.' } } });
		expect((await questionsOf(handle, quizId))[0].localized).toEqual({ es: { explanation: 'Habla Tom Reed.' } });
	});
});
