import { appDb } from '$lib/server/app-db';
import { responsesOf } from '$lib/server/quiz/question-views';
import { practiceQuiz, requireAttempt } from '$lib/server/quiz/practice-context';
import { submitAttempt } from '$lib/server/quiz/responses';
import { maxMarks } from '$lib/quiz/scoring';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { article, quiz, questions } = await practiceQuiz(event);
	const current = await requireAttempt(event, quiz.id);
	const responses = await responsesOf(appDb(), current.id);
	const rows = questions.map((q, i) => {
		const r = responses.get(q.id);
		return {
			number: i + 1,
			prompt: q.prompt,
			answered: !!r,
			fraction: r?.fraction ?? null,
			marks: r?.marks ?? null,
			max: maxMarks(q.certainty),
			awaitingTeacher: !!r && r.fraction === null
		};
	});
	const scored = rows.filter((r) => r.marks !== null);
	return {
		slug: article.slug,
		title: quiz.title,
		rows,
		answered: rows.filter((r) => r.answered).length,
		total: rows.length,
		marks: scored.reduce((sum, r) => sum + (r.marks ?? 0), 0),
		max: scored.reduce((sum, r) => sum + r.max, 0),
		finished: !!current.submittedAt
	};
};

export const actions: Actions = {
	/** Finish the attempt: answers can no longer change. */
	finish: async (event) => {
		const { quiz } = await practiceQuiz(event);
		const current = await requireAttempt(event, quiz.id);
		await submitAttempt(appDb(), current.id);
		return { form: 'finish', ok: true, message: 'Finished. Start again from the practice page any time.' };
	}
};
