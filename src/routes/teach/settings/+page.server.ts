import { appDb, appLimiters } from '$lib/server/app-db';
import { codeFlood } from '$lib/server/auth/code-guessing';
import { attempt, field, readForm, requireAdmin, requireTeacher } from '$lib/server/auth/guards';
import {
	approveTeacher,
	createInvite,
	openInviteCount,
	pendingTeachers,
	refuseTeacher,
	setSignupMode,
	signupMode
} from '$lib/server/people/teachers';
import { deleteTeacherAndClasses, studentDataHeld } from '$lib/server/people/departing-teacher';
import { practiceRetentionDays } from '$lib/server/quiz/practice-purge';
import { showTime, timeZoneNames } from '$lib/server/local-time';
import { rememberTimeZone, viewerTimeZone } from '$lib/server/people/time-zones';
import { DomainError } from '$lib/server/domain-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Every teacher's own settings (the time zone); the admin also gets the kit's. */
export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const zone = viewerTimeZone(event.locals.session);
	const own = { zone, zones: timeZoneNames() };
	if (!teacher.isAdmin) return { ...own, admin: null };
	const pending = await pendingTeachers(appDb());
	return {
		...own,
		admin: {
			mode: await signupMode(appDb()),
			openInvites: await openInviteCount(appDb()),
			pending: pending.map((p) => ({ id: p.id, name: p.name, email: p.email, signedUp: showTime(p.createdAt, zone) })),
			codeFlood: await codeFlood(appLimiters()),
			held: await studentDataHeld(appDb()),
			retentionDays: practiceRetentionDays(process.env.PRACTICE_RETENTION_DAYS)
		}
	};
};

export const actions: Actions = {
	timeZone: async (event) => {
		requireTeacher(event);
		const name = field(await readForm(event), 'zone', 80);
		return attempt('timeZone', {}, async () => {
			const zone = await rememberTimeZone(appDb(), event.locals.session!, name);
			// The page drawn after this action (without JavaScript) already uses the new zone.
			event.locals.session!.timeZone = zone;
			return { form: 'timeZone', ok: true, message: m.me_zone_saved({ zone: zone.replaceAll('_', ' ') }) };
		});
	},
	mode: async (event) => {
		requireAdmin(event);
		const mode = field(await readForm(event), 'mode', 10);
		return attempt('mode', {}, async () => {
			if (mode !== 'open' && mode !== 'invite') throw new DomainError(m.settings_err_mode());
			await setSignupMode(appDb(), mode);
			return { form: 'mode', ok: true, message: m.settings_saved() };
		});
	},
	invite: async (event) => {
		const admin = requireAdmin(event);
		const token = await createInvite(appDb(), admin.id);
		return { form: 'invite', ok: true, message: m.settings_invite_created(), link: `${event.url.origin}/signup?invite=${token}` };
	},
	approve: async (event) => {
		const admin = requireAdmin(event);
		const teacherId = field(await readForm(event), 'teacher', 64);
		return attempt('pending', {}, async () => {
			const { name, email } = await approveTeacher(appDb(), admin.id, teacherId);
			return { form: 'pending', ok: true, message: m.settings_approved({ name, email }) };
		});
	},
	deleteTeacher: async (event) => {
		const admin = requireAdmin(event);
		const form = await readForm(event);
		const teacherId = field(form, 'teacher', 64);
		const confirm = field(form, 'confirm', 254);
		return attempt('held', { teacher: teacherId }, async () => {
			const { name, email, classes } = await deleteTeacherAndClasses(appDb(), admin.id, teacherId, confirm);
			return { form: 'held', ok: true, message: classes === 1 ? m.settings_deleted_one({ name, email }) : m.settings_deleted_many({ name, email, count: classes }) };
		});
	},
	refuse: async (event) => {
		const admin = requireAdmin(event);
		const form = await readForm(event);
		const teacherId = field(form, 'teacher', 64);
		return attempt('pending', {}, async () => {
			// The confirmation step is the form inside "Refuse…"; a bare post without it is not a decision.
			if (field(form, 'confirm', 10) !== 'yes') throw new DomainError(m.settings_err_confirm_refuse());
			const { name, email } = await refuseTeacher(appDb(), admin.id, teacherId);
			return { form: 'pending', ok: true, message: m.settings_refused({ name, email }) };
		});
	}
};
