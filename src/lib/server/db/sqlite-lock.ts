/**
 * SQLite through @libsql/client runs every statement synchronously on Node's one
 * thread, and gives each transaction its own connection. If a statement needs the write
 * lock while another connection's transaction is open (awaiting between statements),
 * SQLite's busy wait blocks the thread, so that transaction can never finish: the wait
 * times out with SQLITE_BUSY. This wrapper queues work instead: a transaction holds an
 * async lock until it commits, rolls back or closes, and every other call takes the
 * lock for its own duration. (Inside a transaction, use the transaction, not the client.)
 */
import type { Client, Transaction } from '@libsql/client';

/** A tiny FIFO async lock. */
function createLock() {
	let tail: Promise<void> = Promise.resolve();
	return function acquire(): Promise<() => void> {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const ready = tail.then(() => {
			let released = false;
			return () => {
				if (!released) {
					released = true;
					release();
				}
			};
		});
		tail = tail.then(() => held);
		return ready;
	};
}

/** `client`, with its calls and transactions taken one at a time. */
export function serializeClient(client: Client): Client {
	const acquire = createLock();
	const queued =
		<A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
		async (...args: A): Promise<R> => {
			const release = await acquire();
			try {
				return await call(...args);
			} finally {
				release();
			}
		};

	const transaction = async (...args: Parameters<Client['transaction']>): Promise<Transaction> => {
		const release = await acquire();
		let tx: Transaction;
		try {
			tx = await client.transaction(...args);
		} catch (error) {
			release();
			throw error;
		}
		// The lock is held until the transaction ends, however it ends.
		const ending =
			<K extends 'commit' | 'rollback'>(name: K) =>
			async () => {
				try {
					return await tx[name]();
				} finally {
					release();
				}
			};
		return new Proxy(tx, {
			get(target, prop) {
				if (prop === 'commit') return ending('commit');
				if (prop === 'rollback') return ending('rollback');
				if (prop === 'close')
					return () => {
						try {
							target.close();
						} finally {
							release();
						}
					};
				const value = Reflect.get(target, prop);
				return typeof value === 'function' ? value.bind(target) : value;
			}
		});
	};

	return new Proxy(client, {
		get(target, prop) {
			if (prop === 'transaction') return transaction;
			if (prop === 'execute' || prop === 'batch' || prop === 'executeMultiple' || prop === 'migrate') {
				const method = Reflect.get(target, prop) as (...args: unknown[]) => Promise<unknown>;
				return queued(method.bind(target));
			}
			const value = Reflect.get(target, prop);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}
