/**
 * The words for a live session's refusals, in the language of the request that meets them.
 * The state machine and the pacing rules ($lib/live) say why with a code, and stay free of
 * any framework; the teacher's controls and the student's answer read the sentence here.
 */
import { m } from '$lib/paraglide/messages';
import type { AnswerRefusal } from '$lib/live/pacing';
import type { RefusalReason } from '$lib/live/session-state';

const COMMAND: Record<RefusalReason, () => string> = {
	'no-question': m.live_refused_no_question,
	ended: m.live_refused_ended,
	'start-first': m.live_refused_start_first,
	started: m.live_refused_started,
	last: m.live_refused_last,
	first: m.live_refused_first,
	locked: m.live_refused_locked,
	open: m.live_refused_open,
	'no-reopen': m.live_refused_no_reopen,
	revealed: m.live_refused_revealed,
	'reveal-first': m.live_refused_reveal_first,
	'note-up': m.live_refused_note_up
};

const ANSWER: Record<AnswerRefusal, () => string> = {
	ended: m.live_err_ended_kept,
	'handed-in': m.live_err_handed_in,
	lobby: m.live_err_not_started,
	paused: m.live_err_paused,
	locked: m.live_err_locked
};

/** What the teacher reads when a command does not fit the session's state. */
export function commandRefusalMessage(reason: RefusalReason): string {
	return COMMAND[reason]();
}

/** What the student reads when an answer is refused. */
export function answerRefusalMessage(reason: AnswerRefusal): string {
	return ANSWER[reason]();
}
