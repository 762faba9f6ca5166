/**
 * A request the kit refuses for a reason the person can fix: a wrong code, a name
 * already taken, a class that is not theirs. Carries the 4xx status and a message
 * meant to be shown where they will read it.
 */
export class DomainError extends Error {
	constructor(
		message: string,
		readonly status: 400 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 = 400
	) {
		super(message);
		this.name = 'DomainError';
	}
}
