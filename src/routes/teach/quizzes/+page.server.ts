import { fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, readForm, requireTeacher } from '$lib/server/auth/guards';
import { listArticlesForTeacher } from '$lib/server/articles/teacher-articles';
import { copyQuiz, createQuiz, listQuizzes } from '$lib/server/quiz/editor';
import { importQuizFile, readUpload } from '$lib/server/quiz/exchange';
import { MAX_IMPORT_BYTES } from '$lib/quiz/exchange-import';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const [quizzes, articles] = await Promise.all([listQuizzes(appDb(), teacher.id), listArticlesForTeacher(appDb(), teacher.id)]);
	// Every article the teacher can see can have quizzes: the packs', their own (drafts too), shared ones.
	return { quizzes, articles: articles.map((a) => ({ slug: a.slug, title: a.title })) };
};

export const actions: Actions = {
	create: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const echo = { title: field(form, 'title', 200), article: field(form, 'article', 200) };
		const result = await attempt('create', echo, () => createQuiz(appDb(), teacher.id, { articleSlug: echo.article, title: echo.title }));
		if (result && 'id' in result) redirect(303, `/teach/quizzes/${encodeURIComponent(result.id)}`);
		return result;
	},
	copy: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const quizId = field(form, 'quiz', 200);
		const result = await attempt(`copy-${quizId}`, {}, () => copyQuiz(appDb(), teacher.id, quizId));
		if (result && 'id' in result) redirect(303, `/teach/quizzes/${encodeURIComponent(result.id)}?copied`);
		return result;
	},
	import: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const echo = { article: field(form, 'article', 200), importTitle: field(form, 'title', 200) };
		const file = form.get('file');
		const result = await attempt('import', echo, async () => {
			// A file over the cap is refused by its size alone, never read.
			const upload = readUpload(
				file instanceof File ? { name: file.name, size: file.size, bytes: file.size <= MAX_IMPORT_BYTES ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() } : null
			);
			return importQuizFile(appDb(), teacher.id, { articleSlug: echo.article, title: echo.importTitle, ...upload });
		});
		if (!result || !('imported' in result)) return result;
		if (!result.quizId) {
			return fail(400, { form: 'import', ok: false as const, message: m.author_qz_nothing_imported(), report: result, ...echo });
		}
		const n = result.imported.length;
		return { form: 'import', ok: true as const, message: n === 1 ? m.author_qz_imported_one({ title: result.title }) : m.author_qz_imported_many({ count: n, title: result.title }), report: result };
	}
};
