/**
 * Coalesced publishing: however many changes a key sees, `run(key)` happens at most once
 * per interval, and always once more after the last change, so subscribers end on the
 * latest state. A burst of 30 students joining in a second costs a few publishes, not 30.
 */

/** Returns `touch(key)`: call it after every change; `run(key)` follows, coalesced. */
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

	return function touch(key: string) {
		if (busy.has(key)) busy.set(key, true);
		else fire(key);
	};
}
