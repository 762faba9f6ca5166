// See https://svelte.dev/docs/kit/types#app.d.ts
import type { ValidSession } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The signed-in teacher's or student device's session, if any. */
			session: ValidSession | null;
			/** The browser sent a session cookie that is no longer valid (signed out elsewhere, removed, expired). */
			sessionEnded: boolean;
			/** Rendering a page for every signed-in student at once: the layout names `VIEWER_SLOT` instead of anyone. */
			viewerSlot?: boolean;
		}
	}
}

export {};
