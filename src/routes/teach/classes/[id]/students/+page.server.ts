import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { ownedClass } from '$lib/server/people/classes';
import { viewerTimeZone } from '$lib/server/people/time-zones';
import { showTime } from '$lib/server/local-time';
import { classStudents, PAGE_COLUMNS } from '$lib/server/results/class-students';
import { sparkline } from '$lib/results/class-grid';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const cls = await orError(() => ownedClass(appDb(), teacher.id, event.params.id));
	const { grid, total } = await classStudents(appDb(), cls.id, new Date(), PAGE_COLUMNS);
	const zone = viewerTimeZone(event.locals.session);
	return {
		cls: { id: cls.id, name: cls.name },
		total,
		columns: grid.columns.map((c) => ({
			kind: c.kind,
			id: c.id,
			title: c.title,
			day: showTime(c.at, zone),
			average: c.average,
			counted: c.counted,
			toGrade: c.toGrade
		})),
		rows: grid.rows.map((r) => ({ ...r, line: sparkline(r.trend.points) }))
	};
};
