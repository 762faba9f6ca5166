/**
 * Who may read an article. The packs' articles are public; a teacher's article is the
 * owner's alone until published, and then as its visibility says: only the owner, also
 * the students of the owner's classes, or also every approved teacher on this kit (who
 * may copy it). The levels include one another, so "every teacher" still reaches the
 * owner's students.
 */
import type { ArticleVisibility } from '../db/schema.sqlite';

/** The columns of an article row that decide who may read it. */
export interface ArticleAccess {
	ownerId: string | null;
	visibility: ArticleVisibility;
	status: 'draft' | 'published';
}

/** Who is asking: an approved teacher's id, and the owners of the classes a student device belongs to. */
export interface Viewer {
	teacherId: string | null;
	classTeacherIds: string[];
}

/** The visibilities a teacher may choose, in order, with the words the form shows. */
export const VISIBILITY_CHOICES = [
	{ value: 'private', label: 'Only me' },
	{ value: 'classes', label: 'My classes (students can read it and practise on it)' },
	{ value: 'teachers', label: 'Every teacher on this kit (they can read and copy it), and my classes' }
] as const satisfies { value: ArticleVisibility; label: string }[];

export type TeacherVisibility = (typeof VISIBILITY_CHOICES)[number]['value'];

/** Whether `viewer` may read the article. */
export function mayRead(article: ArticleAccess, viewer: Viewer): boolean {
	if (article.visibility === 'public') return true;
	if (viewer.teacherId !== null && viewer.teacherId === article.ownerId) return true;
	if (article.status !== 'published' || article.ownerId === null) return false;
	const ownersStudent = viewer.classTeacherIds.includes(article.ownerId);
	if (article.visibility === 'classes') return ownersStudent;
	if (article.visibility === 'teachers') return ownersStudent || viewer.teacherId !== null;
	return false;
}

/** Whether `teacherId` may copy the article: anything published they may read, or their own. */
export function mayCopy(article: ArticleAccess, teacherId: string): boolean {
	if (article.ownerId === teacherId) return true;
	return article.status === 'published' && (article.visibility === 'public' || article.visibility === 'teachers');
}
