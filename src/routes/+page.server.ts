import { appDb } from '$lib/server/app-db';
import { listArticles } from '$lib/server/articles/reader';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { articles: await listArticles(appDb()) };
};
