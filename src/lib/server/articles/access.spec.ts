import { describe, expect, it } from 'vitest';
import { mayCopy, mayRead, type ArticleAccess, type Viewer } from './access';

const article = (over: Partial<ArticleAccess> = {}): ArticleAccess => ({ ownerId: 'ada', visibility: 'classes', status: 'published', ...over });
const anonymous: Viewer = { teacherId: null, classTeacherIds: [] };
const owner: Viewer = { teacherId: 'ada', classTeacherIds: [] };
const otherTeacher: Viewer = { teacherId: 'bob', classTeacherIds: [] };
const adasStudent: Viewer = { teacherId: null, classTeacherIds: ['ada'] };
const bobsStudent: Viewer = { teacherId: null, classTeacherIds: ['bob'] };

describe('mayRead', () => {
	it.each([
		['a pack article, anyone', article({ ownerId: null, visibility: 'public' }), anonymous, true],
		['a draft, its owner', article({ status: 'draft' }), owner, true],
		['a draft for my classes, a student of the owner', article({ status: 'draft' }), adasStudent, false],
		['only me, another teacher', article({ visibility: 'private' }), otherTeacher, false],
		['only me, the owner’s student', article({ visibility: 'private' }), adasStudent, false],
		['my classes, the owner’s student', article(), adasStudent, true],
		['my classes, another teacher’s student', article(), bobsStudent, false],
		['my classes, another teacher', article(), otherTeacher, false],
		['my classes, anonymous', article(), anonymous, false],
		['every teacher, another teacher', article({ visibility: 'teachers' }), otherTeacher, true],
		['every teacher, the owner’s student', article({ visibility: 'teachers' }), adasStudent, true],
		['every teacher, another teacher’s student', article({ visibility: 'teachers' }), bobsStudent, false],
		['every teacher but a draft, another teacher', article({ visibility: 'teachers', status: 'draft' }), otherTeacher, false]
	])('%s → %s', (_, a, viewer, expected) => {
		expect(mayRead(a, viewer)).toBe(expected);
	});
});

describe('mayCopy', () => {
	it.each([
		['the shipped article', article({ ownerId: null, visibility: 'public' }), 'bob', true],
		['a published article for every teacher', article({ visibility: 'teachers' }), 'bob', true],
		['an article for the owner’s classes only', article(), 'bob', false],
		['someone else’s draft', article({ visibility: 'teachers', status: 'draft' }), 'bob', false],
		['one’s own draft', article({ visibility: 'private', status: 'draft' }), 'ada', true]
	])('%s → %s', (_, a, teacherId, expected) => {
		expect(mayCopy(a, teacherId)).toBe(expected);
	});
});
