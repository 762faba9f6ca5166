// Every interface string exists in English and in Spanish, is not empty, and names the
// same placeholders in both, so no page shows a key, a blank or a "{name}" left unfilled
// in either language. (The content itself, notes and quizzes, is not in these files.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { baseLocale: string; locales: string[] };
const messages = Object.fromEntries(
	settings.locales.map((locale) => {
		const file = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>;
		delete file.$schema;
		return [locale, file];
	})
);
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();

describe('message files', () => {
	it('offer English and Spanish, English first', () => {
		expect(settings.baseLocale).toBe('en');
		expect(settings.locales).toEqual(['en', 'es']);
	});

	it('hold the same keys in every language', () => {
		const keys = Object.keys(messages.en).sort();
		expect(keys.length).toBeGreaterThan(100);
		for (const locale of settings.locales) expect(Object.keys(messages[locale]).sort(), locale).toEqual(keys);
	});

	it.each(settings.locales)('have no empty or non-text message in %s', (locale) => {
		const bad = Object.entries(messages[locale]).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
		expect(bad).toEqual([]);
	});

	it('name the same placeholders in every language', () => {
		const differing = Object.entries(messages.en)
			.filter(([key, text]) => settings.locales.some((locale) => placeholders(String(messages[locale][key] ?? '')).join() !== placeholders(String(text)).join()))
			.map(([key]) => key);
		expect(differing).toEqual([]);
	});
});
