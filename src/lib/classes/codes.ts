/**
 * Class join codes and student rejoin codes: short and typed by students, so drawn
 * from an alphabet without look-alike characters (no 0/O, no 1/I/L).
 */

/** Letters and digits that cannot be mistaken for one another on a projector. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
export const REJOIN_CODE_LENGTH = 8;

/** A code as typed (any case, spaces or dashes) in its stored form, or null if it cannot be one. */
export function normalizeCode(input: string, length: number): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== length) return null;
	for (const char of code) if (!CODE_ALPHABET.includes(char)) return null;
	return code;
}

/** A code split for reading aloud or off a screen: ABC 234. */
export function spacedCode(code: string): string {
	return code.length > 4 ? `${code.slice(0, Math.ceil(code.length / 2))} ${code.slice(Math.ceil(code.length / 2))}` : code;
}
