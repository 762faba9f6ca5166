import type { ParamMatcher } from '@sveltejs/kit';

/** A results dashboard's kind: an assignment or a live session (src/lib/server/results/scope.ts). */
export const match = ((param: string): param is 'assignment' | 'live' => param === 'assignment' || param === 'live') satisfies ParamMatcher;
