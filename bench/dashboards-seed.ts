// The district-sized data set for `npm run bench dashboards`, made through the domain layer
// (the functions the app's forms call: teachers, classes, rosters, a copied quiz, assignments,
// attempts, answers, grading, live sessions), so every row is what the app itself would
// write. Loaded by bench/dashboards.js through Vite's module runner.
//
// Resumable: the manifest (a JSON file beside the database) is written after every class;
// a run that stops part-way deletes the unfinished class (through the domain layer) and
// carries on from there.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/database';
import { readAllPacks } from '../src/lib/server/content/read-pack';
import { syncPack } from '../src/lib/server/content/sync-pack';
import { createFirstTeacher, createInvite, signUpTeacher } from '../src/lib/server/people/teachers';
import { addToRoster, createClass, deleteClass, listClasses, roster } from '../src/lib/server/people/classes';
import { copyQuiz, questionsOf } from '../src/lib/server/quiz/editor';
import { removeQuestion } from '../src/lib/server/quiz/editor-questions';
import {
	createAssignment,
	saveAssignmentAnswer,
	startAttempt,
	submitAssignmentAttempt,
	type AssignmentRow,
	type QuestionRow
} from '../src/lib/server/quiz/assignments';
import { gradeWrittenAnswer, writtenAnswers } from '../src/lib/server/quiz/results';
import { answerLive, commandLiveSession, startLiveSession } from '../src/lib/server/live/sessions';
import { loadReaderArticle } from '../src/lib/server/articles/reader';
import type { AnswerInput } from '../src/lib/server/quiz/responses';

/** Bump when what the seed writes changes: cached databases of another version are not reused. */
export const SEED_VERSION = 1;
export const PACK_QUIZ = 'mexico-says-no-to-us-troops/quiz-mexico-attribution';
const SLUG = 'mexico-says-no-to-us-troops';
export const PASSWORD = 'bench harbor lantern violet';
const DAY = 24 * 3600_000;

export interface Plan {
	classes: number;
	students: number;
	assignments: number;
	classesPerTeacher: number;
	/** One live session in every `liveEvery`-th class. */
	liveEvery: number;
	/** Students answering at once (PostgreSQL gains from several connections; SQLite writes one at a time). */
	concurrency: number;
}

export interface SeededClass {
	id: string;
	teacher: number;
	students: string[];
	assignments: string[];
	live: string[];
}

export interface Manifest {
	version: number;
	plan: Omit<Plan, 'concurrency'>;
	/** Every teacher's password (a bench's, known to anyone reading this file). */
	password: string;
	teachers: { id: string; email: string; quizId: string }[];
	classes: SeededClass[];
	responses: number;
	seconds: number;
	complete: boolean;
}

/** A small deterministic generator, so two seeds of one size hold the same shape of data. */
function random(seed: number) {
	let s = seed >>> 0 || 1;
	return () => {
		s ^= s << 13;
		s ^= s >>> 17;
		s ^= s << 5;
		return (s >>> 0) / 4294967296;
	};
}

const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Gus', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lena', 'Mo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Vic', 'Wen', 'Xavi', 'Yara', 'Zoe'];
const WRITTEN = [
	'The writer says it, not Sheinbaum, because there are no quotation marks.',
	'It is a paraphrase: the article reports what she said in its own words.',
	'Nobody is named, so we cannot check who said it.',
	'I think the headline says more than the section does.',
	'idk',
	'The quote was translated, and the translation changes the word.'
];

/** What one student answers to one question: right, wrong or partly, with a certainty. */
function answerFor(q: QuestionRow, rnd: () => number, ability: number, textLength: number): AnswerInput {
	const right = rnd() < ability;
	const certainty = q.certainty ? (right ? (rnd() < 0.6 ? 3 : 2) : rnd() < 0.3 ? 3 : rnd() < 0.6 ? 2 : 1) : null;
	const options = q.options ?? [];
	const correct = options.filter((o) => o.correct).map((o) => o.value);
	const wrong = options.filter((o) => !o.correct).map((o) => o.value);
	const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
	switch (q.type) {
		case 'multiple-response': {
			if (right) return { choices: correct, certainty };
			// Partly right: one right option missed, or one wrong one added.
			const some = rnd() < 0.5 && correct.length > 1 ? correct.slice(1) : [...correct, pick(wrong)];
			return { choices: rnd() < 0.3 ? [pick(wrong)] : some, certainty };
		}
		case 'find-evidence': {
			const key = q.evidence?.[0] ?? { start: 0, end: 20 };
			if (right) return { span: { start: key.start, end: key.end }, certainty };
			if (rnd() < 0.4) return { span: { start: Math.max(0, key.start - 30), end: Math.min(textLength, key.end + 10) }, certainty };
			const start = Math.floor(rnd() * (textLength - 80));
			return { span: { start, end: start + 20 + Math.floor(rnd() * 50) }, certainty };
		}
		case 'short-answer':
			return { text: pick(WRITTEN), certainty };
		default:
			return { choices: [right || wrong.length === 0 ? correct[0] : pick(wrong)], certainty };
	}
}

/** Runs `fn` over `items`, `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
			while (next < items.length) {
				const i = next++;
				await fn(items[i], i);
			}
		})
	);
}

function saveManifest(path: string, manifest: Manifest) {
	writeFileSync(`${path}.part`, JSON.stringify(manifest, null, 1));
	renameSync(`${path}.part`, path);
}

/** Teachers (argon2 hashes, like any sign-up) with one 18-question quiz each, copied from the pack's. */
async function makeTeachers(handle: DatabaseHandle, count: number): Promise<Manifest['teachers']> {
	const teachers: Manifest['teachers'] = [];
	for (let i = 0; i < count; i++) {
		const email = `teacher${i + 1}@district.test`;
		let id: string;
		if (i === 0) {
			id = (await createFirstTeacher(handle, { name: 'Teacher 1', email, password: PASSWORD }, 'invite')).id;
		} else {
			const invite = await createInvite(handle, teachers[0].id);
			id = (await signUpTeacher(handle, { name: `Teacher ${i + 1}`, email, password: PASSWORD }, invite)).id;
		}
		// The pack's quiz has 20 questions; the district's is 18 with every type still in it:
		// one multiple-choice and one headline-vs-body question fewer.
		const quizId = (await copyQuiz(handle, id, PACK_QUIZ)).id;
		const questions = await questionsOf(handle, quizId);
		for (const type of ['multiple-choice', 'headline-vs-body']) {
			const last = questions.filter((q) => q.type === type).at(-1)!;
			await removeQuestion(handle, id, quizId, last.id);
		}
		teachers.push({ id, email, quizId });
	}
	return teachers;
}

/** One class: its roster, its assignments answered by every student, written answers graded, perhaps a live session. */
async function seedClass(handle: DatabaseHandle, manifest: Manifest, c: number, plan: Plan, textLength: number): Promise<{ cls: SeededClass; responses: number }> {
	const rnd = random(1000 + c);
	const t = Math.floor(c / plan.classesPerTeacher);
	const teacher = manifest.teachers[t];
	const { id: classId } = await createClass(handle, teacher.id, `Class ${c + 1}`);
	const names = Array.from({ length: plan.students }, (_, i) => `${FIRST[i % FIRST.length]} ${String.fromCharCode(65 + Math.floor(i / FIRST.length))}${c + 1}`);
	await addToRoster(handle, teacher.id, classId, names.join('\n'));
	const students = await roster(handle, classId);
	const questions = await questionsOf(handle, teacher.quizId);
	const ability = new Map(students.map((s) => [s.id, 0.3 + 0.65 * rnd()]));
	const now = Date.now();
	let responses = 0;
	const assignmentIds: string[] = [];
	for (let k = 0; k < plan.assignments; k++) {
		// Weekly, oldest first; the last one is open now, so some students are still working.
		const openNow = k === plan.assignments - 1;
		const opensAt = new Date(openNow ? now - 2 * DAY : now - (plan.assignments - k) * 7 * DAY);
		const closesAt = new Date(openNow ? now + 3 * DAY : opensAt.getTime() + 5 * DAY);
		const feedback = (['after-submit', 'after-close', 'each-question'] as const)[k % 3];
		const maxAttempts = k % 4 === 3 ? 2 : 1;
		const id = await createAssignment(
			handle,
			teacher.id,
			classId,
			teacher.quizId,
			{ opensAt, closesAt, maxAttempts, feedback, shuffle: k % 2 === 0, answersEachAttempt: false },
			opensAt
		);
		assignmentIds.push(id);
		const [a] = (await handle.db.select().from(handle.tables.assignments).where(eq(handle.tables.assignments.id, id))) as AssignmentRow[];
		await pool(students, plan.concurrency, async (s) => {
			const r = random(c * 1_000_003 + k * 7919 + s.id.charCodeAt(0) * 31 + s.id.charCodeAt(5));
			const skill = ability.get(s.id)! + (k / plan.assignments) * 0.1; // a class improves a little over the term
			const tries = maxAttempts === 2 && r() < 0.2 ? 2 : 1;
			for (let n = 0; n < tries; n++) {
				let at = opensAt.getTime() + Math.floor(r() * (openNow ? 1.5 : 4) * DAY);
				const attempt = await startAttempt(handle, s.id, a, new Date(at));
				// In the open assignment a third of the class is part-way through.
				const stopAfter = openNow && r() < 0.33 ? Math.floor(r() * questions.length) : questions.length;
				for (const q of questions.slice(0, stopAfter)) {
					if (r() < 0.01) continue; // a skipped question
					at += 20_000 + Math.floor(r() * 60_000);
					await saveAssignmentAnswer(handle, a, attempt, q, answerFor(q, r, Math.min(0.97, skill + n * 0.1), textLength), textLength, new Date(at));
					responses++;
				}
				if (stopAfter < questions.length) break;
				await submitAssignmentAttempt(handle, a, attempt, new Date(at + 5_000));
			}
		});
		// Written answers: most graded in closed assignments, a few so far in the open one.
		const written = await writtenAnswers(handle, a);
		const graded = written.filter(() => rnd() < (openNow ? 0.2 : 0.8));
		for (const w of graded) {
			const met = w.rubric.map((_, i) => i).filter(() => rnd() < 0.6);
			await gradeWrittenAnswer(handle, a, w.responseId, met, rnd() < 0.3 ? 'Good: say who is speaking.' : '', w.answeredAt, new Date(Math.min(now, closesAt.getTime() + DAY)));
		}
	}
	const live: string[] = [];
	if (c % plan.liveEvery === 0) {
		// A live session, paced by the students; the class's first ends, later ones are still running.
		const { id: sid } = await startLiveSession(handle, teacher.id, classId, teacher.quizId, { pacing: 'student', askCertainty: true, names: 'none' }, new Date(now - 3 * 3600_000));
		await commandLiveSession(handle, teacher.id, sid, 0, { type: 'start' }, new Date(now - 3 * 3600_000));
		await pool(students, plan.concurrency, async (s) => {
			const r = random(c * 31 + s.id.charCodeAt(3));
			for (const q of questions) {
				if (r() < 0.05) continue;
				await answerLive(handle, { id: s.id, classId }, sid, q.id, answerFor(q, r, ability.get(s.id)!, textLength), textLength, new Date(now - 3 * 3600_000 + 60_000));
				responses++;
			}
		});
		if (c !== 0) {
			await commandLiveSession(handle, teacher.id, sid, 1, { type: 'end' }, new Date(now - 2 * 3600_000));
		}
		live.push(sid);
	}
	return { cls: { id: classId, teacher: t, students: students.map((s) => s.id), assignments: assignmentIds, live }, responses };
}

/**
 * Seeds (or finishes seeding) the database at `url` to `plan`, writing the manifest to
 * `manifestPath` after every class; returns the manifest. `log` gets progress lines.
 */
export async function seedDistrict(url: string, plan: Plan, manifestPath: string, log: (line: string) => void): Promise<Manifest> {
	// Opening applies any migration newer than the kept data set, backfilling what it adds.
	const opening = performance.now();
	const handle = await openDatabase(url);
	const openSeconds = (performance.now() - opening) / 1000;
	if (openSeconds > 2) log(`  opened and migrated in ${openSeconds.toFixed(1)} s`);
	try {
		const { concurrency, ...shape } = plan;
		void concurrency;
		let manifest: Manifest | null = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
		if (manifest && (manifest.version !== SEED_VERSION || JSON.stringify(manifest.plan) !== JSON.stringify(shape))) {
			throw new Error(`${manifestPath} is from another seed version or size; remove it and its database.`);
		}
		if (manifest?.complete) return manifest;
		for (const pack of await readAllPacks('src/content')) await syncPack(handle, pack);
		const article = await loadReaderArticle(handle, SLUG);
		if (!article) throw new Error(`The shipped article ${SLUG} is missing.`);
		const textLength = article.text.length;
		if (!manifest) {
			log(`  making ${Math.ceil(plan.classes / plan.classesPerTeacher)} teachers, each with an 18-question quiz copied from the pack's`);
			manifest = { version: SEED_VERSION, plan: shape, password: PASSWORD, teachers: await makeTeachers(handle, Math.ceil(plan.classes / plan.classesPerTeacher)), classes: [], responses: 0, seconds: 0, complete: false };
			saveManifest(manifestPath, manifest);
		} else {
			// A class begun but not finished last time goes, with everything in it.
			const done = new Set(manifest.classes.map((c) => c.id));
			for (const teacher of manifest.teachers) {
				for (const cls of await listClasses(handle, teacher.id)) {
					if (!done.has(cls.id)) {
						log(`  removing the unfinished class ${cls.name} of the last run`);
						await deleteClass(handle, teacher.id, cls.id);
					}
				}
			}
			log(`  resuming after ${manifest.classes.length} of ${plan.classes} classes (${manifest.responses.toLocaleString('en')} responses)`);
		}
		const started = performance.now();
		const before = manifest.seconds;
		let madeNow = 0;
		for (let c = manifest.classes.length; c < plan.classes; c++) {
			const { cls, responses } = await seedClass(handle, manifest, c, plan, textLength);
			manifest.classes.push(cls);
			manifest.responses += responses;
			madeNow += responses;
			manifest.seconds = before + (performance.now() - started) / 1000;
			saveManifest(manifestPath, manifest);
			const rate = madeNow / ((performance.now() - started) / 1000);
			const eta = ((plan.classes - manifest.classes.length) * (manifest.responses / manifest.classes.length)) / rate;
			log(`  class ${manifest.classes.length}/${plan.classes}: ${manifest.responses.toLocaleString('en')} responses, ${rate.toFixed(0)}/s, about ${Math.ceil(eta / 60)} min left`);
		}
		manifest.complete = true;
		saveManifest(manifestPath, manifest);
		return manifest;
	} finally {
		await handle.close();
	}
}
