import { error, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, readForm, requireStudent } from '$lib/server/auth/guards';
import { DomainError } from '$lib/server/domain-error';
import { readAnswer } from '$lib/server/quiz/answer-form';
import { answerJoinedLive } from '$lib/server/live/sessions';
import { handInLive, studentLiveContext, studentLiveView, wantedIndex } from '$lib/server/live/student-live';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The student's context, or the reason they cannot take part: a 404 page, or a screen for a refusal (a removed student). */
async function contextOrRefusal(event: RequestEvent) {
	const students = requireStudent(event);
	try {
		return { ctx: await studentLiveContext(appDb(), students, event.params.sid) };
	} catch (e) {
		if (!(e instanceof DomainError)) throw e;
		if (e.status === 404 || e.status === 410) error(e.status, e.message);
		return { refused: { status: e.status, message: e.message } };
	}
}

export const load: PageServerLoad = async (event) => {
	const found = await contextOrRefusal(event);
	if (!found.ctx) {
		event.setHeaders({ 'cache-control': 'no-store' });
		return { refused: found.refused!.message, view: null, justSaved: false };
	}
	const view = await studentLiveView(appDb(), found.ctx, wantedIndex(event.url.searchParams.get('q')));
	return { refused: null, view, justSaved: event.url.searchParams.has('saved') };
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
	return `/me/live/${event.params.sid}${search ? `?${search}` : ''}`;
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
			if (!q) throw new DomainError('That question is not part of this session. Reload the page to see the current one.', 404);
			const input = readAnswer(form, q, ctx.article, ctx.attempt.id);
			// Already joined above: the answer is checked against the same session and attempt.
			await answerJoinedLive(appDb(), ctx, q.id, input, ctx.article.text.length);
			return { saved: q.id };
		});
		if (!('saved' in result)) return result;
		if (fromScript(event)) return { form: 'answer', ok: true as const, message: 'Answer saved.' };
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
