/**
 * Inside `db.transaction(async (tx) => …)`, every query must go through `tx`. A query on
 * the handle instead runs outside the transaction: on PostgreSQL it silently loses the
 * atomicity the code relies on (and can deadlock on the rows the transaction locked); on
 * SQLite it waits for the lock the transaction itself holds, and the whole server hangs.
 * The guard makes that mistake fail at once, the same way on both engines, with an error
 * that says what to do.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const inside = new AsyncLocalStorage<string>();

/** Methods of the database handle that start a query or a transaction. */
const QUERY_METHODS = new Set<PropertyKey>(['select', 'selectDistinct', 'selectDistinctOn', 'insert', 'update', 'delete', 'execute', 'transaction', 'query', 'with', '$count']);

export class HandleInsideTransactionError extends Error {
	constructor(method: string) {
		super(
			`db.${method}() was called on the database handle inside a transaction. Use the transaction's own ` +
				'builder (the `tx` the callback receives): the handle runs outside the transaction, and on SQLite ' +
				'it would wait forever for the lock the transaction holds.'
		);
	}
}

/** `db`, with its transactions marked and handle queries inside them refused. */
export function guardTransactions<D extends object>(db: D): D {
	return new Proxy(db, {
		get(target, prop, receiver) {
			const value = Reflect.get(target, prop, receiver);
			if (!QUERY_METHODS.has(prop)) return value;
			if (prop === 'query') {
				if (inside.getStore()) throw new HandleInsideTransactionError('query');
				return value;
			}
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				if (inside.getStore()) throw new HandleInsideTransactionError(String(prop));
				if (prop !== 'transaction') return value.apply(target, args);
				const [body, ...rest] = args as [(tx: unknown) => Promise<unknown>, ...unknown[]];
				return value.apply(target, [(tx: unknown) => inside.run('transaction', () => body(tx)), ...rest]);
			};
		}
	});
}
