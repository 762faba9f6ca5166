import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, readForm, requireTeacher } from '$lib/server/auth/guards';
import { copyArticle, listArticlesForTeacher } from '$lib/server/articles/teacher-articles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const articles = await listArticlesForTeacher(appDb(), teacher.id);
	return { articles };
};

export const actions: Actions = {
	/** Copies any article the teacher may copy (the shipped one included) into a draft of their own. */
	copy: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const id = field(form, 'article', 200);
		const result = await attempt(`copy-${id}`, {}, () => copyArticle(appDb(), teacher.id, id));
		if (result && 'id' in result) redirect(303, `/teach/articles/${encodeURIComponent(result.id)}?copied`);
		return result;
	}
};
