import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { readPack, type ContentPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { createFirstTeacher, signUpTeacher } from '../../src/lib/server/people/teachers';
import { createQuiz, listQuizzes, questionsOf } from '../../src/lib/server/quiz/editor';
import { exportQuizFile, importQuizFile, readUpload } from '../../src/lib/server/quiz/exchange';
import { MAX_IMPORT_BYTES } from '../../src/lib/quiz/exchange-import';
import { copyContent, SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';
import { refusal } from '../fixtures/refusal';

const upload = (name: string, text: string | Uint8Array) => {
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	return { name, size: bytes.length, bytes };
};

/** The DomainError `fn` throws or rejects with. */
const refused = (fn: () => unknown) => refusal(Promise.resolve().then(fn));

describe(`quiz files for Moodle on ${ENGINE}`, () => {
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

	it.each(['gift', 'xml'] as const)('exports the shipped quiz as %s and imports it back into a new quiz, reporting every question', async (format) => {
		const file = await exportQuizFile(handle, ada, packQuizId(), format);
		expect(file.name).toMatch(format === 'gift' ? /\.gift\.txt$/ : /\.moodle\.xml$/);
		const { text } = readUpload(upload(file.name, file.body));
		const report = await importQuizFile(handle, ada, { articleSlug: SLUG, title: '', text, format });
		const total = pack.quiz!.questions.length;
		expect(report.imported.length + report.skipped.length).toBe(total);
		// Find-the-evidence becomes a choice among every sentence with the article as its text: too much for the kit's rules.
		expect(report.skipped.map((s) => s.reason)).toEqual(Array(2).fill('The prompt can be at most 2,000 characters. A question can have at most 12 options.'));
		expect(report.title).toBe(pack.quiz!.title);
		const questions = await questionsOf(handle, report.quizId!);
		expect(questions.map((q) => q.type)).toEqual(report.imported.map((i) => i.type));
		const types = new Set(questions.map((q) => q.type));
		expect([...types].sort()).toEqual(['multiple-choice', 'multiple-response', 'short-answer']);
		// The rubric comes back from the grader information (XML) or the general feedback (GIFT).
		const short = questions.find((q) => q.type === 'short-answer')!;
		const original = pack.quiz!.questions.find((q) => q.type === 'short-answer')!;
		expect(short.rubric).toEqual(original.rubric?.map((r) => ({ points: r.points, description: r.description })));
		expect((await listQuizzes(handle, ada)).map((q) => q.id)).toContain(report.quizId);
		expect((await listQuizzes(handle, olu)).map((q) => q.id)).not.toContain(report.quizId);
	});

	it('exports only quizzes the teacher may view: another teacher gets a 404', async () => {
		const { id } = await createQuiz(handle, ada, { articleSlug: SLUG, title: 'Mine' });
		expect((await exportQuizFile(handle, ada, id, 'gift')).body).toContain('Mine');
		expect(await refused(() => exportQuizFile(handle, olu, id, 'xml'))).toMatchObject({ status: 404 });
	});

	it.each([
		['oversized', upload('big.gift', 'x'.repeat(MAX_IMPORT_BYTES + 1)), /at most 400 KB/, 413],
		['binary', upload('photo.gift', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /not a text file|not text/, 400],
		['not UTF-8', upload('latin.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])), /not text \(UTF-8\)/, 400],
		['the wrong kind', upload('quiz.docx', 'hello'), /Only GIFT/, 400],
		['empty', upload('quiz.gift', ''), /Choose a GIFT/, 400]
	])('refuses an %s upload before reading it as questions', async (_what, file, message, status) => {
		const e = await refused(async () => readUpload(file));
		expect(e).toMatchObject({ status });
		expect(e.message).toMatch(message);
	});

	it.each([
		['entity expansion', `<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><quiz>&b;</quiz>`, /DOCTYPE/],
		['deep nesting', `<quiz>${'<q>'.repeat(10000)}${'</q>'.repeat(10000)}</quiz>`, /nests elements/],
		['broken XML', '<quiz><question type="essay">', /not well-formed/]
	])('refuses hostile or broken XML (%s) and leaves what was saved alone', async (_what, xml, message) => {
		const { id } = await createQuiz(handle, ada, { articleSlug: SLUG, title: 'Kept' });
		const before = await listQuizzes(handle, ada);
		const e = await refused(() => importQuizFile(handle, ada, { articleSlug: SLUG, title: 'New', text: xml, format: 'xml' }));
		expect(e).toMatchObject({ status: 400 });
		expect(e.message).toMatch(message);
		expect(await listQuizzes(handle, ada)).toEqual(before);
		expect(before.map((q) => q.id)).toContain(id);
	});

	it('makes no quiz when nothing in the file can be imported, and says why for each question', async () => {
		const report = await importQuizFile(handle, ada, { articleSlug: SLUG, title: 'Nothing', text: '::N:: How many? {#3}\n\n::M:: Match {=a -> b =c -> d}\n', format: 'gift' });
		expect(report.quizId).toBeNull();
		expect(report.skipped.map((s) => s.name)).toEqual(['N', 'M']);
		const rows = await handle.db.select().from(handle.tables.quizzes).where(eq(handle.tables.quizzes.title, 'Nothing'));
		expect(rows).toEqual([]);
	});

	it('imports at most 200 questions from a file and says so in one line, not one per question', async () => {
		const many = Array.from({ length: 205 }, (_, i) => `::E${i}:: Why ${i}? {}`).join('\n\n');
		const report = await importQuizFile(handle, ada, { articleSlug: SLUG, title: 'Many', text: many, format: 'gift' });
		expect(report.imported).toHaveLength(200);
		expect(report.skipped).toEqual([{ name: 'The last 5 questions', reason: 'A file can bring in at most 200 questions.' }]);
		expect(await questionsOf(handle, report.quizId!)).toHaveLength(200);
	});

	it('refuses an article that does not exist', async () => {
		expect(await refused(() => importQuizFile(handle, ada, { articleSlug: 'nope', title: '', text: '::A:: x {}', format: 'gift' }))).toMatchObject({ status: 400 });
	});
});
