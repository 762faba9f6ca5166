import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { buildArticlePack, packZip } from '$lib/server/content/pack-export';
import type { RequestHandler } from './$types';

/**
 * The article as a content pack (.zip), for a teacher who may copy it. One that cannot be
 * a pack that loads is refused (409) with what to fix; the article's page lists the same.
 */
export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const built = await orError(() => buildArticlePack(appDb(), teacher.id, event.params.id));
	if (!built.ok) error(409, m.pack_err_cannot_download({ problems: built.problems.join(' ') }));
	const zip = packZip(built.slug, built.sources);
	return new Response(zip as BodyInit, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${built.slug}.zip"`,
			'content-length': String(zip.length),
			// A teacher's draft may be in it: never kept by a shared cache.
			'cache-control': 'private, no-store'
		}
	});
};
