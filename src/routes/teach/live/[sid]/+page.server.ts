import { appDb } from '$lib/server/app-db';
import { attempt, field, orError, readForm, requireTeacher } from '$lib/server/auth/guards';
import { DomainError } from '$lib/server/domain-error';
import { commandLiveSession, liveCounts, liveSnapshot } from '$lib/server/live/sessions';
import { liveRoster, removeFromLiveSession, renameInLiveSession } from '$lib/server/live/roster';
import { liveContext, questionOnScreen, revealOf, rightAnswer, sessionAnswers } from '$lib/server/live/teacher-views';
import { eventId } from '$lib/server/live/event-stream';
import { availableCommands, currentPhase, isRevealed, type Command } from '$lib/live/session-state';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const ctx = await orError(() => liveContext(appDb(), teacher.id, event.params.sid));
	const { session, questions, article } = ctx;
	const state = session.state;
	const q = state.stage === 'question' ? questions[state.current] : null;
	// The snapshot is read first, so the stream's first event is never older than this page.
	const snapshot = await liveSnapshot(appDb(), session.id);
	const [roster, counts] = await Promise.all([liveRoster(appDb(), session, q?.id ?? null), liveCounts(appDb(), session, q?.id ?? null)]);
	return {
		session: { id: session.id, version: session.version, state, pacing: session.pacing, askCertainty: session.askCertainty, names: session.names, ended: session.endedAt !== null },
		className: ctx.className,
		classId: session.classId,
		quizTitle: ctx.quizTitle,
		commands: availableCommands(state),
		phase: currentPhase(state),
		question: q ? questionOnScreen(q, article, state.current, questions.length) : null,
		// For "Go to question": each question's number and the start of its prompt.
		questionList: questions.map((x, i) => ({ number: i + 1, prompt: x.prompt.length > 60 ? `${x.prompt.slice(0, 57).trimEnd()}…` : x.prompt })),
		// The teacher's own screen may know the answer before the class does.
		answer: q ? rightAnswer(q, article) : [],
		reveal: q && isRevealed(state, state.current) ? revealOf(q, article, await sessionAnswers(appDb(), session.id, q.id)) : null,
		roster,
		counts,
		liveId: eventId(snapshot)
	};
};

/** The commands a button may send; "go" also sends the question's number (`to`, from 1). */
const COMMANDS = ['start', 'next', 'previous', 'lock', 'reopen', 'reveal', 'show-note', 'pause', 'resume', 'end', 'go'] as const;
type ButtonCommand = Exclude<(typeof COMMANDS)[number], 'go'>;

/** What the teacher is told once a command has worked (announced to screen readers too), in their language. */
const DONE: Record<ButtonCommand, () => string> = {
	start: m.live_done_start,
	next: m.live_done_next,
	previous: m.live_done_previous,
	lock: m.live_done_lock,
	reopen: m.live_done_reopen,
	reveal: m.live_done_reveal,
	'show-note': m.live_done_note,
	pause: m.live_done_pause,
	resume: m.live_done_resume,
	end: m.live_done_end
};

export const actions: Actions = {
	command: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const type = field(form, 'command', 20);
		const version = Number(field(form, 'version', 12));
		return attempt('command', {}, async () => {
			if (!(COMMANDS as readonly string[]).includes(type)) throw new DomainError(m.live_err_not_command(), 400);
			if (!Number.isInteger(version) || version < 0) throw new DomainError(m.live_err_no_version(), 400);
			// Ending cannot be undone, so it needs its own confirmation.
			if (type === 'end' && field(form, 'confirm', 10) !== 'yes') throw new DomainError(m.live_err_confirm_end(), 400);
			if (type === 'go') {
				const to = field(form, 'to', 6);
				// Which numbers exist is the state machine's to say (a 409 names the problem).
				if (!/^\d{1,4}$/.test(to) || Number(to) < 1) throw new DomainError(m.live_err_choose_go(), 400);
				await commandLiveSession(appDb(), teacher.id, event.params.sid, version, { type: 'go', to: Number(to) - 1 });
				return { form: 'command', ok: true, message: m.live_done_go({ number: Number(to) }) };
			}
			await commandLiveSession(appDb(), teacher.id, event.params.sid, version, { type } as Command);
			return { form: 'command', ok: true, message: DONE[type as ButtonCommand]() };
		});
	},
	remove: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const studentId = field(form, 'student', 64);
		return attempt('roster', {}, async () => {
			const { name } = await removeFromLiveSession(appDb(), teacher.id, event.params.sid, studentId);
			return { form: 'roster', ok: true, message: m.live_done_removed({ name }) };
		});
	},
	rename: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const studentId = field(form, 'student', 64);
		const name = field(form, 'name', 200);
		return attempt(`rename-${studentId}`, { name }, async () => {
			const { from } = await renameInLiveSession(appDb(), teacher.id, event.params.sid, studentId, name);
			return { form: 'roster', ok: true, message: m.live_done_renamed({ from, name }) };
		});
	}
};
