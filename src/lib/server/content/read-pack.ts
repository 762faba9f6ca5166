/**
 * Reads one article's content pack from disk, validates it and resolves every quote
 * to selectors. Throws ContentPackError naming the file, the field and the reason,
 * so a broken pack stops start-up with a message an editor can act on.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { describe, occurrences, type Selectors } from '$lib/anchoring/anchoring';
import { claimCoverageProblems } from '$lib/articles/claim-coverage';
import { noteVersionProblems, type ContentLanguage } from '$lib/articles/content-language';
import { checkQuiz, type AnchoredQuiz } from './check-quiz';
import {
	articleMetaSchema,
	claimsFileSchema,
	notesFileSchema,
	quizFileSchema,
	type ArticleMetaInput,
	type ClaimInput,
	type NoteInput
} from './pack-schema';
import { blocksOf, type Block } from './blocks';

/** A content-pack problem an editor can fix: where it is and what is wrong. */
export class ContentPackError extends Error {
	constructor(
		readonly file: string,
		readonly field: string,
		readonly reason: string
	) {
		super(`Content pack error in ${file}, field "${field}": ${reason}`);
		this.name = 'ContentPackError';
	}
}

export interface AnchoredClaim extends ClaimInput {
	selectors: Selectors;
}
export interface AnchoredNote extends NoteInput {
	selectors: Selectors;
}

/** A validated pack, every quote resolved to a position in the article text. */
export interface ContentPack {
	meta: ArticleMetaInput;
	text: string;
	textHash: string;
	blocks: Block[];
	claims: AnchoredClaim[];
	notes: AnchoredNote[];
	/** The pack's seeded quiz, when it has a quiz.yaml. */
	quiz: AnchoredQuiz | null;
	/** Hash over every file, so an unchanged pack can be skipped at start-up. */
	packHash: string;
}

const FILES = {
	meta: 'article.yaml',
	text: 'article.txt',
	claims: 'claims.yaml',
	notes: 'notes.yaml',
	quiz: 'quiz.yaml'
} as const;

async function readText(dir: string, name: string, shown: string): Promise<string> {
	try {
		return await readFile(join(dir, name), 'utf8');
	} catch {
		throw new ContentPackError(shown, '(file)', 'the file is missing or cannot be read');
	}
}

function parseFile<S extends z.ZodType>(source: string, shown: string, schema: S): z.output<S> {
	let data: unknown;
	try {
		data = parseYaml(source);
	} catch (error) {
		const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}` : '(YAML)';
		throw new ContentPackError(shown, where, error instanceof Error ? error.message.split('\n')[0] : 'invalid YAML');
	}
	const result = schema.safeParse(data);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new ContentPackError(shown, issue.path.join('.') || '(root)', issue.message);
	}
	return result.data;
}

function sha256(value: string): string {
	return createHash('sha256').update(value).digest('hex');
}

function assertUnique(ids: string[], file: string, field: string) {
	const seen = new Set<string>();
	ids.forEach((id, i) => {
		if (seen.has(id)) throw new ContentPackError(file, `${field}.${i}.id`, `duplicate id "${id}"`);
		seen.add(id);
	});
}

/** Resolves a quote (and occurrence, when the words repeat) to a span of the text. */
function locate(
	text: string,
	item: { quote: string; occurrence?: number },
	file: string,
	field: string
): Selectors {
	const found = occurrences(text, item.quote);
	if (found.length === 0) {
		throw new ContentPackError(file, `${field}.quote`, `"${item.quote}" is not in the article text`);
	}
	if (item.occurrence === undefined && found.length > 1) {
		throw new ContentPackError(
			file,
			`${field}.occurrence`,
			`"${item.quote}" appears ${found.length} times; say which with occurrence: 1 to ${found.length}`
		);
	}
	const index = (item.occurrence ?? 1) - 1;
	if (index >= found.length) {
		throw new ContentPackError(file, `${field}.occurrence`, `there are only ${found.length} occurrences`);
	}
	return describe(text, found[index], found[index] + item.quote.length);
}

/** A pack's files as text: quiz.yaml is null when the pack has none. */
export interface PackSources {
	meta: string;
	text: string;
	claims: string;
	notes: string;
	quiz: string | null;
}

/** The file names of a pack, as they sit in its folder (and in a downloaded zip). */
export const PACK_FILES = FILES;

/** Reads and checks the pack in `dir`; `root` only shortens paths in messages. */
export async function readPack(dir: string, root = process.cwd()): Promise<ContentPack> {
	const shown = (name: string) => relative(root, join(dir, name)) || name;
	const sources: PackSources = {
		meta: await readText(dir, FILES.meta, shown(FILES.meta)),
		text: await readText(dir, FILES.text, shown(FILES.text)),
		claims: await readText(dir, FILES.claims, shown(FILES.claims)),
		notes: await readText(dir, FILES.notes, shown(FILES.notes)),
		// No quiz.yaml means no quiz; any other read error is a broken pack, not "no quiz".
		quiz: await readFile(join(dir, FILES.quiz), 'utf8').catch((error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT') return null;
			throw new ContentPackError(shown(FILES.quiz), '(file)', 'the file cannot be read');
		})
	};
	return parsePack(sources, shown);
}

/**
 * Checks a pack's files, already read (from a folder, or from an uploaded zip), by the
 * same rules as at start-up; `shown` names a file in messages.
 */
export function parsePack(sources: PackSources, shown: (name: string) => string = (name) => name): ContentPack {
	const meta = parseFile(sources.meta, shown(FILES.meta), articleMetaSchema);
	const { claims } = parseFile(sources.claims, shown(FILES.claims), claimsFileSchema);
	const { notes } = parseFile(sources.notes, shown(FILES.notes), notesFileSchema);
	const text = sources.text;
	if (text.trim().length === 0) throw new ContentPackError(shown(FILES.text), '(file)', 'the article text is empty');

	assertUnique(meta.speakers.map((s) => s.id), shown(FILES.meta), 'speakers');
	assertUnique(meta.facts.map((f) => f.id), shown(FILES.meta), 'facts');
	assertUnique(claims.map((c) => c.id), shown(FILES.claims), 'claims');
	assertUnique(notes.map((n) => n.id), shown(FILES.notes), 'notes');

	const factIds = new Set(meta.facts.map((f) => f.id));
	const speakerIds = new Set(meta.speakers.map((s) => s.id));
	const checkFacts = (ids: string[], file: string, field: string) =>
		ids.forEach((id, i) => {
			if (!factIds.has(id)) throw new ContentPackError(file, `${field}.${i}`, `unknown fact "${id}"`);
		});
	checkFacts(meta.publication.facts, shown(FILES.meta), 'publication.facts');
	meta.speakers.forEach((s, i) => checkFacts(s.facts, shown(FILES.meta), `speakers.${i}.facts`));

	let blocks: Block[];
	try {
		blocks = blocksOf(text, meta.structure);
	} catch (error) {
		throw new ContentPackError(shown(FILES.meta), 'structure', (error as Error).message);
	}

	const anchoredClaims = claims.map((claim, i): AnchoredClaim => {
		const field = `claims.${i}`;
		if (!speakerIds.has(claim.speaker)) {
			throw new ContentPackError(shown(FILES.claims), `${field}.speaker`, `unknown speaker "${claim.speaker}"`);
		}
		checkFacts(claim.facts, shown(FILES.claims), `${field}.facts`);
		return { ...claim, selectors: locate(text, claim, shown(FILES.claims), field) };
	});
	checkClaimCoverage(text, anchoredClaims, shown(FILES.claims));

	const anchoredNotes = notes.map((note, i): AnchoredNote => {
		const field = `notes.${i}`;
		checkFacts(note.facts, shown(FILES.notes), `${field}.facts`);
		note.translation?.renderings.forEach((r, j) =>
			checkFacts(r.facts, shown(FILES.notes), `${field}.translation.renderings.${j}.facts`)
		);
		for (const [language, version] of Object.entries(note.localized ?? {})) {
			const [problem] = noteVersionProblems(
				{ checkIt: note.checkIt ?? null },
				{ ...version, checkIt: version.checkIt ?? null },
				language as ContentLanguage
			);
			if (problem) throw new ContentPackError(shown(FILES.notes), `${field}.localized.${language}`, problem);
		}
		return { ...note, selectors: locate(text, note, shown(FILES.notes), field) };
	});

	let quiz: AnchoredQuiz | null = null;
	if (sources.quiz !== null) {
		const { quiz: input } = parseFile(sources.quiz, shown(FILES.quiz), quizFileSchema);
		quiz = checkQuiz(
			input,
			{ meta, claims, notes },
			(passage, field) => locate(text, passage, shown(FILES.quiz), field),
			(field, reason) => {
				throw new ContentPackError(shown(FILES.quiz), field, reason);
			}
		);
	}

	return {
		meta,
		text,
		textHash: sha256(text),
		blocks,
		claims: anchoredClaims,
		notes: anchoredNotes,
		quiz,
		packHash: sha256(JSON.stringify(sources))
	};
}

/**
 * Applies the claim-coverage rule (one module, shared with the editor) and stops at its
 * first problem, named the way a pack editor finds it: an overlap at the claim's quote,
 * uncovered words at the claims list.
 */
function checkClaimCoverage(text: string, claims: AnchoredClaim[], file: string) {
	const spans = claims.map((c) => ({ key: c.id, start: c.selectors.position.start, end: c.selectors.position.end }));
	const [problem] = claimCoverageProblems(text, spans);
	if (!problem) return;
	const field = problem.kind === 'uncovered' ? 'claims' : `claims.${claims.findIndex((c) => c.id === problem.claim)}.quote`;
	throw new ContentPackError(file, field, problem.message);
}

/** Finds every pack under `contentDir/articles`, one folder per article. */
export async function readAllPacks(contentDir: string): Promise<ContentPack[]> {
	const articlesDir = join(contentDir, 'articles');
	let entries;
	try {
		entries = await readdir(articlesDir, { withFileTypes: true });
	} catch {
		throw new ContentPackError(relative(process.cwd(), articlesDir) || articlesDir, '(folder)', 'the content folder is missing');
	}
	const dirs = entries.filter((e) => e.isDirectory()).map((e) => join(articlesDir, e.name));
	return Promise.all(dirs.sort().map((dir) => readPack(dir)));
}
