/**
 * Who may run first-run setup. The kit listens on every network address so student
 * devices can reach it, which would let anyone on the network become admin before the
 * teacher does. So setup is allowed from the computer running the kit (a loopback
 * address), or from anywhere with the one-time link printed in its console at start.
 */
import { hashesEqual, hashSecret, randomToken } from './auth/tokens';

let token: string | null = null;

/** Makes the setup token (once per start) and returns it, for the console message. */
export function issueSetupToken(): string {
	token ??= randomToken();
	return token;
}

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string): boolean {
	return address === '::1' || /^(?:::ffff:)?127\.\d+\.\d+\.\d+$/i.test(address);
}

/** Whether a request from `address`, carrying `given` (may be empty), may run setup. */
export function maySetUp(address: string, given: string): boolean {
	if (isLoopback(address)) return true;
	return token !== null && given.length > 0 && hashesEqual(hashSecret(given), hashSecret(token));
}
