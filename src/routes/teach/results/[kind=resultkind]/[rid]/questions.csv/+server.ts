import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { dashboardScope } from '$lib/server/results/dashboard';
import { resultsOverview } from '$lib/server/results/question-results';
import { csvResponse, csvText } from '$lib/results/csv';
import type { RequestHandler } from './$types';

/** The overview as CSV: one row per question, and one row per option with how many chose it. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const handle = appDb();
	const scope = await orError(() => dashboardScope(handle, teacher.id, event.params.kind, event.params.rid));
	const rows = await resultsOverview(handle, scope);
	const fields = ['question', 'type', 'prompt', 'claim', 'answered', 'right', 'awaiting grading', 'share right (%)', 'average certainty (1-3)', 'very sure and wrong', 'facility', 'discrimination', 'option', 'chose it', 'right answer'];
	const data = rows.flatMap((q) => {
		const head = [
			`Q${q.number}`,
			q.typeLabel,
			q.prompt,
			q.claim ? `${q.claim.number}: ${q.claim.quote}` : '',
			q.answered,
			q.right,
			q.awaiting,
			q.percentRight,
			q.averageCertainty === null ? null : Math.round(q.averageCertainty * 100) / 100,
			q.certaintyAsked ? q.confidentlyWrong : null,
			q.facility.value === null ? null : Math.round(q.facility.value * 1000) / 1000,
			q.discrimination.value === null ? null : Math.round(q.discrimination.value * 1000) / 1000
		];
		return [[...head, '', null, ''], ...q.bars.map((b) => [`Q${q.number}`, ...Array(head.length - 1).fill(null), b.label, b.count, b.correct ? 'yes' : ''])];
	});
	return csvResponse(csvText(fields, data), `${scope.className} ${scope.quizTitle} questions.csv`);
};
