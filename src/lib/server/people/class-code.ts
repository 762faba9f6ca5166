/**
 * Looking up a class by the code a student typed or followed. Every miss counts
 * against the address and against a kit-wide ceiling, wherever it happens (the code
 * form, the name-list page, the join actions), so the code space cannot be searched.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { appDb, appLimiters } from '../app-db';
import { clientAddress } from '../auth/guards';
import { consume, ensureNotBlocked } from '../auth/rate-limit';
import { DomainError } from '../domain-error';
import { JOIN_CODE_LENGTH, normalizeCode } from '$lib/classes/codes';
import { classByJoinCode } from './classes';

const EVERYONE = 'all';

/** The joinable class for `input`; a wrong, malformed or closed code is a 4xx DomainError. */
export async function classForCode(event: RequestEvent, input: string) {
	const limits = appLimiters();
	const ip = clientAddress(event);
	await ensureNotBlocked(limits.wrongCodesPerIp, ip);
	await ensureNotBlocked(limits.wrongCodesTotal, EVERYONE);
	const code = normalizeCode(input, JOIN_CODE_LENGTH);
	const cls = code ? await classByJoinCode(appDb(), code) : null;
	if (!code || !cls) {
		await consume(limits.wrongCodesPerIp, ip);
		await consume(limits.wrongCodesTotal, EVERYONE);
		throw code
			? new DomainError('That class code is not right. Check it with your teacher.', 404)
			: new DomainError(`A class code has ${JOIN_CODE_LENGTH} letters and numbers.`, 400);
	}
	if (cls.archivedAt) throw new DomainError('That class is closed. Ask your teacher.', 410);
	return cls;
}
