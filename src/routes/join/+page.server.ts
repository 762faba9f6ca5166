import { redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, clientAddress, field, readForm } from '$lib/server/auth/guards';
import { useRejoinCode } from '$lib/server/people/classes';
import { classForCode, findRejoinTarget } from '$lib/server/people/class-code';
import { ensureNoSeatInClass, ensureNotTeacher, signInStudent } from '$lib/server/people/student-sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	return {
		joinedAs: locals.session?.students.map((s) => ({ name: s.displayName, className: s.className })) ?? [],
		signedOut: locals.sessionEnded || url.searchParams.has('signed-out')
	};
};

export const actions: Actions = {
	/** Step one: the class code. A right code leads to the class's name list. */
	code: async (event) => {
		const input = field(await readForm(event), 'code', 40);
		const result = await attempt('code', { code: input }, async () => {
			ensureNotTeacher(event);
			// Only wrong codes count against an address: a school of thousands may share one.
			return (await classForCode(event, input)).joinCode;
		});
		if (typeof result === 'string') redirect(303, `/join/${result}`);
		return result;
	},
	/** A one-time rejoin code from the teacher, for a new device. */
	rejoin: async (event) => {
		const input = field(await readForm(event), 'rejoin', 40);
		const ip = clientAddress(event);
		const limits = appLimiters();
		const result = await attempt('rejoin', { rejoin: input }, async () => {
			ensureNotTeacher(event);
			const target = await findRejoinTarget(appDb(), limits, ip, input);
			ensureNoSeatInClass(event, target.classId, target.studentId);
			const { studentId } = await useRejoinCode(appDb(), target.code);
			await signInStudent(event, studentId);
		});
		if (result) return result;
		redirect(303, '/me');
	}
};
