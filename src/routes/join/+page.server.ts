import { redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, field } from '$lib/server/auth/guards';
import { consume, ensureNotBlocked } from '$lib/server/auth/rate-limit';
import { classByJoinCode, useRejoinCode } from '$lib/server/people/classes';
import { ensureNotTeacher, signInStudent } from '$lib/server/people/student-sign-in';
import { JOIN_CODE_LENGTH, normalizeCode, REJOIN_CODE_LENGTH } from '$lib/classes/codes';
import { DomainError } from '$lib/server/domain-error';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return { joinedAs: locals.session?.students.map((s) => `${s.displayName} in ${s.className}`) ?? [] };
};

export const actions: Actions = {
	/** Step one: the class code. A right code leads to the class's name list. */
	code: async (event) => {
		const input = field(await event.request.formData(), 'code', 40);
		const ip = event.getClientAddress();
		const limits = appLimiters();
		const result = await attempt('code', { code: input }, async () => {
			ensureNotTeacher(event);
			await ensureNotBlocked(limits.wrongCodesPerIp, ip);
			await consume(limits.joinPerIp, ip);
			const code = normalizeCode(input, JOIN_CODE_LENGTH);
			const cls = code ? await classByJoinCode(appDb(), code) : null;
			if (!code || !cls) {
				await consume(limits.wrongCodesPerIp, ip);
				throw new DomainError(
					code ? 'That class code is not right. Check it with your teacher.' : `A class code has ${JOIN_CODE_LENGTH} letters and numbers.`,
					code ? 404 : 400
				);
			}
			if (cls.archivedAt) throw new DomainError('That class is closed. Ask your teacher.', 410);
			return code;
		});
		if (typeof result === 'string') redirect(303, `/join/${result}`);
		return result;
	},
	/** A one-time rejoin code from the teacher, for a new device. */
	rejoin: async (event) => {
		const input = field(await event.request.formData(), 'rejoin', 40);
		const ip = event.getClientAddress();
		const limits = appLimiters();
		const result = await attempt('rejoin', { rejoin: input }, async () => {
			ensureNotTeacher(event);
			await ensureNotBlocked(limits.wrongCodesPerIp, ip);
			await consume(limits.joinPerIp, ip);
			const code = normalizeCode(input, REJOIN_CODE_LENGTH);
			if (!code) {
				await consume(limits.wrongCodesPerIp, ip);
				throw new DomainError(`A rejoin code has ${REJOIN_CODE_LENGTH} letters and numbers.`);
			}
			try {
				const { studentId } = await useRejoinCode(appDb(), code);
				await signInStudent(event, studentId);
			} catch (error) {
				await consume(limits.wrongCodesPerIp, ip);
				throw error;
			}
		});
		if (result) return result;
		redirect(303, '/me');
	}
};
