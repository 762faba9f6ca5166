/**
 * Content stays in its language: notes and quiz feedback are written in English, and a
 * pack or a teacher may add a version in another language. This module holds the one
 * rule for choosing which words a reader gets, and the one rule for what a version must
 * have, so the pack loader, the editors and every page agree.
 *
 * Versions are a map keyed by language tag (`{ es: { ... } }`), not a column per
 * language: a future language is a new key in CONTENT_LANGUAGES, with no new column,
 * migration or form field to add.
 */

/** The language every note and feedback text is written in first. */
export const CONTENT_LOCALE = 'en';

/** The languages a note or feedback may have a version in, besides English. */
export const CONTENT_LANGUAGES = ['es'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** Each language's name in English, for the messages authors read (packs and editors are written in English). */
export const LANGUAGE_NAMES: Record<ContentLanguage, string> = { es: 'Spanish' };

/** A note's words in one more language (the same shape as the database's NoteVersion). */
export interface NoteWords {
	title: string;
	body: string[];
	checkIt: string | null;
}

/** True when `tag` is a language notes and feedback may be given in besides English. */
export function isContentLanguage(tag: string): tag is ContentLanguage {
	return (CONTENT_LANGUAGES as readonly string[]).includes(tag);
}

/**
 * The note's words in `locale` when it has a version there, else its English, with the
 * language of the words chosen (`lang`), so the page can mark English on a Spanish page
 * and say it was not translated. The versions themselves are dropped: a page gets one.
 */
export function noteInLanguage<N extends NoteWords & { localized?: Record<string, NoteWords> | null }>(
	note: N,
	locale: string
): Omit<N, 'localized'> & { lang: string; untranslated: boolean } {
	const { localized, ...english } = note;
	const version = locale !== CONTENT_LOCALE ? localized?.[locale] : undefined;
	// `untranslated`: shown in English on a page in another language, which the page says.
	if (!version) return { ...english, lang: CONTENT_LOCALE, untranslated: locale !== CONTENT_LOCALE };
	return { ...english, title: version.title, body: version.body, checkIt: version.checkIt, lang: locale, untranslated: false };
}

/** One feedback text (an explanation, an option's feedback) in `locale` when it has a version there, else English. */
export function textInLanguage<K extends string>(
	english: string,
	versions: Record<string, Record<K, string>> | null | undefined,
	field: K,
	locale: string
): { text: string; lang: string } {
	const version = locale !== CONTENT_LOCALE ? versions?.[locale]?.[field] : undefined;
	return version ? { text: version, lang: locale } : { text: english, lang: CONTENT_LOCALE };
}

/**
 * What is wrong with a note's version in another language, given its English (empty when
 * nothing is). A version is the whole note: a title and at least one paragraph, and
 * "check it" steps exactly when the English has them, so a reader never gets half a
 * note in each language.
 */
export function noteVersionProblems(english: { checkIt: string | null }, version: NoteWords, language: ContentLanguage): string[] {
	const languageName = LANGUAGE_NAMES[language];
	const problems: string[] = [];
	if (!version.title.trim()) problems.push(`The ${languageName} version needs a title.`);
	if (!version.body.some((p) => p.trim())) problems.push(`The ${languageName} version needs the note’s text.`);
	const englishSteps = !!english.checkIt?.trim();
	const versionSteps = !!version.checkIt?.trim();
	if (englishSteps && !versionSteps) problems.push(`The ${languageName} version needs “check it” steps, as the English has them.`);
	if (!englishSteps && versionSteps) problems.push(`The ${languageName} version has “check it” steps the English does not have.`);
	return problems;
}

/** Paragraphs of a typed body: separated by a blank line, as the reader shows them. */
export function paragraphsOf(text: string): string[] {
	return text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
}

/** The article with each note in `locale` where it has a version there (see noteInLanguage); for pages. */
export function articleInLanguage<A extends { notes: (NoteWords & { localized?: Record<string, NoteWords> | null })[] }>(article: A, locale: string): A {
	return { ...article, notes: article.notes.map((n) => noteInLanguage(n, locale)) };
}
