/**
 * Teacher passwords: argon2id hashes, and the NIST SP 800-63B rules: at least 8
 * characters, not on a list of commonly used passwords, and no composition rules.
 */
import { hash, verify } from '@node-rs/argon2';
import { m } from '$lib/paraglide/messages';

export const MIN_PASSWORD_LENGTH = 8;
/** Long enough for any passphrase, short enough that hashing cannot be abused. */
export const MAX_PASSWORD_LENGTH = 256;

// OWASP's recommended argon2id settings (19 MiB, 2 passes, 1 lane).
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

let common: Set<string> | undefined;

/** The shipped list of common passwords (zxcvbn-ts's, about 49,000 entries), loaded once. */
async function commonPasswords(): Promise<Set<string>> {
	if (!common) {
		const { dictionary } = await import('@zxcvbn-ts/language-common');
		common = new Set((dictionary as Record<string, string[]>)['passwords-common']);
	}
	return common;
}

/**
 * Why a new password is not acceptable, or null when it is. `context` holds words an
 * attacker would try first for this person (NIST's "context-specific words"): the email
 * and name.
 */
export async function passwordProblem(password: string, context: string[] = []): Promise<string | null> {
	if (password.length < MIN_PASSWORD_LENGTH) return m.auth_pw_short({ min: MIN_PASSWORD_LENGTH });
	const lower = password.toLowerCase();
	const guessable = context
		.flatMap((word) => [word, word.split('@')[0]])
		.map((word) => word.trim().toLowerCase())
		.filter((word) => word.length >= 4);
	if (guessable.some((word) => lower === word) || ['attribution lab', 'attributionlab'].includes(lower)) {
		return m.auth_pw_context();
	}
	if (password.length > MAX_PASSWORD_LENGTH) return m.auth_pw_long({ max: MAX_PASSWORD_LENGTH });
	if ((await commonPasswords()).has(password.toLowerCase())) {
		return m.auth_pw_common();
	}
	return null;
}

/** An argon2id hash of `password`. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2);
}

/** True when `password` matches `passwordHash`. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	if (password.length > MAX_PASSWORD_LENGTH) return false;
	return verify(passwordHash, password);
}
