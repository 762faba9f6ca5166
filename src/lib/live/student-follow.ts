/**
 * When a student's page must read the session again. The event stream sends the session's
 * snapshot (state, version and counts) on every change; a phone reloads its data only when
 * the screen it shows would change (the teacher started, moved on, locked, revealed,
 * paused or ended). Classmates' answers change only the counts, and under student pacing
 * the projector moving between questions changes nothing on a phone that is elsewhere, so
 * neither reloads the page: a reload would re-render the answer form under a student who
 * is still choosing. A message that cannot be read reloads, and the server decides.
 */
import { pacedScreen, type Pacing } from './pacing';
import type { LiveSessionState } from './session-state';

/** What the student's screen shows for state `s`, as a string to compare (see `pacedScreen`). */
export function screenKey(s: LiveSessionState, pacing: Pacing, wanted: number | null): string {
	return JSON.stringify(pacedScreen(s, pacing, wanted));
}

/** Whether `message` (the stream's data) changes the screen the page shows (`key`, from `screenKey`). */
export function followsChange(key: string, pacing: Pacing, wanted: number | null, message: string): boolean {
	try {
		const parsed = JSON.parse(message) as { state?: LiveSessionState; gone?: unknown };
		if (parsed.gone || !parsed.state || typeof parsed.state !== 'object') return true;
		return screenKey(parsed.state, pacing, wanted) !== key;
	} catch {
		return true;
	}
}
