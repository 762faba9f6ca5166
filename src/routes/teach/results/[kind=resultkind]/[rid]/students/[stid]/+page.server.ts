import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { showTime } from '$lib/server/local-time';
import { viewerTimeZone } from '$lib/server/people/time-zones';
import { dashboardScope } from '$lib/server/results/dashboard';
import { studentHistory, studentResults } from '$lib/server/results/student-results';
import { feedbackTimingWords } from '$lib/quiz/teacher-words';
import { toGradeWords } from '$lib/results/accuracy';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** One student's answers, as they gave them and as they were shown, and their attempts over time. */
export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const handle = appDb();
	const param = event.url.searchParams.get('attempt');
	const zone = viewerTimeZone(event.locals.session);
	const time = (d: Date | null) => (d ? showTime(d, zone) : null);
	return orError(async () => {
		const scope = await dashboardScope(handle, teacher.id, event.params.kind, event.params.rid);
		// (After the scope, so another teacher learns nothing here but that it is not theirs.)
		if (param !== null && !/^\d{1,2}$/.test(param)) error(400, m.results_err_attempt_number());
		const [results, history] = await Promise.all([
			studentResults(handle, scope, event.params.stid, param === null ? null : Number(param)),
			studentHistory(handle, scope, event.params.stid)
		]);
		return {
			base: scope.base,
			kind: scope.kind,
			quizTitle: scope.quizTitle,
			articleSlug: scope.articleSlug,
			feedbackTiming: results.feedbackSetting ? feedbackTimingWords(results.feedbackSetting) : null,
			student: results.student,
			attemptNumber: results.attemptNumber,
			attempts: results.attempts.map((a) => ({ number: a.number, started: time(a.startedAt), submitted: time(a.submittedAt) })),
			accuracy: results.accuracy,
			toGrade: toGradeWords(results.summary.accuracy),
			score: results.score,
			questions: results.questions.map(({ answeredAt, ...q }) => ({ ...q, answeredAt: time(answeredAt) })),
			history: history.map(({ startedAt, submittedAt, ...h }) => ({
				...h,
				current: h.here && (scope.kind === 'live' || h.number === results.attemptNumber),
				started: time(startedAt),
				submitted: time(submittedAt)
			}))
		};
	});
};
