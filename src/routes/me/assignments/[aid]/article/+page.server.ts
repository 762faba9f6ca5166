import { assignmentContext } from '$lib/server/quiz/assignment-context';
import type { PageServerLoad } from './$types';

/** The article as published, without the notes: the annotated reader names each speaker, which is what the quiz asks. */
export const load: PageServerLoad = async (event) => {
	const ctx = await assignmentContext(event);
	return {
		id: ctx.assignment.id,
		quizTitle: ctx.quiz.title,
		title: ctx.article.title,
		language: ctx.article.byline.language,
		blocks: ctx.article.blocks.map((b) => ({ heading: b.kind === 'heading', text: b.pieces.map((p) => p.text).join('') }))
	};
};
