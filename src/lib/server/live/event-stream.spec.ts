import { describe, expect, it } from 'vitest';
import { encodeEvent, eventId } from './event-stream';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('encodeEvent', () => {
	it('writes an id and one data line per line of the data, ending with a blank line', () => {
		expect(text(encodeEvent('{"a":1}', 'x1'))).toBe('id: x1\ndata: {"a":1}\n\n');
		expect(text(encodeEvent('one\ntwo\r\nthree', 'x2'))).toBe('id: x2\ndata: one\ndata: two\ndata: three\n\n');
	});

	it('gives the same data the same id, and different data another', () => {
		expect(eventId('{"q":2}')).toBe(eventId('{"q":2}'));
		expect(eventId('{"q":2}')).not.toBe(eventId('{"q":3}'));
		expect(text(encodeEvent('{"q":2}'))).toContain(`id: ${eventId('{"q":2}')}\n`);
	});

	it('cannot be made to start a new event by the data', () => {
		const encoded = text(encodeEvent('a\n\nid: forged\ndata: x', 'real'));
		expect(encoded.match(/^id: /gm)).toEqual(['id: ']);
		expect(encoded).toContain('data: id: forged\n');
	});
});
