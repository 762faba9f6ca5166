/**
 * What the claim pages of one assignment or live session show (the claims with their
 * matrices, the passage shaded by error rate with one claim's breakdown, the heat maps of
 * the words selected) and their CSV rows, built from the grouped counts of claim-results.
 * Teacher pages only: resultScope has checked the teacher before anything here runs.
 */
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { m } from '$lib/paraglide/messages';
import { readerArticle } from '../articles/reader-cache';
import { heatMap } from '../live/teacher-views';
import type { ReaderArticle } from '$lib/articles/types';
import { groupByClaim } from '$lib/articles/segments';
import type { ClaimRow } from '$lib/results/claim-csv';
import { ATTRIBUTION_FORMS, NO_ONE_NAMED } from '$lib/articles/vocabulary';
import type { ResultScope } from './scope';
import { claimStudents, selectionCounts, selectionsOf, sourceClaimResults, speakerLabel, valueLabel, type ClaimResult } from './claim-results';

/** The scope's article as the reader has it now; a 410 when it has left the kit. */
export async function scopeArticle(handle: DatabaseHandle, scope: ResultScope): Promise<ReaderArticle> {
	const article = await readerArticle(handle, scope.articleSlug);
	if (!article) throw new DomainError(m.results_err_article_gone(), 410);
	return article;
}

/** How every speaker and form value reads in a table, for the page to look up. */
export function valueLabels(article: ReaderArticle) {
	return {
		speaker: Object.fromEntries([...article.speakers.map((s) => s.key), NO_ONE_NAMED].map((k) => [k, speakerLabel(article, k)])),
		form: Object.fromEntries(ATTRIBUTION_FORMS.map((f) => [f, valueLabel(article, 'form', f)]))
	};
}

/** A question's page in the dashboard (dash-question's view). */
export const questionHref = (scope: ResultScope, questionId: string) => `${scope.base}/questions/${encodeURIComponent(questionId)}`;

/** One claim as the claims page and the passage's breakdown show it. */
function claimView(scope: ResultScope, c: ClaimResult) {
	return {
		key: c.claim.key,
		number: c.claim.number,
		quote: c.claim.quote,
		speakerName: c.speakerName,
		formLabel: c.formLabel,
		rate: c.rate,
		speaker: c.speaker,
		form: c.form,
		misreadings: c.misreadings.map((m) => m.text),
		questions: c.questions.map((q) => ({ ...q, href: questionHref(scope, q.id) })),
		passageHref: `${scope.base}/passage?claim=${encodeURIComponent(c.claim.key)}#breakdown`
	};
}

export type ClaimViewData = ReturnType<typeof claimView>;

/** The claims page: every claim asked about, with both matrices; the rest listed as not asked; both matrices over every claim. */
export async function claimsPage(handle: DatabaseHandle, scope: ResultScope) {
	const article = await scopeArticle(handle, scope);
	const { claims, overall } = await sourceClaimResults(handle, scope, article, scope.questions);
	return {
		claims: claims.filter((c) => c.rate.answered > 0).map((c) => claimView(scope, c)),
		notAsked: claims.filter((c) => c.rate.answered === 0).map((c) => ({ number: c.claim.number, key: c.claim.key })),
		overall,
		labels: valueLabels(article),
		/** The article's language, for the quoted claims' `lang`. */
		language: article.byline.language
	};
}

/** The claims as CSV rows, every claim of the article in reading order. */
export async function claimCsvRows(handle: DatabaseHandle, scope: ResultScope): Promise<{ rows: ClaimRow[]; label: (kind: 'speaker' | 'form', value: string) => string }> {
	const article = await scopeArticle(handle, scope);
	const { claims } = await sourceClaimResults(handle, scope, article, scope.questions);
	return {
		rows: claims.map((c) => ({
			number: c.claim.number,
			key: c.claim.key,
			quote: c.claim.quote,
			speaker: c.speakerName,
			form: c.formLabel,
			rate: c.rate,
			speakerMatrix: c.speaker,
			formMatrix: c.form,
			misreadings: c.misreadings
		})),
		label: (kind, value) => valueLabel(article, kind, value)
	};
}

/** The find-the-evidence questions of the scope with the selections made, counted in SQL. */
async function selections(handle: DatabaseHandle, scope: ResultScope) {
	const questions = scope.questions.filter((q) => q.type === 'find-evidence');
	return { questions, counts: await selectionCounts(handle, scope, questions.map((q) => q.id)) };
}

/**
 * The passage page: the article with every claim's error rate, the chosen claim's breakdown
 * (its figures, the reader's notes, the students who answered about it, with links to their
 * answers), and a heat map of the selected words for each find-the-evidence question.
 */
export async function passagePage(handle: DatabaseHandle, scope: ResultScope, chosen: string | null) {
	const article = await scopeArticle(handle, scope);
	if (chosen !== null && !article.claims.some((c) => c.key === chosen)) throw new DomainError(m.results_err_no_claim(), 404);
	const [{ claims }, evidence] = await Promise.all([sourceClaimResults(handle, scope, article, scope.questions), selections(handle, scope)]);
	const result = chosen ? claims.find((c) => c.claim.key === chosen)! : null;
	let breakdown = null;
	if (result) {
		const students = await claimStudents(handle, scope, `${article.id}/${result.claim.key}`);
		const notes = article.notes.filter((n) => result.claim.noteKeys.includes(n.key));
		breakdown = {
			...claimView(scope, result),
			claim: result.claim,
			speakerView: article.speakers.find((s) => s.key === result.claim.speaker),
			notes,
			students: students.map((s) => ({ ...s, href: `${scope.base}/students/${encodeURIComponent(s.studentId)}` })),
			claimsHref: `${scope.base}/claims#claim-${result.claim.key}`
		};
	}
	return {
		article: {
			title: article.title,
			slug: article.slug,
			language: article.byline.language,
			// Grouped here, on the server: importing the reader's segments module in the page would
			// split it into a chunk of its own that the reader then loads as an extra file.
			blocks: article.blocks.map((block) => ({
				kind: block.kind,
				groups: groupByClaim(block.pieces).map((g) => ({ claim: g.claim, text: g.pieces.map((p) => p.text).join('') }))
			})),
			numbers: Object.fromEntries(article.claims.map((c) => [c.key, c.number]))
		},
		rates: Object.fromEntries(claims.map((c) => [c.claim.key, c.rate])),
		breakdown,
		labels: valueLabels(article),
		heatMaps: evidence.questions.map((q) => {
			const spans = selectionsOf(evidence.counts, q.id);
			return {
				id: q.id,
				number: q.number,
				prompt: q.prompt,
				claimKey: q.claimId?.split('/').pop() ?? null,
				answered: spans.length,
				href: questionHref(scope, q.id),
				heat: heatMap(q, article, spans)
			};
		})
	};
}

/** The selections as CSV rows: each distinct selection of each find-the-evidence question. */
export async function selectionCsvRows(handle: DatabaseHandle, scope: ResultScope) {
	const article = await scopeArticle(handle, scope);
	const { questions, counts } = await selections(handle, scope);
	return counts.map((c) => {
		const q = questions.find((x) => x.id === c.questionId)!;
		const inKey = (q.evidence ?? []).some((e) => e.start < c.end && c.start < e.end);
		return { question: q.number, prompt: q.prompt, start: c.start, end: c.end, words: article.text.slice(c.start, c.end), students: c.count, inKey };
	});
}
