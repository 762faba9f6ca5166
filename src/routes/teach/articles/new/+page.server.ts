import { fail, redirect } from '@sveltejs/kit';
import { appDb, appLimiters } from '$lib/server/app-db';
import { attempt, field, readForm, requireTeacher } from '$lib/server/auth/guards';
import { checkParts, partsFromText, type ArticleParts } from '$lib/articles/article-parts';
import { readPartsForm } from '$lib/server/articles/article-form';
import { articleFromHtml } from '$lib/server/articles/html-article';
import { fetchForTeacher, loopbackAllowedForTests } from '$lib/server/articles/fetch-article';
import { MAX_UPLOAD_BYTES, partsFromUpload } from '$lib/server/articles/upload';
import { createTeacherArticle } from '$lib/server/articles/teacher-articles';
import { DomainError } from '$lib/server/domain-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireTeacher(event);
	return { maxUploadKb: MAX_UPLOAD_BYTES / 1024 };
};

/** The review step: the parts found, for the teacher to check and correct before saving. */
const review = (parts: ArticleParts, from: string) => ({ form: 'review' as const, ok: true as const, parts, from, problems: [] as { field: string; message: string }[] });

export const actions: Actions = {
	paste: async (event) => {
		requireTeacher(event);
		const form = await readForm(event);
		const text = field(form, 'text', 400_000);
		if (!text) return fail(400, { form: 'paste', ok: false as const, message: m.author_err_paste_first(), text });
		return review(partsFromText(text), m.author_from_paste());
	},
	upload: async (event) => {
		requireTeacher(event);
		const form = await readForm(event);
		const file = form.get('file');
		const result = await attempt('upload', {}, async () =>
			// A file over the cap is refused by its size alone, never read.
			partsFromUpload(
				file instanceof File && file.size > 0
					? { name: file.name, size: file.size, bytes: file.size <= MAX_UPLOAD_BYTES ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() }
					: null
			)
		);
		if (result && 'title' in result) return review(result, m.author_from_file({ name: (file as File).name }));
		return result;
	},
	fetch: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const address = field(form, 'address', 2100);
		const result = await attempt('fetch', { address }, async () => {
			if (!address) throw new DomainError(m.author_err_give_address());
			const page = await fetchForTeacher(appLimiters(), teacher.id, address, { allowLoopback: loopbackAllowedForTests() });
			return articleFromHtml(page.html, page.url);
		});
		if (result && 'title' in result) return review(result, m.author_from_page({ address: result.originalUrl ?? address }));
		return result;
	},
	/** Saves the reviewed parts as a draft only the teacher can see, then opens it. */
	save: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const parts = readPartsForm(form);
		const checked = checkParts(parts);
		if (!checked.ok) {
			return fail(400, { form: 'review' as const, ok: false as const, message: checked.problems.length === 1 ? checked.problems[0].message : m.author_err_parts_fix({ count: checked.problems.length }), parts, from: field(form, 'from', 300), problems: checked.problems });
		}
		const { id } = await createTeacherArticle(appDb(), teacher.id, checked.parts);
		redirect(303, `/teach/articles/${encodeURIComponent(id)}?created`);
	}
};
