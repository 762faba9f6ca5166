import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, orError, readForm, requireTeacher } from '$lib/server/auth/guards';
import {
	addToRoster,
	createRejoinCode,
	deleteClass,
	ownedClass,
	regenerateJoinCode,
	removeStudent,
	renameClass,
	renameStudent,
	roster,
	setArchived,
	setOpenJoin
} from '$lib/server/people/classes';
import { DomainError } from '$lib/server/domain-error';
import { assignmentState, classAssignments } from '$lib/server/quiz/assignments';
import { showTime } from '$lib/server/local-time';
import { viewerTimeZone } from '$lib/server/people/time-zones';
import { m } from '$lib/paraglide/messages';
import { attemptsWords, feedbackTimingWords } from '$lib/quiz/teacher-words';
import { assignableQuizzes } from '$lib/server/quiz/editor';
import { startLiveSession } from '$lib/server/live/sessions';
import { classLiveSessions } from '$lib/server/live/teacher-views';
import { liveSettingsEcho, readLiveSettings } from '$lib/server/live/start-form';
import { toGrade } from '$lib/server/results/to-grade';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const zone = viewerTimeZone(event.locals.session);
	const teacher = requireTeacher(event);
	const cls = await orError(() => ownedClass(appDb(), teacher.id, event.params.id));
	const assignments = (await classAssignments(appDb(), cls.id)).map((r) => ({
		id: r.assignment.id,
		title: r.quizTitle,
		state: assignmentState(r.assignment),
		closes: showTime(r.assignment.closesAt, zone),
		opens: showTime(r.assignment.opensAt, zone),
		started: r.students,
		rules: m.teach_class_rules({ attempts: attemptsWords(r.assignment.maxAttempts), timing: feedbackTimingWords(r.assignment.feedback) })
	}));
	const [liveSessions, quizzes, waiting] = await Promise.all([classLiveSessions(appDb(), cls.id), assignableQuizzes(appDb(), teacher.id), toGrade(appDb(), teacher.id, cls.id)]);
	return {
		cls,
		students: await roster(appDb(), cls.id),
		liveNow: liveSessions.find((s) => s.endedAt === null) ?? null,
		pastLive: liveSessions.filter((s) => s.endedAt !== null).map((s) => ({ id: s.id, quizTitle: s.quizTitle, joined: s.joined, started: showTime(s.createdAt, zone) })),
		liveQuizzes: quizzes.map((q) => ({ value: q.id, label: q.questionCount === 1 ? m.teach_quiz_option_one({ title: q.title }) : m.teach_quiz_option({ title: q.title, count: q.questionCount }) })),
		assignments,
		toGrade: waiting,
		joinUrl: `${event.url.origin}/join/${cls.joinCode}`,
		assignmentDeleted: event.url.searchParams.has('assignment-deleted')
	};
};

/** Words between the quotation marks of the page's language. */
const quoted = (text: string) => m.teach_quoted({ text });

/** Every action: the signed-in teacher, the form, and the class id from the address. */
async function context(event: Parameters<Actions[string]>[0]) {
	const teacher = requireTeacher(event);
	return { teacher, form: await readForm(event), classId: event.params.id! };
}

export const actions: Actions = {
	rename: async (event) => {
		const { teacher, form, classId } = await context(event);
		const name = field(form, 'name', 200);
		return attempt('rename', { name }, async () => {
			await renameClass(appDb(), teacher.id, classId, name);
			return { form: 'rename', ok: true, message: m.teach_ok_renamed_class() };
		});
	},
	archive: async (event) => {
		const { teacher, form, classId } = await context(event);
		const archived = field(form, 'archived') === 'true';
		return attempt('archive', {}, async () => {
			await setArchived(appDb(), teacher.id, classId, archived);
			return { form: 'archive', ok: true, message: archived ? m.teach_ok_archived() : m.teach_ok_restored() };
		});
	},
	openJoin: async (event) => {
		const { teacher, form, classId } = await context(event);
		const open = field(form, 'open') === 'true';
		return attempt('openJoin', {}, async () => {
			await setOpenJoin(appDb(), teacher.id, classId, open);
			return { form: 'openJoin', ok: true, message: open ? m.teach_ok_open_join() : m.teach_ok_list_join() };
		});
	},
	regenerate: async (event) => {
		const { teacher, classId } = await context(event);
		return attempt('regenerate', {}, async () => {
			await regenerateJoinCode(appDb(), teacher.id, classId);
			return { form: 'regenerate', ok: true, message: m.teach_ok_new_code() };
		});
	},
	roster: async (event) => {
		const { teacher, form, classId } = await context(event);
		const text = typeof form.get('names') === 'string' ? String(form.get('names')) : '';
		return attempt('roster', { names: text.slice(0, 20_000) }, async () => {
			const result = await addToRoster(appDb(), teacher.id, classId, text);
			const parts = [result.names.length === 1 ? m.teach_ok_added_one() : m.teach_ok_added_many({ count: result.names.length })];
			if (result.duplicates.length) parts.push(m.teach_roster_skipped({ count: result.duplicates.length, names: result.duplicates.join(', ') }));
			if (result.invalid.length) parts.push(m.teach_roster_could_not({ lines: result.invalid.map((i) => `${quoted(i.line)} (${i.reason})`).join('; ') }));
			if (result.names.length === 0 && (result.duplicates.length || result.invalid.length)) {
				throw new DomainError(parts.slice(1).join(' ') || m.teach_err_no_names(), 400);
			}
			if (result.names.length === 0) throw new DomainError(m.teach_err_no_names());
			// Lines that could not be used go back in the box to be fixed.
			return { form: 'roster', ok: true, message: parts.join(' '), names: result.invalid.map((i) => i.line).join('\n') };
		});
	},
	renameStudent: async (event) => {
		const { teacher, form, classId } = await context(event);
		const studentId = field(form, 'student', 64);
		const name = field(form, 'name', 200);
		return attempt(`student-${studentId}`, { name }, async () => {
			await renameStudent(appDb(), teacher.id, classId, studentId, name);
			return { form: `student-${studentId}`, ok: true, message: m.teach_ok_renamed_student({ name }) };
		});
	},
	removeStudent: async (event) => {
		const { teacher, form, classId } = await context(event);
		const studentId = field(form, 'student', 64);
		return attempt(`student-${studentId}`, {}, async () => {
			const { name } = await removeStudent(appDb(), teacher.id, classId, studentId);
			return { form: 'roster-list', ok: true, message: m.teach_ok_removed({ name }) };
		});
	},
	rejoin: async (event) => {
		const { teacher, form, classId } = await context(event);
		const studentId = field(form, 'student', 64);
		return attempt(`student-${studentId}`, {}, async () => {
			const { code, expiresAt, name } = await createRejoinCode(appDb(), teacher.id, classId, studentId);
			return {
				form: 'rejoin',
				ok: true,
				message: m.teach_ok_rejoin({ name }),
				rejoinCode: code,
				rejoinFor: name,
				rejoinExpiresAt: expiresAt.toISOString()
			};
		});
	},
	startLive: async (event) => {
		const { teacher, form, classId } = await context(event);
		const quizId = field(form, 'quiz', 200);
		const result = await attempt('startLive', { live: { ...liveSettingsEcho(form), choice: quizId } }, async () => {
			if (!quizId) throw new DomainError(m.teach_err_choose_live_quiz(), 400);
			return startLiveSession(appDb(), teacher.id, classId, quizId, readLiveSettings(form));
		});
		if (!('id' in result)) return result;
		redirect(303, `/teach/live/${result.id}#controls`);
	},
	delete: async (event) => {
		const { teacher, form, classId } = await context(event);
		const confirmation = field(form, 'confirm', 200);
		const result = await attempt('delete', {}, async () => {
			const cls = await ownedClass(appDb(), teacher.id, classId);
			if (confirmation !== cls.name) throw new DomainError(m.teach_err_delete_confirm({ name: cls.name }));
			await deleteClass(appDb(), teacher.id, classId);
		});
		if (result) return result;
		redirect(303, `/teach?deleted=${encodeURIComponent(confirmation)}`);
	}
};
