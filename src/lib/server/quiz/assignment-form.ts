/**
 * Reading an assignment's rules from its form, with what was typed kept for echoing back
 * when something is refused, so nothing the teacher entered is lost.
 */
import { field } from '../auth/guards';
import { m } from '$lib/paraglide/messages';
import { canonicalTimeZone, describeLocalInput, parseLocalInput, toLocalInput } from '../local-time';
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

/**
 * Reads the rules; `checkSettings` in the domain layer decides whether they are acceptable.
 * The times are read in the zone the form was shown in (its `zone` field), else
 * `fallbackZone` (the teacher's), so they mean the instants the teacher saw. `problem` is
 * what the form must refuse before the domain sees it: a tampered zone, or a time the
 * clocks skip.
 */
export function readSettings(form: FormData, fallbackZone: string): { settings: AssignmentSettings; echo: SettingsEcho; problem: string | null } {
	const echo: SettingsEcho = {
		opensAt: field(form, 'opensAt', 40),
		closesAt: field(form, 'closesAt', 40),
		maxAttempts: field(form, 'maxAttempts', 10),
		feedback: field(form, 'feedback', 40),
		shuffle: field(form, 'shuffle', 10) === 'on',
		answers: field(form, 'answers', 10)
	};
	const typedZone = field(form, 'zone', 80);
	const zone = typedZone ? canonicalTimeZone(typedZone) : fallbackZone;
	let problem = zone ? null : m.teach_err_zone_unknown({ zone: typedZone.slice(0, 64) });
	const read = (value: string, what: 'opening' | 'closing') => {
		const parsed = parseLocalInput(value, zone ?? fallbackZone);
		if (parsed.kind === 'ok') return parsed.date;
		if (parsed.kind === 'skipped') {
			const words = { time: describeLocalInput(value), zone: zone ?? fallbackZone };
			problem ??= what === 'opening' ? m.teach_err_time_skipped_opening(words) : m.teach_err_time_skipped_closing(words);
		}
		return new Date(NaN);
	};
	const settings: AssignmentSettings = {
		opensAt: read(echo.opensAt, 'opening'),
		closesAt: read(echo.closesAt, 'closing'),
		maxAttempts: /^\d{1,3}$/.test(echo.maxAttempts) ? Number(echo.maxAttempts) : NaN,
		feedback: echo.feedback as FeedbackMode,
		shuffle: echo.shuffle,
		// Anything but the two choices is null, which checkSettings refuses.
		answersEachAttempt: Object.hasOwn(ANSWERS_CHOICES, echo.answers) ? ANSWERS_CHOICES[echo.answers] : null
	};
	return { settings, echo, problem };
}

/** An existing assignment's rules as form values, its times in `zone`. */
export function settingsEcho(a: AssignmentRow, zone: string): SettingsEcho {
	return { opensAt: toLocalInput(a.opensAt, zone), closesAt: toLocalInput(a.closesAt, zone), maxAttempts: String(a.maxAttempts), feedback: a.feedback, shuffle: a.shuffle, answers: a.answersEachAttempt ? 'each' : 'last' };
}

/** Sensible rules for a new assignment: open now, close in a week at the same time of day (in `zone`), one attempt. */
export function defaultEcho(zone: string, now = new Date()): SettingsEcho {
	const opensAt = toLocalInput(now, zone);
	// A week later on the wall clock, so a daylight-saving change in between keeps the hour.
	const [date, time] = opensAt.split('T');
	const closesAt = `${new Date(Date.parse(`${date}T00:00Z`) + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10)}T${time}`;
	return { opensAt, closesAt, maxAttempts: '1', feedback: 'after-submit', shuffle: false, answers: 'last' };
}
