import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { requireAdmin, requireTeacher, requireTeacherAccount, safeNext, WAITING_PAGE } from './guards';
import type { SessionTeacher, ValidSession } from './session';
import { addressKey } from './rate-limit';
import { isLoopback } from '../setup-gate';

const ORIGIN = 'http://lab.school.test';

describe('safeNext', () => {
	it.each([
		['/teach/classes/abc', '/teach/classes/abc'],
		['/teach?x=1', '/teach?x=1'],
		[null, '/teach'],
		['https://evil.example/', '/teach'],
		['//evil.example/', '/teach'],
		['/\\evil.example', '/teach'],
		['/\t/evil.example', '/teach'],
		['/\n', '/teach'],
		['teach', '/teach'],
		['/%2F%2Fevil.example', '/%2F%2Fevil.example']
	])('%j → %j', (value, expected) => {
		expect(safeNext(value, ORIGIN)).toBe(expected);
	});
});

describe('addressKey', () => {
	it.each([
		['203.0.113.9', '203.0.113.9'],
		['::ffff:203.0.113.9', '203.0.113.9'],
		['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
		['2001:db8:1:2::1', '2001:db8:1:2::/64'],
		['2001:DB8::1', '2001:db8:0:0::/64']
	])('%s counts as %s', (address, key) => expect(addressKey(address)).toBe(key));
});

describe('setup gate', () => {
	it('knows the computer running the kit by its loopback address', () => {
		for (const a of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a)).toBe(true);
		for (const a of ['192.168.1.20', '::ffff:10.0.0.1', '128.0.0.1']) expect(isLoopback(a)).toBe(false);
	});
});

/** A request as the guards see it: a method, an address and whoever the session speaks for. */
function eventFor(method: string, teacher: SessionTeacher | null, student = false): RequestEvent {
	const session: ValidSession | null =
		teacher || student
			? {
					id: 's',
					teacher,
					students: student ? [{ id: 'st', displayName: 'Ana', classId: 'c', className: 'A' }] : [],
					expiresAt: new Date(),
					timeZone: null,
					locale: null
				}
			: null;
	return {
		request: new Request('http://lab.test/teach/quizzes', { method }),
		url: new URL('http://lab.test/teach/quizzes'),
		locals: { session, sessionEnded: false }
	} as unknown as RequestEvent;
}

/** What a guard throws: a redirect's status and address, or an error's status. */
function thrown(guard: () => unknown): string {
	try {
		guard();
	} catch (e) {
		if (isRedirect(e)) return `${e.status} ${e.location}`;
		if (isHttpError(e)) return `${e.status}`;
		throw e;
	}
	return 'passed';
}

const APPROVED: SessionTeacher = { id: 't', name: 'Ada', email: 'ada@school.test', isAdmin: false, approved: true };
const WAITING: SessionTeacher = { ...APPROVED, approved: false };

describe('requireTeacher', () => {
	it.each([
		['an approved teacher', 'GET', APPROVED, 'passed'],
		['an approved teacher', 'POST', APPROVED, 'passed'],
		['a waiting teacher opening a page or download', 'GET', WAITING, `303 ${WAITING_PAGE}`],
		['a waiting teacher using a form', 'POST', WAITING, '403'],
		['a waiting admin (never made, refused all the same)', 'POST', { ...WAITING, isAdmin: true }, '403'],
		['an anonymous visitor', 'GET', null, '303 /signin?next=%2Fteach%2Fquizzes']
	] as const)('%s (%s) → %s', (_, method, teacher, expected) => {
		expect(thrown(() => requireTeacher(eventFor(method, teacher)))).toBe(expected);
	});

	it('refuses a student device', () => expect(thrown(() => requireTeacher(eventFor('GET', null, true)))).toBe('403'));

	it('lets the admin through requireAdmin only once approved, and no one else', () => {
		expect(thrown(() => requireAdmin(eventFor('POST', { ...APPROVED, isAdmin: true })))).toBe('passed');
		expect(thrown(() => requireAdmin(eventFor('POST', APPROVED)))).toBe('403');
		expect(thrown(() => requireAdmin(eventFor('GET', { ...WAITING, isAdmin: true })))).toBe(`303 ${WAITING_PAGE}`);
	});

	it('lets a waiting teacher reach only what requireTeacherAccount guards', () => {
		expect(thrown(() => requireTeacherAccount(eventFor('POST', WAITING)))).toBe('passed');
	});
});
