/**
 * The "Start a live session" form, as the class page and the quiz page both send it:
 * read and checked in one place, so the two forms cannot drift apart.
 */
import { DomainError } from '../domain-error';
import { field } from '../auth/guards';
import type { LiveSettings } from './sessions';
import { m } from '$lib/paraglide/messages';

const PACING = ['teacher', 'student'] as const;
const NAMES = ['none', 'initials', 'full'] as const;

/** The settings the form chose, with the defaults for fields left out; anything else is a 400. */
export function readLiveSettings(form: FormData): LiveSettings {
	const pacing = field(form, 'pacing', 20) || 'teacher';
	const names = field(form, 'names', 20) || 'none';
	if (!(PACING as readonly string[]).includes(pacing)) throw new DomainError(m.live_err_pacing());
	if (!(NAMES as readonly string[]).includes(names)) throw new DomainError(m.live_err_names());
	return { pacing: pacing as LiveSettings['pacing'], askCertainty: field(form, 'certainty', 10) === 'on', names: names as LiveSettings['names'] };
}

/** The form's fields as sent, to show it again after a refusal. */
export function liveSettingsEcho(form: FormData) {
	return { pacing: field(form, 'pacing', 20), names: field(form, 'names', 20), certainty: field(form, 'certainty', 10) === 'on' };
}
