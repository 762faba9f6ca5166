import { appDb } from '$lib/server/app-db';
import { responsesOf } from '$lib/server/quiz/question-views';
import { practiceQuiz, requireAttempt } from '$lib/server/quiz/practice-context';
import { submitAttempt } from '$lib/server/quiz/responses';
import { maxMarks } from '$lib/quiz/scoring';
import { summariseScores } from '$lib/results/score-summary';
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
			unmarked: !!r && r.fraction === null
		};
	});
	return {
		slug: article.slug,
		title: quiz.title,
		rows,
		answered: rows.filter((r) => r.answered).length,
		total: rows.length,
		summary: summariseScores([...responses.values()], questions),
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
