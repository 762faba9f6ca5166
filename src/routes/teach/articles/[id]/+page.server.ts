import { fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, orError, readForm, requireTeacher } from '$lib/server/auth/guards';
import { bodyOf, checkParts, type PartProblem } from '$lib/articles/article-parts';
import { readPartsForm, readRevision } from '$lib/server/articles/article-form';
import { mayCopy, VISIBILITY_CHOICES } from '$lib/server/articles/access';
import {
	articleForTeacher,
	articleVersions,
	copyArticle,
	currentVersion,
	editArticleText,
	ownArticle,
	publishedState,
	setArticlePublication,
	updateArticleDetails
} from '$lib/server/articles/teacher-articles';
import { articleQuiz } from '$lib/server/quiz/question-views';
import { publishVersionAction } from '$lib/server/articles/publish-action';
import { annotationFileText, importMessage, importWebAnnotations, MAX_IMPORT_BYTES } from '$lib/server/articles/annotation-import';
import { m } from '$lib/paraglide/messages';
import { buildArticlePack } from '$lib/server/content/pack-export';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const article = await orError(() => articleForTeacher(appDb(), teacher.id, event.params.id));
	const mine = article.ownerId === teacher.id;
	const canCopy = mayCopy(article, teacher.id);
	const [version, versions, quiz, published, pack] = await Promise.all([
		currentVersion(appDb(), article),
		mine ? articleVersions(appDb(), article.id) : [],
		articleQuiz(appDb(), article.id),
		publishedState(appDb(), article),
		// Whether it can be downloaded as a pack, and if not what to fix (never the files themselves: they come from /pack).
		canCopy ? buildArticlePack(appDb(), teacher.id, article.id).then((b) => ({ ok: b.ok, problems: b.ok ? [] : b.problems })) : null
	]);
	return {
		article: {
			id: article.id,
			slug: article.slug,
			title: article.title,
			source: article.source,
			status: article.status,
			visibility: article.visibility,
			revision: article.revision,
			parts: {
				title: article.title,
				body: bodyOf(version.text, version.blocks),
				outlet: article.outlet ?? '',
				author: article.author ?? '',
				date: article.publishedOn ?? '',
				originalUrl: article.originalUrl ?? '',
				language: article.language
			}
		},
		versionNumber: version.number,
		published,
		versions: versions.map((v) => ({ number: v.number, createdAt: v.createdAt.toISOString() })),
		practiceQuiz: quiz ? { title: quiz.quiz.title, questions: quiz.questions.length } : null,
		mine,
		canCopy,
		pack,
		maxImportKb: MAX_IMPORT_BYTES / 1024,
		visibilityChoices: VISIBILITY_CHOICES,
		created: event.url.searchParams.has('created'),
		copied: event.url.searchParams.has('copied')
	};
};

/** A refusal of one of the page's forms, with what was typed so nothing is lost. */
const refused = <E extends Record<string, unknown>>(form: string, status: number, message: string, echo: E) => fail(status, { form, ok: false as const, message, ...echo });

export const actions: Actions = {
	details: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const parts = readPartsForm(form);
		const checked = checkParts({ ...parts, body: 'x' });
		if (!checked.ok) return refused('details', 400, checked.problems[0].message, { parts, problems: checked.problems });
		const result = await attempt('details', { parts, problems: [] as PartProblem[] }, () => updateArticleDetails(appDb(), teacher.id, event.params.id, readRevision(form), checked.parts));
		return result ?? { form: 'details', ok: true as const, message: m.author_saved_details() };
	},
	text: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const parts = { ...readPartsForm(form), title: 'x' };
		const checked = checkParts(parts);
		if (!checked.ok) return refused('text', 400, checked.problems[0].message, { body: parts.body, problems: checked.problems });
		const result = await attempt('text', { body: parts.body, problems: [] as PartProblem[] }, () => editArticleText(appDb(), teacher.id, event.params.id, readRevision(form), checked.parts));
		if (result && 'changed' in result) {
			return { form: 'text', ok: true as const, message: result.changed
					? [m.author_saved_text({ number: result.number }), result.published ? m.author_saved_text_published() : '', result.waiting > 0 ? m.author_saved_text_waiting({ count: result.waiting }) : ''].filter(Boolean).join(' ')
					: m.author_text_unchanged()
			};
		}
		return result;
	},
	publish: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const status = field(form, 'status', 20);
		const visibility = field(form, 'visibility', 20);
		const result = await attempt('publish', { status, visibility }, () => setArticlePublication(appDb(), teacher.id, event.params.id, readRevision(form), status, visibility));
		return result ?? { form: 'publish', ok: true as const, message: status === 'published' ? m.author_published() : m.author_back_to_draft() };
	},
	publishVersion: publishVersionAction,
	importAnnotations: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const file = form.get('file');
		const result = await attempt('importAnnotations', {}, async () => {
			// Only the owner learns anything about the file (others get the same 404 or 403 as for any change).
			await ownArticle(appDb(), teacher.id, event.params.id);
			// A file over the cap is refused by its size alone, never read.
			const text = annotationFileText(
				file instanceof File && file.size > 0
					? { name: file.name, size: file.size, bytes: file.size <= MAX_IMPORT_BYTES ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() }
					: null
			);
			return importWebAnnotations(appDb(), teacher.id, event.params.id, readRevision(form), text);
		});
		if (!('placed' in result)) return result;
		return { form: 'importAnnotations', ok: true as const, message: importMessage(result) };
	},
	copy: async (event) => {
		const teacher = requireTeacher(event);
		const result = await attempt('copy', {}, () => copyArticle(appDb(), teacher.id, event.params.id));
		if (result && 'id' in result) redirect(303, `/teach/articles/${encodeURIComponent(result.id)}?copied`);
		return result;
	}
};
