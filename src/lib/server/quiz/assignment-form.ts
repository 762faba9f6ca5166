/**
 * Reading an assignment's rules from its form, with what was typed kept for echoing back
 * when something is refused, so nothing the teacher entered is lost.
 */
import { field } from '../auth/guards';
import { parseLocalInput, toLocalInput } from '../local-time';
import type { AssignmentRow, AssignmentSettings, FeedbackMode } from './assignments';

/** The form's values as typed, echoed back into the fields. */
export interface SettingsEcho {
	opensAt: string;
	closesAt: string;
	maxAttempts: string;
	feedback: string;
	shuffle: boolean;
	/** When the right answers show: 'last' (after the last attempt, or the close) or 'each' (after every attempt). */
	answers: string;
}

/** The form's two choices for `answersEachAttempt`; a form without the field (an older page) means 'last'. */
const ANSWERS_CHOICES: Record<string, boolean> = { '': false, last: false, each: true };

/** Reads the rules; `checkSettings` in the domain layer decides whether they are acceptable. */
export function readSettings(form: FormData): { settings: AssignmentSettings; echo: SettingsEcho } {
	const echo: SettingsEcho = {
		opensAt: field(form, 'opensAt', 40),
		closesAt: field(form, 'closesAt', 40),
		maxAttempts: field(form, 'maxAttempts', 10),
		feedback: field(form, 'feedback', 40),
		shuffle: field(form, 'shuffle', 10) === 'on',
		answers: field(form, 'answers', 10)
	};
	const settings: AssignmentSettings = {
		opensAt: parseLocalInput(echo.opensAt),
		closesAt: parseLocalInput(echo.closesAt),
		maxAttempts: /^\d{1,3}$/.test(echo.maxAttempts) ? Number(echo.maxAttempts) : NaN,
		feedback: echo.feedback as FeedbackMode,
		shuffle: echo.shuffle,
		// Anything but the two choices is null, which checkSettings refuses.
		answersEachAttempt: Object.hasOwn(ANSWERS_CHOICES, echo.answers) ? ANSWERS_CHOICES[echo.answers] : null
	};
	return { settings, echo };
}

/** An existing assignment's rules as form values. */
export function settingsEcho(a: AssignmentRow): SettingsEcho {
	return { opensAt: toLocalInput(a.opensAt), closesAt: toLocalInput(a.closesAt), maxAttempts: String(a.maxAttempts), feedback: a.feedback, shuffle: a.shuffle, answers: a.answersEachAttempt ? 'each' : 'last' };
}

/** Sensible rules for a new assignment: open now, close in a week at the same time, one attempt. */
export function defaultEcho(now = new Date()): SettingsEcho {
	const opens = new Date(now);
	opens.setSeconds(0, 0);
	const closes = new Date(opens.getTime() + 7 * 24 * 3600 * 1000);
	return { opensAt: toLocalInput(opens), closesAt: toLocalInput(closes), maxAttempts: '1', feedback: 'after-submit', shuffle: false, answers: 'last' };
}
