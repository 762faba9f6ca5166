import { describe, expect, it } from 'vitest';
import { noteInLanguage, noteVersionProblems, paragraphsOf, textInLanguage } from './content-language';

const english = { key: 'n1', title: 'Who is speaking?', body: ['One.', 'Two.'], checkIt: 'Search the name.' };
const spanish = { title: '¿Quién habla?', body: ['Uno.', 'Dos.'], checkIt: 'Busca el nombre.' };

describe('choosing a note’s language', () => {
	it.each([
		['es', { es: spanish }, { ...spanish, lang: 'es', untranslated: false }],
		['en', { es: spanish }, { title: english.title, body: english.body, checkIt: english.checkIt, lang: 'en', untranslated: false }],
		['es', null, { title: english.title, body: english.body, checkIt: english.checkIt, lang: 'en', untranslated: true }],
		['es', {}, { title: english.title, body: english.body, checkIt: english.checkIt, lang: 'en', untranslated: true }],
		['fr', { es: spanish }, { title: english.title, body: english.body, checkIt: english.checkIt, lang: 'en', untranslated: true }]
	])('on a page in %s with versions %j', (locale, localized, expected) => {
		const chosen = noteInLanguage({ ...english, localized }, locale);
		expect(chosen).toEqual({ key: 'n1', ...expected });
		// A page gets one language's words, never the other versions.
		expect(chosen).not.toHaveProperty('localized');
	});
});

describe('choosing feedback’s language', () => {
	it.each([
		['es', { es: { feedback: 'Sí.' } }, { text: 'Sí.', lang: 'es' }],
		['en', { es: { feedback: 'Sí.' } }, { text: 'Yes.', lang: 'en' }],
		['es', undefined, { text: 'Yes.', lang: 'en' }],
		['es', { es: { feedback: '' } }, { text: 'Yes.', lang: 'en' }]
	])('in %s with %j', (locale, versions, expected) => {
		expect(textInLanguage('Yes.', versions, 'feedback', locale)).toEqual(expected);
	});
});

describe('what a note’s version must have', () => {
	it('accepts a whole version', () => {
		expect(noteVersionProblems({ checkIt: 'Search.' }, spanish, 'es')).toEqual([]);
		expect(noteVersionProblems({ checkIt: null }, { ...spanish, checkIt: null }, 'es')).toEqual([]);
	});

	it('names each missing or extra part', () => {
		expect(noteVersionProblems({ checkIt: 'Search.' }, { title: ' ', body: [], checkIt: null }, 'es')).toEqual([
			'The Spanish version needs a title.',
			'The Spanish version needs the note’s text.',
			'The Spanish version needs “check it” steps, as the English has them.'
		]);
		expect(noteVersionProblems({ checkIt: null }, spanish, 'es')).toEqual(['The Spanish version has “check it” steps the English does not have.']);
	});
});

it('splits a typed body into paragraphs at blank lines', () => {
	expect(paragraphsOf(' Uno.\n\n \nDos\ntres. \n')).toEqual(['Uno.', 'Dos\ntres.']);
});
