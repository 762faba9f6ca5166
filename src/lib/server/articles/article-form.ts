/**
 * Reading the review form's fields (the same on the new-article page and the article's
 * own page), so both check an article's parts by one rule (article-parts.ts).
 */
import { field } from '../auth/guards';
import { LIMITS, type ArticleParts } from '$lib/articles/article-parts';

/** The review form's fields as typed (trimmed, capped), for checking and for echoing back. */
export function readPartsForm(form: FormData): ArticleParts {
	return {
		title: field(form, 'title', LIMITS.title + 100),
		body: field(form, 'body', LIMITS.textChars + 50_000),
		outlet: field(form, 'outlet', LIMITS.byline + 100),
		author: field(form, 'author', LIMITS.byline + 100),
		date: field(form, 'date', 40),
		originalUrl: field(form, 'originalUrl', LIMITS.url + 100),
		language: field(form, 'language', 40)
	};
}

/** The revision an edit form was made from; -1 (never current) when missing or garbled. */
export function readRevision(form: FormData): number {
	const value = Number(field(form, 'revision', 20));
	return Number.isSafeInteger(value) && value >= 0 ? value : -1;
}
