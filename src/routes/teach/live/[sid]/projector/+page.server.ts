import QRCode from 'qrcode';
import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { liveCounts, liveSnapshot } from '$lib/server/live/sessions';
import { liveRoster } from '$lib/server/live/roster';
import { liveContext, questionOnScreen, revealOf, sessionAnswers } from '$lib/server/live/teacher-views';
import { eventId } from '$lib/server/live/event-stream';
import { currentPhase, isRevealed } from '$lib/live/session-state';
import { projectorName } from '$lib/live/reveal';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const ctx = await orError(() => liveContext(appDb(), teacher.id, event.params.sid));
	const { session, questions, article } = ctx;
	const state = session.state;
	const q = state.stage === 'question' ? questions[state.current] : null;
	const snapshot = await liveSnapshot(appDb(), session.id);
	const counts = await liveCounts(appDb(), session, q?.id ?? null);
	const lobby = state.stage === 'lobby';
	const joinUrl = `${event.url.origin}/join/${ctx.joinCode}`;
	// Drawn on the server as SVG from our own address, as on the join screen; it needs no script.
	const qr = lobby
		? `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#1d2530', light: '#ffffff' } })).toString('base64')}`
		: null;
	// Names reach the projector only as the teacher chose (none by default), and only as who has joined.
	const names =
		lobby && session.names !== 'none'
			? (await liveRoster(appDb(), session, null)).filter((r) => r.joined && !r.removed).map((r) => projectorName(r.name, session.names)!)
			: [];
	return {
		session: { id: session.id, state, ended: session.endedAt !== null, names: session.names },
		className: ctx.className,
		quizTitle: ctx.quizTitle,
		code: ctx.joinCode,
		joinUrl,
		joinPage: `${event.url.origin}/join`,
		qr,
		joinedNames: names,
		phase: currentPhase(state),
		question: q ? questionOnScreen(q, article, state.current, questions.length) : null,
		reveal: q && isRevealed(state, state.current) ? revealOf(q, article, await sessionAnswers(appDb(), session.id, q.id)) : null,
		counts,
		liveId: eventId(snapshot)
	};
};
