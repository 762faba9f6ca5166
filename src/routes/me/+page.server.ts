import { appDb } from '$lib/server/app-db';
import { attempt, field, readForm, requireStudent } from '$lib/server/auth/guards';
import { assignmentState, attemptOver, studentAssignments } from '$lib/server/quiz/assignments';
import { showTime, timeZoneNames } from '$lib/server/local-time';
import { rememberTimeZone, viewerTimeZone } from '$lib/server/people/time-zones';
import { articlesForClasses } from '$lib/server/articles/teacher-articles';
import { runningLiveSessions } from '$lib/server/live/sessions';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const FEEDBACK_WORDS = { 'each-question': m.feedback_each_question, 'after-submit': m.feedback_after_submit, 'after-close': m.feedback_after_close };

export const load: PageServerLoad = async (event) => {
	const zone = viewerTimeZone(event.locals.session);
	const students = requireStudent(event);
	const now = new Date();
	const assignments = (await studentAssignments(appDb(), students)).map(({ assignment: a, quizTitle, student, attempts }) => {
		const state = assignmentState(a, now);
		const inProgress = attempts.some((x) => !attemptOver(a, x, now));
		const left = a.maxAttempts - attempts.length;
		return {
			id: a.id,
			title: quizTitle,
			className: student.className,
			state,
			opens: showTime(a.opensAt, zone),
			closes: showTime(a.closesAt, zone),
			status: inProgress
				? m.status_in_progress()
				: attempts.length === 0
					? m.status_not_started()
					: left > 0 && state === 'open'
						? m.status_attempt_available({ next: attempts.length + 1, max: a.maxAttempts })
						: attempts.length === 1
							? m.status_attempts_done_one()
							: m.status_attempts_done({ count: attempts.length }),
			feedback: FEEDBACK_WORDS[a.feedback](),
			maxAttempts: a.maxAttempts,
			// To do: open, with an attempt under way or one left; done: every attempt used, or closed.
			group: state === 'upcoming' ? 'later' : state === 'open' && (inProgress || left > 0) ? 'todo' : 'done'
		};
	});
	// A session the teacher is running now for one of this device's classes: one tap to enter.
	const live = (await runningLiveSessions(appDb(), students.map((s) => s.classId))).map((r) => ({
		id: r.id,
		title: r.quizTitle,
		className: students.find((s) => s.classId === r.classId)?.className ?? ''
	}));
	return {
		live,
		memberships: students.map((s) => ({ name: s.displayName, className: s.className })),
		todo: assignments.filter((a) => a.group === 'todo'),
		later: assignments.filter((a) => a.group === 'later'),
		done: assignments.filter((a) => a.group === 'done'),
		// Articles their teachers published to their classes.
		articles: await articlesForClasses(appDb(), students.map((s) => s.classId)),
		zone,
		zones: timeZoneNames()
	};
};

export const actions: Actions = {
	/** This device's time zone: kept on its session, so it says nothing about the student. */
	timeZone: async (event) => {
		requireStudent(event);
		const name = field(await readForm(event), 'zone', 80);
		return attempt('timeZone', {}, async () => {
			const zone = await rememberTimeZone(appDb(), event.locals.session!, name);
			// The page drawn after this action (without JavaScript) already uses the new zone.
			event.locals.session!.timeZone = zone;
			return { form: 'timeZone', ok: true, message: m.me_zone_saved({ zone: zone.replaceAll('_', ' ') }) };
		});
	}
};
