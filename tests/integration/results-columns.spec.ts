import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/database';
import { readPack, type ContentPack } from '../../src/lib/server/content/read-pack';
import { syncPack } from '../../src/lib/server/content/sync-pack';
import { saveResponse, startPracticeAttempt, submitAttempt } from '../../src/lib/server/quiz/responses';
import { copyContent, SLUG } from '../fixtures/content-pack';
import { ENGINE, freshDatabase } from '../fixtures/database';

/** Runs one raw statement: the handle's type leaves raw SQL out, since results differ per engine. */
async function runRaw(handle: DatabaseHandle, statement: string) {
	const db = handle.db as unknown as { run(q: unknown): Promise<unknown>; execute(q: unknown): Promise<unknown> };
	await (handle.engine === 'sqlite' ? db.run(sql.raw(statement)) : db.execute(sql.raw(statement)));
}

/** The backfill statements of migration 0012 for this engine, as the migrator will run them. */
async function backfillStatements(engine: DatabaseHandle['engine']) {
	const file = await readFile(`drizzle/${engine === 'sqlite' ? 'sqlite' : 'pg'}/0012_results_columns.sql`, 'utf8');
	return file
		.split('--> statement-breakpoint')
		.map((s) => s.replace(/^--.*$/gm, '').trim())
		.filter((s) => s.startsWith('UPDATE'));
}

describe(`answers in plain columns on ${ENGINE}`, () => {
	let handle: DatabaseHandle;
	let pack: ContentPack;
	let attemptId: string;
	const question = (type: string) => pack.quiz!.questions.find((q) => q.type === type)!;

	async function save(key: string, input: Parameters<typeof saveResponse>[3]) {
		const { db, tables: t } = handle;
		const [attempt] = await db.select().from(t.attempts).where(eq(t.attempts.id, attemptId));
		const [row] = await db.select().from(t.quizQuestions).where(eq(t.quizQuestions.key, key));
		return saveResponse(handle, attempt, row, { certainty: 2, ...input }, pack.text.length);
	}

	async function columns() {
		const { db, tables: t } = handle;
		const rows = await db
			.select({ key: t.quizQuestions.key, choice: t.responses.choice, choices: t.responses.choices, spanStart: t.responses.spanStart, spanEnd: t.responses.spanEnd })
			.from(t.responses)
			.innerJoin(t.quizQuestions, eq(t.quizQuestions.id, t.responses.questionId))
			.where(eq(t.responses.attemptId, attemptId))
			.orderBy(asc(t.quizQuestions.key));
		return Object.fromEntries(rows.map(({ key, ...rest }) => [key, rest]));
	}

	beforeEach(async () => {
		handle = await freshDatabase();
		pack = await readPack((await copyContent()).packDir);
		await syncPack(handle, pack);
		({ attemptId } = await startPracticeAttempt(handle, `${SLUG}/quiz-${pack.quiz!.id}`));
	});
	afterEach(async () => handle.close());

	/** One answer of each kind, and what the plain columns must then hold. */
	async function answerEachKind() {
		const voice = question('whose-voice');
		const multi = question('multiple-response');
		const evidence = question('find-evidence');
		const written = question('short-answer');
		const [m1, m2] = multi.options!.map((o) => o.value).slice(0, 2);
		await save(voice.id, { choices: [voice.options![0].value] });
		await save(multi.id, { choices: [m2, m1] });
		await save(evidence.id, { span: { start: 10, end: 42 } });
		await save(written.id, { text: 'The report helps their side.' });
		return {
			[voice.id]: { choice: voice.options![0].value, choices: null, spanStart: null, spanEnd: null },
			[multi.id]: { choice: null, choices: `|${[m1, m2].sort().join('|')}|`, spanStart: null, spanEnd: null },
			[evidence.id]: { choice: null, choices: null, spanStart: 10, spanEnd: 42 },
			[written.id]: { choice: null, choices: null, spanStart: null, spanEnd: null }
		};
	}

	it('fills them on every save, and a changed answer changes them', async () => {
		const expected = await answerEachKind();
		expect(await columns()).toEqual(expected);

		const voice = question('whose-voice');
		await save(voice.id, { choices: [voice.options![1].value] });
		expect((await columns())[voice.id].choice).toBe(voice.options![1].value);
	});

	it('are filled by the migration for answers saved before them, handed in or not', async () => {
		const expected = await answerEachKind();
		await submitAttempt(handle, attemptId);
		const t = handle.tables;
		await handle.db.update(t.responses).set({ choice: null, choices: null, spanStart: null, spanEnd: null });
		expect(Object.values(await columns()).every((c) => c.choice === null && c.choices === null && c.spanStart === null)).toBe(true);

		const statements = await backfillStatements(handle.engine);
		expect(statements).toHaveLength(3);
		for (const statement of statements) await runRaw(handle, statement);
		expect(await columns()).toEqual(expected);
	});
});
