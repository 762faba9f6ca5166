// The annotation workbench at size: a 5,000-word article with 200 annotations. Times the
// W3C Web Annotation import of all 200 (parse, anchor, store) against the bare insert of the
// same rows in one transaction, and an editor save (one note's text changed, with the
// revision check) against the bare update of that row, in the same run, on a throwaway
// SQLite database. Loaded by bench/workbench.js through Vite's module runner.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { describe } from '../src/lib/anchoring/anchoring';
import { checkParts } from '../src/lib/articles/article-parts';
import { openDatabase } from '../src/lib/server/db/database';
import { articleForTeacher, createTeacherArticle } from '../src/lib/server/articles/teacher-articles';
import { importWebAnnotations } from '../src/lib/server/articles/annotation-import';
import { editorModel, saveNote } from '../src/lib/server/articles/annotation-editor';

const REPEATS = Number(process.env.BENCH_REPEATS || 5);
const SAVES = Number(process.env.BENCH_SAVES || 40);
const WORDS = ['council', 'riders', 'budget', 'bridge', 'mayor', 'route', 'fares', 'vote', 'plan', 'school', 'river', 'market', 'tram', 'street', 'houses', 'harbour'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** 250 paragraphs of two 10-word sentences: 5,000 words, each sentence distinct. */
function article() {
	const paragraphs = Array.from({ length: 250 }, (_, p) =>
		[0, 1].map((s) => {
			const n = p * 2 + s;
			const words = Array.from({ length: 9 }, (_, w) => WORDS[(n * 7 + w * 3 + (n >> 4)) % WORDS.length]);
			return `Sentence ${n} says ${words.slice(2).join(' ')}.`;
		}).join(' ')
	);
	return paragraphs.join('\n\n');
}

/** 200 notes as a W3C AnnotationCollection: one on the first sentence of each of 200 paragraphs. */
function collection(text: string) {
	const items = [];
	for (let n = 0; n < 400 && items.length < 200; n += 2) {
		const start = text.indexOf(`Sentence ${n} says`);
		const end = text.indexOf('.', start) + 1;
		const { quote, position } = describe(text, start, end);
		items.push({
			'@context': 'http://www.w3.org/ns/anno.jsonld',
			id: `urn:bench:${n}`,
			type: 'Annotation',
			motivation: n % 4 ? 'commenting' : 'assessing',
			body: { type: 'TextualBody', value: `Note ${n}\n\nWho says this, and how do we know?` },
			target: { source: 'urn:bench:article', selector: [quote, position] }
		});
	}
	return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: items.length, first: { type: 'AnnotationPage', items } });
}

export async function run() {
	const dir = await mkdtemp(join(tmpdir(), 'workbench-bench-'));
	const handle = await openDatabase(join(dir, 'kit.db'));
	try {
		// The teacher row only (no password check or hashing: not what is measured).
		const teacher = 'bench-teacher';
		await handle.db.insert(handle.tables.teachers).values({ id: teacher, email: 'ada@school.test', name: 'Ada', passwordHash: 'unused', isAdmin: true, approvedAt: new Date() });
		const checked = checkParts({ title: 'A long article', body: article(), outlet: '', author: '', date: '', originalUrl: '', language: 'en' });
		if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
		const file = collection(checked.parts.text);
		const words = checked.parts.text.split(/\s+/).length;
		const { db, tables: t } = handle;

		const imports: number[] = [];
		const bare: number[] = [];
		let lastId = '';
		for (let r = 0; r < REPEATS; r++) {
			const { id } = await createTeacherArticle(handle, teacher, checked.parts);
			const { revision } = await articleForTeacher(handle, teacher, id);
			let start = performance.now();
			const summary = await importWebAnnotations(handle, teacher, id, revision, file);
			imports.push(performance.now() - start);
			if (summary.placed !== 200) throw new Error(`expected 200 placed, got ${JSON.stringify(summary).slice(0, 300)}`);
			lastId = id;

			// Baseline: the same 200 annotation and note rows, inserted bare in one transaction.
			const { id: other } = await createTeacherArticle(handle, teacher, checked.parts);
			const [version] = await db.select().from(t.articleVersions).where(eq(t.articleVersions.articleId, other));
			const rows = await db.select().from(t.annotations).where(eq(t.annotations.articleId, id));
			const notes = await db.select().from(t.notes).where(sql`${t.notes.annotationId} like ${`${id}/%`}`);
			start = performance.now();
			await db.transaction(async (tx) => {
				for (const a of rows) {
					await tx.insert(t.annotations).values({ ...a, id: `${other}/${a.key}`, articleId: other, versionId: version.id });
					const n = notes.find((x) => x.annotationId === a.id)!;
					await tx.insert(t.notes).values({ ...n, annotationId: `${other}/${a.key}` });
				}
			});
			bare.push(performance.now() - start);
		}

		// Editor saves on the imported article: one note's text changed each time.
		const model = await editorModel(handle, teacher, lastId);
		const key = model.notes[100].key;
		const saves: number[] = [];
		const bareSaves: number[] = [];
		for (let s = 0; s < SAVES; s++) {
			const { revision } = await articleForTeacher(handle, teacher, lastId);
			let start = performance.now();
			await saveNote(handle, teacher, lastId, revision, key, null, { layer: 'sourcing', title: `Note, edit ${s}`, body: 'Who says this?', checkIt: '', facts: [] });
			saves.push(performance.now() - start);
			start = performance.now();
			await db.update(t.notes).set({ title: `Bare edit ${s}` }).where(eq(t.notes.annotationId, `${lastId}/${key}`));
			bareSaves.push(performance.now() - start);
		}

		const ms = (x: number) => `${x.toFixed(1)} ms`;
		console.log(`\nWorkbench at size (SQLite): a ${words.toLocaleString('en')}-word article with 200 annotations`);
		console.log(`  W3C import of 200 annotations (parse, anchor, store): median ${ms(median(imports))} over ${REPEATS}; bare insert of the same rows: median ${ms(median(bare))} (×${(median(imports) / median(bare)).toFixed(1)})`);
		console.log(`  Editor save (a note's text, with the revision check): median ${ms(median(saves))}, p95 ${ms(p95(saves))} over ${SAVES}; bare update of the row: median ${ms(median(bareSaves))} (×${(median(saves) / median(bareSaves)).toFixed(1)})`);
	} finally {
		await handle.close();
		await rm(dir, { recursive: true, force: true });
	}
}
