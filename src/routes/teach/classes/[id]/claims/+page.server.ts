import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { classClaims } from '$lib/server/results/class-claims';
import { showTime } from '$lib/server/local-time';
import { viewerTimeZone } from '$lib/server/people/time-zones';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const zone = viewerTimeZone(event.locals.session);
	const view = await orError(() => classClaims(appDb(), teacher.id, event.params.id));
	return {
		cls: { id: view.cls.id, name: view.cls.name },
		articles: view.articles.map((a) => ({
			id: a.id,
			title: a.title,
			language: a.language,
			sources: a.sources.map((s) => ({ kind: s.kind, id: s.id, kindLabel: s.kindLabel, quizTitle: s.quizTitle, when: showTime(s.at, zone), href: s.href })),
			// Claims a question was answered about; the rest are only counted.
			claims: a.claims
				.filter((c) => c.rate.answered > 0)
				.map((c) => ({
					key: c.claim.key,
					number: c.claim.number,
					quote: c.claim.quote,
					speakerName: c.speakerName,
					formLabel: c.formLabel,
					rate: c.rate,
					top: c.top?.text ?? null,
					bySource: c.bySource.map((s) => ({ id: s.source.id, label: `${s.source.kindLabel}: ${s.source.quizTitle}`, when: showTime(s.source.at, zone), rate: s.rate, href: s.href }))
				})),
			notAsked: a.claims.filter((c) => c.rate.answered === 0).length
		}))
	};
};
