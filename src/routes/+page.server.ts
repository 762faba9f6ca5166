import { appDb } from '$lib/server/app-db';
import { listArticles } from '$lib/server/articles/reader';
import { needsSetup } from '$lib/server/people/teachers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { articles: await listArticles(appDb()), setupNeeded: await needsSetup(appDb()) };
};
