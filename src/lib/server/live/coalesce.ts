/**
 * Coalesced publishing: however many changes a key sees, `run(key)` happens at most once
 * per interval, and always once more after the last change, so subscribers end on the
 * latest state. A burst of 30 students joining in a second costs a few publishes, not 30.
 */

/**
 * Returns `touch(key, urgent?)`: call it after every change; `run(key)` follows, coalesced.
 * An urgent change (a teacher moving the session on: one click, not a burst) runs at once
 * even inside an interval, and the interval still ends with one more run, so two runs that
 * cross on the way out cannot leave subscribers on the older state.
 */
export function coalescer(intervalMs: number, run: (key: string) => Promise<void>) {
	/** Keys whose interval is running; true when a change arrived during it. */
	const busy = new Map<string, boolean>();

	function fire(key: string) {
		busy.set(key, false);
		run(key)
			.catch((error) => console.error(`Publishing "${key}" failed:`, error))
			.finally(() =>
				setTimeout(() => {
					if (busy.get(key)) fire(key);
					else busy.delete(key);
				}, intervalMs).unref?.()
			);
	}

	return function touch(key: string, urgent = false) {
		if (!busy.has(key)) return fire(key);
		busy.set(key, true);
		if (urgent) run(key).catch((error) => console.error(`Publishing "${key}" failed:`, error));
	};
}
