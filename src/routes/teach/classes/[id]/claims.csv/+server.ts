import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { classClaims } from '$lib/server/results/class-claims';
import { classClaimsCsv } from '$lib/results/claim-csv';
import { exportFileName } from '$lib/classes/export';
import type { RequestHandler } from './$types';

/** The class's claims as CSV: each claim over every assignment and live session, then one row per each of them. */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const view = await orError(() => classClaims(appDb(), teacher.id, event.params.id));
	const body = classClaimsCsv(
		view.articles.map((a) => ({
			title: a.title,
			claims: a.claims
				.filter((c) => c.rate.answered > 0)
				.map((c) => ({
					number: c.claim.number,
					key: c.claim.key,
					quote: c.claim.quote,
					speaker: c.speakerName,
					form: c.formLabel,
					rate: c.rate,
					misreadings: c.misreadings,
					bySource: c.bySource.map((s) => ({ label: `${s.source.kindLabel}: ${s.source.quizTitle} (${s.source.at.toISOString().slice(0, 10)})`, rate: s.rate }))
				}))
		}))
	);
	const name = exportFileName(view.cls.name, 'csv').replace('-export.csv', '-claims.csv');
	return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` } });
};
