import { appDb } from '$lib/server/app-db';
import { requireStudent } from '$lib/server/auth/guards';
import { assignmentState, attemptOver, studentAssignments } from '$lib/server/quiz/assignments';
import { showTime } from '$lib/server/local-time';
import { articlesForClasses } from '$lib/server/articles/teacher-articles';
import type { PageServerLoad } from './$types';

const FEEDBACK_WORDS = { 'each-question': 'feedback after each question', 'after-submit': 'feedback when you submit', 'after-close': 'feedback after it closes' };

export const load: PageServerLoad = async (event) => {
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
			opens: showTime(a.opensAt),
			closes: showTime(a.closesAt),
			status: inProgress
				? 'In progress'
				: attempts.length === 0
					? 'Not started'
					: left > 0 && state === 'open'
						? `Attempt ${attempts.length + 1} of ${a.maxAttempts} available`
						: `${attempts.length} attempt${attempts.length === 1 ? '' : 's'} done`,
			feedback: FEEDBACK_WORDS[a.feedback],
			maxAttempts: a.maxAttempts,
			// To do: open, with an attempt under way or one left; done: every attempt used, or closed.
			group: state === 'upcoming' ? 'later' : state === 'open' && (inProgress || left > 0) ? 'todo' : 'done'
		};
	});
	return {
		memberships: students.map((s) => ({ name: s.displayName, className: s.className })),
		todo: assignments.filter((a) => a.group === 'todo'),
		later: assignments.filter((a) => a.group === 'later'),
		done: assignments.filter((a) => a.group === 'done'),
		// Articles their teachers published to their classes.
		articles: await articlesForClasses(appDb(), students.map((s) => s.classId))
	};
};
