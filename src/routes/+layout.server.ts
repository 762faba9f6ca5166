import { viewerTimeZone } from '$lib/server/people/time-zones';
import type { LayoutServerLoad } from './$types';

/**
 * Who is signed in, for the header only (every page checks access itself), and the time
 * zone their pages use: `remembered` false tells the browser to send its own zone once.
 */
export const load: LayoutServerLoad = async ({ locals }) => {
	const session = locals.session;
	const viewerZone = { name: viewerTimeZone(session), remembered: session?.timeZone != null };
	if (session?.teacher) {
		const { name, isAdmin, approved } = session.teacher;
		return { viewer: { kind: 'teacher' as const, name, isAdmin, approved }, viewerZone };
	}
	if (session?.students.length) return { viewer: { kind: 'student' as const, name: session.students[0].displayName }, viewerZone };
	return { viewer: null, viewerZone };
};
