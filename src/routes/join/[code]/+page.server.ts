import { redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, field, orError, readForm } from '$lib/server/auth/guards';
import { consume } from '$lib/server/auth/rate-limit';
import { joinAsRosterStudent, joinChoices, joinWithName } from '$lib/server/people/classes';
import { classForCode } from '$lib/server/people/class-code';
import { ensureNoSeatInClass, ensureNotTeacher, signInStudent } from '$lib/server/people/student-sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const cls = await orError(() => classForCode(event, event.params.code));
	const seat = event.locals.session?.students.find((s) => s.classId === cls.id);
	// Only names and whether they are taken: nothing else about the class's students.
	return {
		code: cls.joinCode,
		className: cls.name,
		openJoin: cls.openJoin,
		seat: seat?.displayName ?? null,
		choices: await joinChoices(appDb(), cls.id),
		// The name a student tapped, to confirm before it is theirs (a mis-tap would take a classmate's place).
		confirming: event.url.searchParams.get('me')
	};
};

/** What both ways in share: the class, the limits, and one seat per class per device. */
async function prepareJoin(event: Parameters<Actions[string]>[0]) {
	ensureNotTeacher(event);
	// Joins count per class, not per address: a whole school may join from behind one
	// address. Wrong codes still count per address (classForCode), so guessing stays limited.
	const cls = await classForCode(event, event.params.code ?? '');
	await consume(appLimiters().joinPerClass, cls.id);
	ensureNoSeatInClass(event, cls.id);
	return cls;
}

export const actions: Actions = {
	pick: async (event) => {
		const studentId = field(await readForm(event), 'student', 64);
		const result = await attempt('pick', {}, async () => {
			const cls = await prepareJoin(event);
			const joined = await joinAsRosterStudent(appDb(), cls.joinCode, studentId);
			await signInStudent(event, joined.studentId);
		});
		if (result) return result;
		redirect(303, '/me');
	},
	name: async (event) => {
		const name = field(await readForm(event), 'name', 200);
		const result = await attempt('name', { name }, async () => {
			const cls = await prepareJoin(event);
			const joined = await joinWithName(appDb(), cls.joinCode, name);
			await signInStudent(event, joined.studentId);
		});
		if (result) return result;
		redirect(303, '/me');
	}
};
