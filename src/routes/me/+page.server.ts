import { requireStudent } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const students = requireStudent(event);
	return { memberships: students.map((s) => ({ name: s.displayName, className: s.className })) };
};
