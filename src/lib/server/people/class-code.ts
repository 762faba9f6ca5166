/**
 * Looking up a class by the code a student typed or followed, and a rejoin code. Every
 * miss counts against the address, wherever it happens (the code form, the name-list
 * page, the join actions), and against the kit-wide flood count (see code-guessing.ts);
 * a right code gets in unless its address is over its own allowance. The lookups take
 * the address as a string, so tests can drive many addresses without HTTP.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { appDb, appLimiters } from '../app-db';
import { clientAddress } from '../auth/guards';
import { countWrongCode, ensureMayTryCode } from '../auth/code-guessing';
import type { Limiters } from '../auth/rate-limit';
import type { DatabaseHandle } from '../db/database';
import { DomainError } from '../domain-error';
import { JOIN_CODE_LENGTH, normalizeCode, REJOIN_CODE_LENGTH } from '$lib/classes/codes';
import { classByJoinCode, rejoinTarget } from './classes';
import { m } from '$lib/paraglide/messages';

/** The joinable class for `input` tried from `address`; a wrong, malformed or closed code is a 4xx DomainError. */
export async function findClassByCode(handle: DatabaseHandle, limits: Limiters, address: string, input: string) {
	await ensureMayTryCode(limits, address);
	const code = normalizeCode(input, JOIN_CODE_LENGTH);
	const cls = code ? await classByJoinCode(handle, code) : null;
	if (!code || !cls) {
		await countWrongCode(limits, address);
		throw code
			? new DomainError(m.err_code_wrong(), 404)
			: new DomainError(m.err_code_length({ length: JOIN_CODE_LENGTH }), 400);
	}
	if (cls.archivedAt) throw new DomainError(m.err_class_closed(), 410);
	return cls;
}

/** The student and class a live rejoin code `input` belongs to; a wrong one counts against `address`. */
export async function findRejoinTarget(handle: DatabaseHandle, limits: Limiters, address: string, input: string) {
	await ensureMayTryCode(limits, address);
	const code = normalizeCode(input, REJOIN_CODE_LENGTH);
	const target = code ? await rejoinTarget(handle, code) : null;
	if (!code || !target) {
		await countWrongCode(limits, address);
		throw code
			? new DomainError(m.err_rejoin_wrong(), 400)
			: new DomainError(m.err_rejoin_length({ length: REJOIN_CODE_LENGTH }));
	}
	return { ...target, code };
}

/** The joinable class for `input`, for the request's address. */
export async function classForCode(event: RequestEvent, input: string) {
	return findClassByCode(appDb(), appLimiters(), clientAddress(event), input);
}
