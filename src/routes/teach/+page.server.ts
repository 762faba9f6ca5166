import { redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { codeFlood } from '$lib/server/auth/code-guessing';
import { attempt, field, readForm, requireTeacher } from '$lib/server/auth/guards';
import { createClass, listClasses } from '$lib/server/people/classes';
import { pendingTeacherCount } from '$lib/server/people/teachers';
import { toGrade } from '$lib/server/results/to-grade';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const deleted = event.url.searchParams.get('deleted');
	return {
		teacher,
		classes: await listClasses(appDb(), teacher.id),
		toGrade: await toGrade(appDb(), teacher.id),
		deleted: deleted?.slice(0, 80) ?? null,
		// Only the admin can let them in, so only the admin is told.
		waiting: teacher.isAdmin ? await pendingTeacherCount(appDb()) : 0,
		// The admin is told when someone is guessing class codes kit-wide.
		codeFlood: teacher.isAdmin ? await codeFlood(appLimiters()) : null
	};
};

export const actions: Actions = {
	create: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const name = field(form, 'name', 200);
		const result = await attempt('create', { name }, () => createClass(appDb(), teacher.id, name));
		if (result && 'id' in result) redirect(303, `/teach/classes/${result.id}`);
		return result;
	}
};
