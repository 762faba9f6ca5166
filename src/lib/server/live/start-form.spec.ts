import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import { readLiveSettings } from './start-form';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

describe('the start form of a live session', () => {
	it('defaults to the teacher moving on, no certainty unless ticked, and no names on the projector', () => {
		expect(readLiveSettings(form({}))).toEqual({ pacing: 'teacher', askCertainty: false, names: 'none' });
		expect(readLiveSettings(form({ pacing: 'student', certainty: 'on', names: 'initials' }))).toEqual({ pacing: 'student', askCertainty: true, names: 'initials' });
	});

	it.each([
		[{ pacing: 'warp' }, /who moves the class on/],
		[{ names: 'nicknames' }, /what the projector shows of names/]
	])('refuses %o with a 400 that says what to choose', (fields, message) => {
		let refused: unknown;
		try {
			readLiveSettings(form(fields));
		} catch (e) {
			refused = e;
		}
		expect(refused).toBeInstanceOf(DomainError);
		expect((refused as DomainError).status).toBe(400);
		expect((refused as DomainError).message).toMatch(message);
	});
});
