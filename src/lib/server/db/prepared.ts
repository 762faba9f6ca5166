/**
 * Prepared queries for the few that run on every request. Drizzle otherwise builds each
 * query's SQL from its builder on every call, which profiling showed to be a quarter of
 * the CPU an answer costs; a prepared query is built once, and each call only fills in
 * its `sql.placeholder` values. Both engines' builders accept `.prepare(name)` (SQLite's
 * ignores the name) and run a prepared select with `.execute(values)`, returning rows.
 */
import type { DatabaseHandle } from './database';

/** `build(handle)` made once per database handle, then reused. */
export function preparedFor<Q>(build: (handle: DatabaseHandle) => Q): (handle: DatabaseHandle) => Q {
	const made = new WeakMap<DatabaseHandle, Q>();
	return (handle) => {
		let query = made.get(handle);
		if (!query) made.set(handle, (query = build(handle)));
		return query;
	};
}
