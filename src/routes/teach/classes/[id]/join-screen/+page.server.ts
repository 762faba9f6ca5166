import QRCode from 'qrcode';
import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { ownedClass } from '$lib/server/people/classes';
import { joinScreenState } from '$lib/server/people/join-screen';
import { eventId } from '$lib/server/live/event-stream';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const cls = await orError(() => ownedClass(appDb(), teacher.id, event.params.id));
	const joinUrl = `${event.url.origin}/join/${cls.joinCode}`;
	// The QR code is drawn on the server as SVG from our own address; it needs no script.
	const svg = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#1d2530', light: '#ffffff' } });
	const qr = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
	// The state the live stream would send now, so the screen is not re-sent what it shows.
	const live = await joinScreenState(appDb(), cls.id);
	const { joined } = JSON.parse(live) as { joined: number };
	return { id: cls.id, name: cls.name, code: cls.joinCode, joinUrl, joinPage: `${event.url.origin}/join`, qr, archived: !!cls.archivedAt, joined, liveId: eventId(live) };
};
