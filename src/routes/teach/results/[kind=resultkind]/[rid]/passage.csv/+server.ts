import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { resultScope, type ResultKind } from '$lib/server/results/scope';
import { selectionCsvRows } from '$lib/server/results/claim-views';
import { selectionsCsv } from '$lib/results/claim-csv';
import { exportFileName } from '$lib/classes/export';
import type { RequestHandler } from './$types';

/** The passage view's heat maps as CSV: each distinct selection of each find-the-evidence question and how many made it. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const scope = await orError(() => resultScope(appDb(), teacher.id, event.params.kind as ResultKind, event.params.rid));
	const rows = await orError(() => selectionCsvRows(appDb(), scope));
	const name = exportFileName(`${scope.className} ${scope.quizTitle}`, 'csv').replace('-export.csv', '-selections.csv');
	return new Response(selectionsCsv(rows), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` }
	});
};
