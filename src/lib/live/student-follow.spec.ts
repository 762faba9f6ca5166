import { describe, expect, it } from 'vitest';
import { followsChange } from './student-follow';

describe('followsChange', () => {
	it.each([
		['the same version (a classmate answered)', 3, '{"version":3,"joined":4,"answered":2}', false],
		['a new version (the teacher moved on)', 3, '{"version":4,"joined":4,"answered":0}', true],
		['a session that has gone', 3, '{"gone":true}', true],
		['a message without a version', 3, '{"joined":4}', true],
		['a message that is not JSON', 3, 'oops', true],
		['a page that had no version', null, '{"version":0}', true]
	])('%s', (_, version, message, expected) => {
		expect(followsChange(version, message)).toBe(expected);
	});
});
