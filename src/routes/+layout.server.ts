import { viewerTimeZone } from '$lib/server/people/time-zones';
import { VIEWER_SLOT } from '$lib/server/viewer-template';
import { layoutText } from '$lib/server/layout-text';
import type { LayoutServerLoad } from './$types';

/**
 * Who is signed in, for the header only (every page checks access itself), and the time
 * zone their pages use: `remembered` false tells the browser to send its own zone once.
 */
export const load: LayoutServerLoad = async ({ locals }) => {
	// A page shared by every signed-in student (hooks.server.ts) names a slot, filled per request.
	// It shows no times, and counts as remembered so that no student's browser posts its zone from it.
	const ui = layoutText();
	if (locals.viewerSlot) return { ui, viewer: { kind: 'student' as const, name: VIEWER_SLOT }, viewerZone: { name: 'UTC', remembered: true } };
	const session = locals.session;
	const viewerZone = { name: viewerTimeZone(session), remembered: session?.timeZone != null };
	if (session?.teacher) {
		const { name, isAdmin, approved } = session.teacher;
		return { ui, viewer: { kind: 'teacher' as const, name, isAdmin, approved }, viewerZone };
	}
	if (session?.students.length) return { ui, viewer: { kind: 'student' as const, name: session.students[0].displayName }, viewerZone };
	return { ui, viewer: null, viewerZone };
};
