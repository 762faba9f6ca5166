/**
 * Random identifiers, secrets and codes, and how they are hashed and compared.
 * Secrets are only ever stored as SHA-256 hashes and compared in constant time.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { generateRandomString, type RandomReader } from '@oslojs/crypto/random';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { getRandomValues } from 'node:crypto';

const random: RandomReader = {
	read(bytes) {
		getRandomValues(bytes);
	}
};

/** A random id or secret: 120 bits, lowercase base32. */
export function randomToken(): string {
	const bytes = new Uint8Array(15);
	getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** True when `value` has the shape `randomToken` makes, so a forged id (NUL bytes, megabytes) never reaches a query. */
export function isToken(value: string): boolean {
	return /^[a-z2-7]{24}$/.test(value);
}

/** A random string of `length` characters drawn from `alphabet`, without modulo bias. */
export function randomCode(alphabet: string, length: number): string {
	return generateRandomString(random, alphabet, length);
}

/** SHA-256 of a secret, as hex: what the database keeps instead of the secret. */
export function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** Compares two hex hashes in constant time, so timing reveals nothing about either. */
export function hashesEqual(a: string, b: string): boolean {
	const [x, y] = [new TextEncoder().encode(a), new TextEncoder().encode(b)];
	return x.length === y.length && constantTimeEqual(x, y);
}
