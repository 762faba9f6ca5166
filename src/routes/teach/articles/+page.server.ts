import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, readForm, requireTeacher } from '$lib/server/auth/guards';
import { copyArticle, listArticlesForTeacher } from '$lib/server/articles/teacher-articles';
import { importPack, MAX_PACK_UPLOAD_BYTES, readPackUpload } from '$lib/server/content/pack-import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const articles = await listArticlesForTeacher(appDb(), teacher.id);
	return { articles, maxPackKb: MAX_PACK_UPLOAD_BYTES / 1024 };
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
	},
	/** Imports an uploaded content pack (.zip) as a new draft of the teacher's own; a bad file is refused (4xx) and nothing is saved. */
	importPack: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const file = form.get('file');
		const result = await attempt('importPack', {}, async () => {
			// A file over the cap is refused by its size alone, never read.
			const pack = readPackUpload(
				file instanceof File && file.size > 0
					? { name: file.name, size: file.size, bytes: file.size <= MAX_PACK_UPLOAD_BYTES ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() }
					: null
			);
			return importPack(appDb(), teacher.id, pack);
		});
		if (result && 'id' in result) redirect(303, `/teach/articles/${encodeURIComponent(result.id)}?created`);
		return result;
	}
};
