/**
 * The last refusals and reasons a teacher or student could read in English on a Spanish
 * page (issue 12 §1): an uploaded pack's zip refused, a note's re-anchoring reason, a W3C
 * import's per-annotation reason, an unknown time zone, a student's answer refused, a
 * kit-made quiz option. Each comes out in the request's language (Paraglide's getLocale,
 * which the server's middleware sets per request), and the English wording is unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as runtime from '$lib/paraglide/runtime';
import { readPackUpload } from '$lib/server/content/pack-import';
import { ZipError, readZip, writeZip } from '$lib/server/content/zip';
import { reanchorReason } from '$lib/server/articles/reanchor-reasons';
import { reanchor } from '$lib/anchoring/reanchor';
import { parseAnnotations, ANNO_CONTEXT } from '$lib/annotations/w3c-import';
import { checkedTimeZone } from '$lib/server/people/time-zones';
import { DomainError } from '$lib/server/domain-error';

const requestLocale = runtime.getLocale;
const speak = (locale: 'en' | 'es') => runtime.overwriteGetLocale(() => locale);
afterEach(() => runtime.overwriteGetLocale(requestLocale));

/** The message a call throws (a DomainError's), or a failure. */
function refusal(call: () => unknown): string {
	try {
		call();
	} catch (error) {
		if (error instanceof DomainError) return error.message;
		throw error;
	}
	throw new Error('expected a refusal');
}

const upload = (bytes: Uint8Array) => ({ name: 'pack.zip', size: bytes.length, bytes });

describe('the last refusals in the request’s language', () => {
	it.each([
		['en', 'This is not a zip file (or it is damaged): save the pack as a .zip and try again.', 'in the zip is damaged (its check sum does not match).'],
		['es', 'Esto no es un archivo zip (o está dañado): guarda el paquete como .zip e inténtalo de nuevo.', 'en el zip está dañado (su suma de comprobación no coincide).']
	] as const)('an uploaded pack’s zip refused (%s)', (locale, notZip, checksum) => {
		speak(locale);
		expect(refusal(() => readPackUpload(upload(new TextEncoder().encode('not a zip at all, just some words'))))).toBe(notZip);
		const zip = writeZip([{ name: 'article.txt', data: new TextEncoder().encode('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') }]);
		// Spoil the stored CRC-32 in the central directory (the reader checks that one).
		const spoiled = new Uint8Array(zip);
		const central = Buffer.from(spoiled).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
		spoiled[central + 16] ^= 0xff;
		expect(refusal(() => readPackUpload(upload(spoiled)))).toBe(`${locale === 'en' ? '“article.txt” ' : '«article.txt» '}${checksum}`);
	});

	it('keeps the zip reader’s own English message (it has no $lib import, for the e2e tests)', () => {
		speak('es');
		expect(() => readZip(new Uint8Array(30))).toThrow(ZipError);
		expect(() => readZip(new Uint8Array(30))).toThrow('This is not a zip file');
	});

	it.each([
		['en', 'The words are no longer in the text.'],
		['es', 'Las palabras ya no están en el texto.']
	] as const)('a re-anchoring reason, worded where it is shown (%s)', (locale, gone) => {
		const [result] = reanchor('The mayor spoke.', 'Nothing here.', [{ id: 'n1', start: 4, end: 9, exact: 'mayor', prefix: 'The ', suffix: ' spoke' }]);
		expect(result.status).toBe('orphan');
		speak(locale);
		expect(reanchorReason('reason' in result ? result.reason : '')).toBe(gone);
		expect(reanchorReason('Some other words.')).toBe('Some other words.');
	});

	it.each([
		['en', 'Skipped: it has no target, so there are no words to attach it to.', 'The file has 5001 annotations; at most 5,000 can be imported at once.'],
		['es', 'Omitida: no tiene destino (target), así que no hay palabras a las que sujetarla.', 'El archivo tiene 5001 anotaciones; se pueden importar como máximo 5000 a la vez.']
	] as const)('a W3C import’s reasons (%s)', (locale, skipped, tooMany) => {
		speak(locale);
		const one = parseAnnotations({ '@context': ANNO_CONTEXT, type: 'Annotation', body: { type: 'TextualBody', value: 'x' } });
		expect(one.problems.map((p) => p.message)).toContain(skipped);
		const many = parseAnnotations(Array.from({ length: 5001 }, () => ({ '@context': ANNO_CONTEXT, type: 'Annotation' })));
		expect(many.problems.map((p) => p.message)).toEqual([tooMany]);
	});

	it.each([
		['en', '“Mars/Olympus” is not a time zone the kit knows. Choose one from the list.'],
		['es', '«Mars/Olympus» no es una zona horaria que el kit conozca. Elige una de la lista.']
	] as const)('an unknown time zone (%s)', (locale, message) => {
		speak(locale);
		expect(refusal(() => checkedTimeZone('Mars/Olympus'))).toBe(message);
	});
});
