import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { resultScope, type ResultKind } from '$lib/server/results/scope';
import { claimCsvRows } from '$lib/server/results/claim-views';
import { claimsCsv } from '$lib/results/claim-csv';
import { exportFileName } from '$lib/classes/export';
import type { RequestHandler } from './$types';

/** The claims view as CSV: one row per claim of the article, with what students chose and the misreadings. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const scope = await orError(() => resultScope(appDb(), teacher.id, event.params.kind as ResultKind, event.params.rid));
	const { rows, label } = await orError(() => claimCsvRows(appDb(), scope));
	const name = exportFileName(`${scope.className} ${scope.quizTitle}`, 'csv').replace('-export.csv', '-claims.csv');
	return new Response(claimsCsv(rows, label), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` }
	});
};
