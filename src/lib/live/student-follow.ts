/**
 * When a student's page must read the session again. The event stream sends the session's
 * snapshot (state, version and counts); answers from classmates change only the counts,
 * which a phone does not show, so only a new version (a teacher's command) or a session
 * that has gone makes the page reload its data. A message that cannot be read reloads too:
 * the page then asks the server, which decides.
 */

/** Whether `message` (the stream's data) says the session moved on from `version`. */
export function followsChange(version: number | null, message: string): boolean {
	try {
		const parsed = JSON.parse(message) as { version?: unknown; gone?: unknown };
		if (parsed.gone) return true;
		return typeof parsed.version !== 'number' || parsed.version !== version;
	} catch {
		return true;
	}
}
