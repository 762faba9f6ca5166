import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the header only; every page checks access itself. */
export const load: LayoutServerLoad = async ({ locals }) => {
	const session = locals.session;
	if (session?.teacher) {
		const { name, isAdmin, approved } = session.teacher;
		return { viewer: { kind: 'teacher' as const, name, isAdmin, approved } };
	}
	if (session?.students.length) return { viewer: { kind: 'student' as const, name: session.students[0].displayName } };
	return { viewer: null };
};
