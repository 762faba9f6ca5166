import QRCode from 'qrcode';
import { appDb } from '$lib/server/app-db';
import { orError, requireTeacher } from '$lib/server/auth/guards';
import { ownedClass } from '$lib/server/people/classes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const cls = await orError(() => ownedClass(appDb(), teacher.id, event.params.id));
	const joinUrl = `${event.url.origin}/join/${cls.joinCode}`;
	// The QR code is drawn on the server as SVG from our own address; it needs no script.
	const svg = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#1d2530', light: '#ffffff' } });
	const qr = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
	return { id: cls.id, name: cls.name, code: cls.joinCode, joinUrl, joinPage: `${event.url.origin}/join`, qr, archived: !!cls.archivedAt };
};
