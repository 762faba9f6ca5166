import { VIEWER_SLOT } from '$lib/server/viewer-template';
import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the header only; every page checks access itself. */
export const load: LayoutServerLoad = async ({ locals }) => {
	// A page shared by every signed-in student (hooks.server.ts) names a slot, filled per request.
	if (locals.viewerSlot) return { viewer: { kind: 'student' as const, name: VIEWER_SLOT } };
	const session = locals.session;
	if (session?.teacher) {
		const { name, isAdmin, approved } = session.teacher;
		return { viewer: { kind: 'teacher' as const, name, isAdmin, approved } };
	}
	if (session?.students.length) return { viewer: { kind: 'student' as const, name: session.students[0].displayName } };
	return { viewer: null };
};
