import { describe, expect, it } from 'vitest';
import { sessionState, STUDENT_SESSIONS, TEACHER_SESSIONS } from './session-policy';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const t0 = new Date('2026-01-01T00:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);

describe('sessionState', () => {
	it.each([
		['just used', 0, 'valid'],
		['used 59 minutes ago', 59 * 60 * 1000, 'valid'],
		['used an hour ago: slide forward', HOUR, 'refresh'],
		['used 9 days ago: still in, slide', 9 * DAY, 'refresh'],
		['unused for 10 days: over', 10 * DAY, 'expired'],
		['unused for a month: over', 30 * DAY, 'expired']
	] as const)('teacher session %s', (_, idle, state) => {
		expect(sessionState(t0, after(idle), TEACHER_SESSIONS)).toBe(state);
	});

	it('keeps a student device for 60 days without use', () => {
		expect(sessionState(t0, after(59 * DAY), STUDENT_SESSIONS)).toBe('refresh');
		expect(sessionState(t0, after(60 * DAY), STUDENT_SESSIONS)).toBe('expired');
	});
});
