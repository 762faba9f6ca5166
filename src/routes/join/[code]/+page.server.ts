import { error, redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, field } from '$lib/server/auth/guards';
import { consume } from '$lib/server/auth/rate-limit';
import { classByJoinCode, joinAsRosterStudent, joinChoices, joinWithName } from '$lib/server/people/classes';
import { ensureNotTeacher, signInStudent } from '$lib/server/people/student-sign-in';
import { JOIN_CODE_LENGTH, normalizeCode } from '$lib/classes/codes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const code = normalizeCode(params.code, JOIN_CODE_LENGTH);
	const cls = code ? await classByJoinCode(appDb(), code) : null;
	if (!code || !cls) error(404, 'That class code is not right. Check it with your teacher.');
	if (cls.archivedAt) error(410, 'That class is closed. Ask your teacher.');
	// Only names and whether they are taken: nothing else about the class's students.
	return { code, className: cls.name, openJoin: cls.openJoin, choices: await joinChoices(appDb(), cls.id) };
};

/** Limits shared by both ways in: per address, and per class. */
async function countJoin(ip: string, code: string) {
	const limits = appLimiters();
	await consume(limits.joinPerIp, ip);
	await consume(limits.joinPerClass, code);
}

export const actions: Actions = {
	pick: async (event) => {
		const studentId = field(await event.request.formData(), 'student', 64);
		const code = normalizeCode(event.params.code, JOIN_CODE_LENGTH) ?? '';
		const result = await attempt('pick', {}, async () => {
			ensureNotTeacher(event);
			await countJoin(event.getClientAddress(), code);
			const joined = await joinAsRosterStudent(appDb(), code, studentId);
			await signInStudent(event, joined.studentId);
		});
		if (result) return result;
		redirect(303, '/me');
	},
	name: async (event) => {
		const name = field(await event.request.formData(), 'name', 200);
		const code = normalizeCode(event.params.code, JOIN_CODE_LENGTH) ?? '';
		const result = await attempt('name', { name }, async () => {
			ensureNotTeacher(event);
			await countJoin(event.getClientAddress(), code);
			const joined = await joinWithName(appDb(), code, name);
			await signInStudent(event, joined.studentId);
		});
		if (result) return result;
		redirect(303, '/me');
	}
};
