import { redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/app-db';
import { attempt, field, orError, readForm, requireTeacher } from '$lib/server/auth/guards';
import { readRevision } from '$lib/server/articles/article-form';
import {
	addFact,
	confirmPlacement,
	deleteAnnotation,
	editorModel,
	retarget,
	saveClaim,
	saveNote,
	type ClaimInput,
	type NoteInput,
	type Target
} from '$lib/server/articles/annotation-editor';
import { wordsOf } from '$lib/articles/editor-text';
import { checkedWords } from '$lib/server/articles/annotation-editor';
import { publishedState } from '$lib/server/articles/teacher-articles';
import { publishVersionAction } from '$lib/server/articles/publish-action';
import { CONTENT_LANGUAGES } from '$lib/articles/content-language';
import type { Actions, PageServerLoad } from './$types';

/** An offset from the address or a form, or NaN when missing or garbled. */
const offset = (value: string | null) => (value !== null && /^\d{1,7}$/.test(value) ? Number(value) : NaN);

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const model = await orError(() => editorModel(appDb(), teacher.id, event.params.id));
	const q = event.url.searchParams;
	const { text } = model.version;
	// The chosen words live in the address (?start=&end=), so the keyboard path, the mouse
	// and a reload all lead to the same page, with or without JavaScript.
	const start = offset(q.get('start'));
	const end = offset(q.get('end'));
	// Words from the address are checked by the same rule as a save (not across a heading).
	const checked = start >= 0 && end > start && end <= text.length ? checkedWords(model.version, start, end) : null;
	const chosen = checked?.ok ? { start: checked.start, end: checked.end, words: text.slice(checked.start, checked.end) } : null;
	const chosenProblem = checked && !checked.ok ? checked.message : null;
	const sentenceIndex = offset(q.get('sentence'));
	const sentence = model.sentences[sentenceIndex] ?? null;
	const all = [...model.claims, ...model.notes];
	const keyParam = (name: string) => {
		const key = q.get(name);
		return key && all.some((a) => a.key === key) ? key : null;
	};
	return {
		article: { id: model.article.id, slug: model.article.slug, title: model.article.title, revision: model.article.revision, status: model.article.status },
		published: await publishedState(appDb(), model.article),
		version: model.version,
		sentences: model.sentences.map((s, i) => ({ index: i, words: s.words, start: s.start, end: s.end })),
		sentence: sentence ? { index: sentenceIndex, words: wordsOf(text, sentence.start, sentence.end) } : null,
		speakers: model.speakers,
		facts: model.facts,
		claims: model.claims,
		notes: model.notes,
		problems: model.problems,
		chosen,
		chosenProblem,
		adding: q.get('add') === 'claim' || q.get('add') === 'note' ? (q.get('add') as 'claim' | 'note') : null,
		editing: keyParam('edit'),
		retargeting: keyParam('retarget'),
		saved: q.get('saved')
	};
};

const readTarget = (form: FormData): Target => ({ start: offset(field(form, 'start', 10)), end: offset(field(form, 'end', 10)) });
const readKey = (form: FormData) => field(form, 'key', 40) || null;
const readFacts = (form: FormData) => form.getAll('facts').filter((f): f is string => typeof f === 'string').slice(0, 50);

function readClaim(form: FormData): ClaimInput {
	return {
		speaker: field(form, 'speaker', 60),
		newSpeaker: { name: field(form, 'speakerName', 300), role: field(form, 'speakerRole', 40), description: field(form, 'speakerDescription', 3000), stake: field(form, 'speakerStake', 3000) },
		form: field(form, 'form', 40),
		relationship: field(form, 'relationship', 300),
		check: field(form, 'check', 40),
		checkNote: field(form, 'checkNote', 3000),
		facts: readFacts(form)
	};
}

function readNote(form: FormData): NoteInput {
	// Each language's version has its own fields (title-es, body-es, checkIt-es).
	const localized = Object.fromEntries(
		CONTENT_LANGUAGES.map((l) => [l, { title: field(form, `title-${l}`, 300), body: field(form, `body-${l}`, 3000), checkIt: field(form, `checkIt-${l}`, 2000) }])
	);
	return { layer: field(form, 'layer', 20), title: field(form, 'title', 300), body: field(form, 'body', 3000), checkIt: field(form, 'checkIt', 2000), localized, facts: readFacts(form) };
}

/** Back to the plain editor with a word of what was saved (the address no longer holds a selection). */
const done = (id: string, saved: string) => redirect(303, `/teach/articles/${encodeURIComponent(id)}/edit?saved=${saved}`);

export const actions: Actions = {
	publishVersion: publishVersionAction,
	claim: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const key = readKey(form);
		const values = readClaim(form);
		const result = await attempt('claim', { values, key, ...readTarget(form) }, () =>
			saveClaim(appDb(), teacher.id, event.params.id, readRevision(form), key, key ? null : readTarget(form), values)
		);
		if (typeof result === 'string') done(event.params.id, key ? 'claim-changed' : 'claim-added');
		return result;
	},
	note: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const key = readKey(form);
		const values = readNote(form);
		const result = await attempt('note', { values, key, ...readTarget(form) }, () =>
			saveNote(appDb(), teacher.id, event.params.id, readRevision(form), key, key ? null : readTarget(form), values)
		);
		if (typeof result === 'string') done(event.params.id, key ? 'note-changed' : 'note-added');
		return result;
	},
	retarget: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const key = readKey(form) ?? '';
		const result = await attempt('retarget', { key }, async () => {
			await retarget(appDb(), teacher.id, event.params.id, readRevision(form), key, readTarget(form));
			return true;
		});
		if (result === true) done(event.params.id, 'moved');
		return result;
	},
	confirm: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const key = readKey(form) ?? '';
		const result = await attempt('confirm', { key }, async () => {
			await confirmPlacement(appDb(), teacher.id, event.params.id, readRevision(form), key);
			return true;
		});
		if (result === true) done(event.params.id, 'confirmed');
		return result;
	},
	delete: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const key = readKey(form) ?? '';
		const result = await attempt('delete', { key }, async () => {
			await deleteAnnotation(appDb(), teacher.id, event.params.id, readRevision(form), key);
			return true;
		});
		if (result === true) done(event.params.id, 'deleted');
		return result;
	},
	fact: async (event) => {
		const teacher = requireTeacher(event);
		const form = await readForm(event);
		const values = { text: field(form, 'factText', 3000), origin: field(form, 'factOrigin', 300), checked: field(form, 'factChecked', 10) === 'yes' };
		const result = await attempt('fact', { values }, () => addFact(appDb(), teacher.id, event.params.id, readRevision(form), values));
		if (typeof result === 'string') done(event.params.id, 'source-added');
		return result;
	}
};
