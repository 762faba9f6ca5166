/**
 * Quiz files for Moodle: exporting a quiz the teacher may view (the same rule as its
 * page), and importing a GIFT or Moodle XML file into a new quiz of theirs. The mapping
 * lives in $lib/quiz/exchange; every imported question passes question-rules, the same
 * check as the editor and the content packs, before anything is written. A file that
 * cannot be read changes nothing; the new quiz and its questions are written in one
 * transaction.
 */
import { eq } from 'drizzle-orm';
import type { ReaderArticle } from '$lib/articles/types';
import { exportQuiz, type KitQuestion, type ParsedFile } from '$lib/quiz/exchange';
import { importQuestion, MAX_IMPORT_BYTES } from '$lib/quiz/exchange-import';
import { parseGift, writeGift } from '$lib/quiz/gift';
import { parseMoodleXml, UnreadableFile, writeMoodleXml } from '$lib/quiz/moodle-xml';
import { checkQuestion } from '$lib/quiz/question-rules';
import { questionType } from './question-form';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { randomToken } from '../auth/tokens';
import { readerArticle } from '../articles/reader-cache';
import { articleBySlugForTeacher } from '../articles/teacher-articles';
import { ownedOrPackQuiz, questionsOf, quizArticle, tidyTitle, type QuizQuestionRow } from './editor';
import { questionColumns } from './editor-questions';
import { blockOffsets, optionLabel, sectionBelow } from './question-views';

export type QuizFileFormat = 'gift' | 'xml';

/** More questions than this in one file are skipped, each with the reason. */
export const MAX_IMPORT_QUESTIONS = 200;
const EXTENSIONS = ['.txt', '.gift', '.xml'];

/** A kit question as the file mapping needs it, with option texts as students read them. */
function kitQuestion(q: QuizQuestionRow, article: ReaderArticle): KitQuestion {
	const claimKey = q.claimId?.split('/').pop() ?? null;
	const claim = claimKey ? article.claims.find((c) => c.key === claimKey) : undefined;
	const type = questionType(q.type) ?? 'multiple-choice';
	return {
		type,
		prompt: q.prompt,
		certainty: q.certainty,
		explanation: q.explanation,
		claim: claim ? { key: claim.key, quote: claim.quote } : null,
		section: type === 'headline-vs-body' && claimKey ? sectionBelow(article, claimKey) : [],
		options: (q.options ?? []).map((o) => ({ text: optionLabel(q, o.value, article, o.label), correct: o.correct, feedback: o.feedback })),
		evidence: q.evidence ?? [],
		tolerancePercent: q.tolerancePercent,
		rubric: q.rubric ?? [],
		notes: q.notes.length
	};
}

/** A file name from a title: letters, digits and dashes only. */
function fileName(title: string, format: QuizFileFormat): string {
	const base = title
		.normalize('NFKD')
		.replace(/[^\w\s-]/g, '')
		.trim()
		.replace(/[\s_]+/g, '-')
		.slice(0, 60)
		.toLowerCase();
	return `${base || 'quiz'}.${format === 'gift' ? 'gift.txt' : 'moodle.xml'}`;
}

/** The quiz as a GIFT or Moodle XML file, if `teacherId` may view it (a 404 otherwise). */
export async function exportQuizFile(handle: DatabaseHandle, teacherId: string, quizId: string, format: QuizFileFormat) {
	const quiz = await ownedOrPackQuiz(handle, teacherId, quizId);
	const [questions, ref] = await Promise.all([questionsOf(handle, quiz.id), quizArticle(handle, quiz)]);
	const article = await readerArticle(handle, ref.slug);
	if (!article) throw new DomainError(m.rest_err_quiz_article_missing(), 404);
	const exchange = exportQuiz(
		quiz,
		questions.map((q) => kitQuestion(q, article)),
		{
			title: article.title,
			paragraphs: blockOffsets(article).map((b) => b.text),
			sentences: article.claims.map((c) => ({ key: c.key, start: c.start, end: c.end, quote: c.quote }))
		}
	);
	return {
		name: fileName(quiz.title, format),
		type: format === 'gift' ? 'text/plain; charset=utf-8' : 'application/xml; charset=utf-8',
		body: format === 'gift' ? writeGift(exchange) : writeMoodleXml(exchange)
	};
}

/** What an import did with each question in the file. */
export interface ImportReport {
	quizId: string | null;
	title: string;
	imported: { name: string; type: string; changes: string[] }[];
	skipped: { name: string; reason: string }[];
}

/** The file's text, or a DomainError a teacher can act on: too big, wrong kind, not text. */
export function readUpload(file: { name: string; size: number; bytes: Uint8Array } | null): { text: string; format: QuizFileFormat } {
	if (!file || file.size === 0) throw new DomainError(m.author_mi_choose_file());
	if (file.size > MAX_IMPORT_BYTES) {
		throw new DomainError(m.author_qz_file_too_big({ size: Math.ceil(file.size / 1024).toLocaleString(getLocale()), max: MAX_IMPORT_BYTES / 1024 }), 413);
	}
	const name = file.name.toLowerCase();
	if (!EXTENSIONS.some((e) => name.endsWith(e))) throw new DomainError(m.author_mi_wrong_kind());
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
	} catch {
		throw new DomainError(m.author_mi_not_utf8());
	}
	// Control characters other than tab and line breaks mean a binary file, whatever its name.
	if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw new DomainError(m.author_mi_binary());
	const xml = name.endsWith('.xml') || /^\uFEFF?\s*<\?xml|^\uFEFF?\s*<quiz[\s>]/.test(text);
	return { text, format: xml ? 'xml' : 'gift' };
}

/**
 * Imports a file's questions into a new quiz `teacherId` owns, on the article `articleSlug`.
 * Returns the report; a file with nothing the kit can take makes no quiz and says why.
 */
export async function importQuizFile(handle: DatabaseHandle, teacherId: string, input: { articleSlug: string; title: string; text: string; format: QuizFileFormat }): Promise<ImportReport> {
	const { db, tables: t } = handle;
	// Any article the teacher can see: the packs', their own, those shared with every teacher.
	const articleRow = await articleBySlugForTeacher(handle, teacherId, input.articleSlug);
	const article = articleRow ? await readerArticle(handle, input.articleSlug) : null;
	if (!articleRow || !article) throw new DomainError(m.author_qe_err_choose_article());

	let parsed: ParsedFile;
	try {
		parsed = input.format === 'xml' ? parseMoodleXml(input.text) : parseGift(input.text);
	} catch (e) {
		if (e instanceof UnreadableFile) throw new DomainError(e.message);
		throw e;
	}
	const title = tidyTitle(input.title || parsed.category || m.author_mi_default_title());
	const report: ImportReport = { quizId: null, title, imported: [], skipped: [...parsed.skipped] };
	const rows: Omit<typeof t.quizQuestions.$inferInsert, 'quizId' | 'sort'>[] = [];
	const extra = parsed.questions.length - MAX_IMPORT_QUESTIONS;
	if (extra > 0) {
		// One line for the rest, so a file of thousands of tiny questions gives a short report.
		report.skipped.push({ name: extra === 1 ? m.author_mi_last_one() : m.author_mi_last_many({ count: extra }), reason: m.author_mi_max_questions({ max: MAX_IMPORT_QUESTIONS }) });
	}
	if (report.skipped.length > MAX_IMPORT_QUESTIONS) {
		const more = report.skipped.length - MAX_IMPORT_QUESTIONS;
		report.skipped = [...report.skipped.slice(0, MAX_IMPORT_QUESTIONS), { name: m.author_mi_more({ count: more }), reason: m.author_mi_more_reason() }];
	}
	for (const q of parsed.questions.slice(0, MAX_IMPORT_QUESTIONS)) {
		const mapped = importQuestion(q);
		if ('skip' in mapped) {
			report.skipped.push({ name: q.name, reason: mapped.skip });
			continue;
		}
		const checked = checkQuestion(mapped.draft, article);
		if (!checked.ok) {
			report.skipped.push({ name: q.name, reason: [...new Set(checked.problems.map((p) => p.message))].join(' ') });
			continue;
		}
		const id = randomToken();
		rows.push({ id, key: id, facts: [], ...questionColumns(article, articleRow.id, checked.question) });
		report.imported.push({ name: q.name, type: checked.question.type, changes: mapped.changes });
	}
	if (rows.length === 0) return report;
	const quizId = randomToken();
	await db.transaction(async (tx) => {
		await tx.insert(t.quizzes).values({ id: quizId, articleId: articleRow.id, key: quizId, title, description: '', source: 'teacher', ownerId: teacherId });
		await tx.insert(t.quizQuestions).values(rows.map((r, sort) => ({ ...r, quizId, sort })));
	});
	return { ...report, quizId };
}
