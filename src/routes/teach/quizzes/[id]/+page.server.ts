import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, orError, readForm, requireTeacher } from '$lib/server/auth/guards';
import { readerArticle } from '$lib/server/articles/reader-cache';
import { DomainError } from '$lib/server/domain-error';
import { lockMessage, copyQuiz, ownedOrPackQuiz, questionsOf, quizArticle, quizLock, updateQuizDetails } from '$lib/server/quiz/editor';
import { InvalidQuestion, addDrafts, addQuestion, moveQuestion, removeQuestion, updateQuestion } from '$lib/server/quiz/editor-questions';
import { blankDraft, questionType, readQuestionForm } from '$lib/server/quiz/question-form';
import { editorQuestions } from '$lib/server/quiz/editor-keys';
import { DRAFT_KINDS, draftableClaims, type DraftKind } from '$lib/quiz/draft-from-claims';
import { NO_ONE_NAMED } from '$lib/articles/vocabulary';
import type { QuestionDraft } from '$lib/quiz/question-rules';
import { listClasses } from '$lib/server/people/classes';
import { runningLiveSessions, startLiveSession } from '$lib/server/live/sessions';
import { liveSettingsEcho, readLiveSettings } from '$lib/server/live/start-form';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const quiz = await orError(() => ownedOrPackQuiz(appDb(), teacher.id, event.params.id));
	const [lock, questions, articleRef] = await Promise.all([quizLock(appDb(), quiz), questionsOf(appDb(), quiz.id), quizArticle(appDb(), quiz)]);
	const article = await readerArticle(appDb(), articleRef.slug);
	if (!article) await orError(() => Promise.reject(new DomainError(m.author_qe_err_article_missing(), 404)));
	const claims = article!.claims;
	const speakerName = (key: string) => article!.speakers.find((s) => s.key === key)?.name ?? key;
	const adding = lock ? null : questionType(event.url.searchParams.get('add'));
	const classes = (await listClasses(appDb(), teacher.id)).filter((c) => !c.archivedAt);
	const running = await runningLiveSessions(appDb(), classes.map((c) => c.id));
	return {
		// Where this quiz can run live: the teacher's active classes, and which already have a session running.
		liveClasses: classes.map((c) => {
			const live = running.find((r) => r.classId === c.id);
			return { value: c.id, label: live ? `${c.name} (live now: ${live.quizTitle})` : c.name, live: live?.id ?? null };
		}),
		quiz: { id: quiz.id, title: quiz.title, description: quiz.description, source: quiz.source },
		article: { slug: article!.slug, title: article!.title },
		lock,
		lockMessage: lock ? lockMessage(lock) : null,
		copied: event.url.searchParams.has('copied'),
		added: event.url.searchParams.get('added'),
		claims: claims.map((c) => ({ key: c.key, number: c.number, speaker: speakerName(c.speaker), form: c.form, quote: c.quote })),
		speakers: [
			...article!.speakers.map((s) => ({ value: s.key, label: s.name.charAt(0).toUpperCase() + s.name.slice(1) })),
			{ value: NO_ONE_NAMED, label: m.author_qe_no_one_named() }
		],
		draftable: draftableClaims(claims).map((c) => c.key),
		// Find-the-evidence keys checked against the text students read: stale ones are flagged (editor-keys.ts).
		questions: editorQuestions(questions, article!),
		adding: adding ? blankDraft(adding) : null
	};
};

/** Every action: the signed-in teacher, the form, and the quiz id from the address. */
async function context(event: RequestEvent<{ id: string }>) {
	const teacher = requireTeacher(event);
	return { teacher, form: await readForm(event), quizId: event.params.id };
}

/** Runs a question change; a refused draft comes back with its problems and the draft as typed. */
async function questionAttempt(form: string, draft: QuestionDraft, body: () => Promise<unknown>) {
	try {
		await body();
		return null;
	} catch (e) {
		if (e instanceof InvalidQuestion) return fail(e.status, { form, ok: false as const, message: e.message, problems: e.problems, draft });
		if (e instanceof DomainError) return fail(e.status, { form, ok: false as const, message: e.message, problems: [], draft });
		throw e;
	}
}

const path = (quizId: string) => `/teach/quizzes/${encodeURIComponent(quizId)}`;

export const actions: Actions = {
	startLive: async (event) => {
		const { teacher, form, quizId } = await context(event);
		const classId = field(form, 'class', 64);
		const result = await attempt('startLive', { live: { ...liveSettingsEcho(form), choice: classId } }, async () => {
			if (!classId) throw new DomainError(m.author_qe_err_choose_class(), 400);
			return startLiveSession(appDb(), teacher.id, classId, quizId, readLiveSettings(form));
		});
		if (!('id' in result)) return result;
		redirect(303, `/teach/live/${result.id}#controls`);
	},
	details: async (event) => {
		const { teacher, form, quizId } = await context(event);
		const echo = { title: field(form, 'title', 200), description: field(form, 'description', 3000) };
		return attempt('details', echo, async () => {
			await updateQuizDetails(appDb(), teacher.id, quizId, echo);
			return { form: 'details', ok: true, message: m.author_qe_saved_details() };
		});
	},
	copy: async (event) => {
		const { teacher, quizId } = await context(event);
		const result = await attempt('copy', {}, () => copyQuiz(appDb(), teacher.id, quizId));
		if (result && 'id' in result) redirect(303, `${path(result.id)}?copied`);
		return result;
	},
	addQuestion: async (event) => {
		const { teacher, form, quizId } = await context(event);
		const type = questionType(field(form, 'type', 40));
		if (!type) return fail(400, { form: 'add-question', ok: false as const, message: m.author_qe_err_choose_type(), problems: [], draft: null });
		const draft = readQuestionForm(form, type);
		let id = '';
		const failed = await questionAttempt('add-question', draft, async () => ({ id } = await addQuestion(appDb(), teacher.id, quizId, draft)));
		if (failed) return failed;
		redirect(303, `${path(quizId)}?added=${id}#question-${id}`);
	},
	updateQuestion: async (event) => {
		const { teacher, form, quizId } = await context(event);
		const questionId = field(form, 'question', 64);
		const type = questionType(field(form, 'type', 40)) ?? 'multiple-choice';
		const draft = readQuestionForm(form, type);
		const name = `question-${questionId}`;
		const failed = await questionAttempt(name, draft, () => updateQuestion(appDb(), teacher.id, quizId, questionId, draft));
		return failed ?? { form: name, ok: true, message: m.author_qe_saved_question() };
	},
	move: async (event) => {
		const { teacher, form, quizId } = await context(event);
		const questionId = field(form, 'question', 64);
		const direction = field(form, 'direction', 8) === 'up' ? 'up' : 'down';
		return attempt(`order-${questionId}`, {}, async () => {
			const { moved } = await moveQuestion(appDb(), teacher.id, quizId, questionId, direction);
			return { form: `order-${questionId}`, ok: true, message: moved ? (direction === 'up' ? m.author_qe_moved_up() : m.author_qe_moved_down()) : direction === 'up' ? m.author_qe_at_top() : m.author_qe_at_bottom() };
		});
	},
	remove: async (event) => {
		const { teacher, form, quizId } = await context(event);
		const questionId = field(form, 'question', 64);
		return attempt(`order-${questionId}`, {}, async () => {
			if (form.get('confirm') === null) throw new DomainError(m.author_qe_err_confirm_remove());
			await removeQuestion(appDb(), teacher.id, quizId, questionId);
			return { form: 'questions', ok: true, message: m.author_qe_removed() };
		});
	},
	draft: async (event) => {
		const { teacher, form, quizId } = await context(event);
		const claims = form.getAll('claim').filter((v): v is string => typeof v === 'string').slice(0, 200);
		const kinds = DRAFT_KINDS.filter((k: DraftKind) => form.getAll('kind').includes(k));
		const certainty = form.get('certainty') !== null;
		return attempt('draft', { claims, kinds, certainty }, async () => {
			const { added } = await addDrafts(appDb(), teacher.id, quizId, claims, kinds, certainty);
			const asks = certainty ? m.author_qe_drafts_ask() : m.author_qe_drafts_no_ask();
			const count = added === 1 ? m.author_qe_drafted_one() : m.author_qe_drafted_many({ count: added });
			return { form: 'draft', ok: true, certainty, message: `${count} ${asks} ${m.author_qe_drafts_check()}` };
		});
	}
};
