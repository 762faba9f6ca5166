/**
 * The "Publish version N" form action, shared by the article's page and its editor: both
 * show the teacher that students still read the published version, with this button.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { appDb } from '../app-db';
import { attempt, readForm, requireTeacher } from '../auth/guards';
import { readRevision } from './article-form';
import { publishCurrentVersion } from './teacher-articles';
import { m } from '$lib/paraglide/messages';

/** Publishes the article's current version; the message says what students now see. */
export async function publishVersionAction(event: RequestEvent<{ id: string }>) {
	const teacher = requireTeacher(event);
	const form = await readForm(event);
	const result = await attempt('publishVersion', {}, () => publishCurrentVersion(appDb(), teacher.id, event.params.id, readRevision(form)));
	if (!('number' in result)) return result;
	const waiting = result.waiting > 0 ? ` ${m.author_publish_waiting({ count: result.waiting })}` : '';
	return { form: 'publishVersion', ok: true as const, message: `${m.author_published_version({ number: result.number })}${waiting}` };
}
