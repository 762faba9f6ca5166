import { redirect } from '@sveltejs/kit';
import { requireTeacherAccount } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacherAccount(event);
	// Approval shows on the next request: an approved teacher goes on to the kit.
	if (teacher.approved) redirect(303, '/teach');
	return { name: teacher.name, email: teacher.email };
};
