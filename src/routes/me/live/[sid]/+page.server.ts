import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, orError, readForm, requireStudent } from '$lib/server/auth/guards';
import { DomainError } from '$lib/server/domain-error';
import { readAnswer } from '$lib/server/quiz/answer-form';
import { answerJoinedLive } from '$lib/server/live/sessions';
import { handInLive, studentLiveContext, studentLiveView, wantedIndex } from '$lib/server/live/student-live';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const students = requireStudent(event);
	// A refusal (no such session here: 404; a student the teacher removed: 403) shows its
	// message on this route's error page, with its status.
	const ctx = await orError(() => studentLiveContext(appDb(), students, event.params.sid));
	const view = await studentLiveView(appDb(), ctx, wantedIndex(event.url.searchParams.get('q')));
	return { view, justSaved: event.url.searchParams.has('saved') };
};

/**
 * Where a plain form post goes back to: the session's page, at the same question when
 * students pace themselves (the form's `q`, as `?/answer` drops the address's query).
 */
function backTo(event: RequestEvent, form: FormData, extra: string) {
	const q = field(form, 'q', 8);
	const params = new URLSearchParams(/^\d{1,4}$/.test(q) ? { q } : {});
	if (extra) params.set(extra, '1');
	const search = params.toString();
	// After a save, the page opens at its "Answer saved" status, beside the form.
	return `/me/live/${event.params.sid}${search ? `?${search}` : ''}${extra === 'saved' ? '#answer-status' : ''}`;
}

/** A request from `use:enhance` wants the action's result; a plain form post wants a page. */
const fromScript = (event: RequestEvent) => event.request.headers.get('x-sveltekit-action') === 'true';

export const actions: Actions = {
	answer: async (event) => {
		const students = requireStudent(event);
		const form = await readForm(event);
		const questionId = field(form, 'question', 64);
		const result = await attempt('answer', {}, async () => {
			const ctx = await studentLiveContext(appDb(), students, event.params.sid);
			const q = ctx.questions.find((x) => x.id === questionId);
			if (!q) throw new DomainError(m.live_err_question_reload(), 404);
			const input = readAnswer(form, q, ctx.article, ctx.attempt.id);
			// Already joined above: the answer is checked against the same session and attempt.
			await answerJoinedLive(appDb(), ctx, q.id, input, ctx.article.text.length);
			return { saved: q.id };
		});
		if (!('saved' in result)) return result;
		if (fromScript(event)) return { form: 'answer', ok: true as const, message: m.live_answer_saved() };
		redirect(303, backTo(event, form, 'saved'));
	},
	handIn: async (event) => {
		const students = requireStudent(event);
		const form = await readForm(event);
		const result = await attempt('handIn', {}, async () => {
			const ctx = await studentLiveContext(appDb(), students, event.params.sid);
			await handInLive(appDb(), ctx);
			return { done: true };
		});
		if (!('done' in result)) return result;
		redirect(303, backTo(event, form, ''));
	}
};
