import { describe, expect, it } from 'vitest';
import { NO_ONE_NAMED } from '$lib/articles/vocabulary';
import { draftableClaims, draftFromClaims, quoted, type DraftSource } from './draft-from-claims';
import { checkQuestion } from './question-rules';

const SOURCE: DraftSource = {
	speakers: [
		{ key: 'writer', name: 'the writer', role: 'writer' },
		{ key: 'mayor', name: 'Rosa Díaz', role: 'government-official' },
		{ key: 'officials', name: '“City officials”', role: 'government-unnamed' },
		{ key: 'group', name: 'Clean Streets', role: 'advocacy-group' }
	],
	claims: [
		{ key: 'c1', speaker: 'writer', form: 'headline', quote: 'Mayor Says No' },
		{ key: 'c2', speaker: 'mayor', form: 'direct-quote', quote: '“We will not pay,” Díaz said.' },
		{ key: 'c3', speaker: 'officials', form: 'vague', quote: 'City officials are worried.' },
		{ key: 'c4', speaker: 'writer', form: 'writer', quote: 'The vote is on Monday.' },
		{ key: 'c5', speaker: 'group', form: 'paraphrase', quote: 'The group says the plan costs too much.' }
	]
};

describe('draftFromClaims', () => {
	it('offers only claims credited to a named speaker or a vague source', () => {
		expect(draftableClaims(SOURCE.claims).map((c) => c.key)).toEqual(['c2', 'c3', 'c5']);
		expect(draftFromClaims(SOURCE, ['c1', 'c4'], ['who-said-it', 'whose-voice'])).toEqual([]);
	});

	it.each([
		['c2', 'mayor'],
		['c3', NO_ONE_NAMED],
		['c5', 'group']
	])('keys who-said-it for %s on the ledger’s speaker (%s)', (claim, key) => {
		const [q] = draftFromClaims(SOURCE, [claim], ['who-said-it']);
		expect(q.type).toBe('who-said-it');
		expect(q.options.filter((o) => o.correct).map((o) => o.value)).toEqual([key]);
		expect(q.options.map((o) => o.value)).toEqual(expect.arrayContaining(['writer', NO_ONE_NAMED]));
		// An unnamed source is answered by "no one named", never offered by its own key.
		expect(q.options.map((o) => o.value)).not.toContain('officials');
	});

	it.each([
		['c2', 'direct-quote'],
		['c3', 'vague'],
		['c5', 'paraphrase']
	])('keys whose-voice for %s on the ledger’s form (%s)', (claim, form) => {
		const [q] = draftFromClaims(SOURCE, [claim], ['whose-voice']);
		expect(q.options.map((o) => o.value)).toEqual(['direct-quote', 'paraphrase', 'vague', 'writer']);
		expect(q.options.filter((o) => o.correct).map((o) => o.value)).toEqual([form]);
	});

	it('quotes the claim’s own words and gives feedback on every option', () => {
		const drafts = draftFromClaims(SOURCE, ['c5', 'c2'], ['who-said-it', 'whose-voice']);
		expect(drafts.map((d) => `${d.claim} ${d.type}`)).toEqual(['c2 who-said-it', 'c2 whose-voice', 'c5 who-said-it', 'c5 whose-voice']);
		for (const d of drafts) {
			const claim = SOURCE.claims.find((c) => c.key === d.claim)!;
			expect(d.prompt).toContain(quoted(claim.quote));
			for (const o of d.options) expect(o.feedback.length).toBeGreaterThan(20);
		}
		const right = drafts[0].options.find((o) => o.correct)!;
		expect(right.feedback).toMatch(/^Right\. The article credits this to Rosa Díaz/);
	});

	it('asks how sure only when the teacher chose it on the draft form', () => {
		const kinds = ['who-said-it', 'whose-voice'] as const;
		expect(draftFromClaims(SOURCE, ['c2'], [...kinds]).map((d) => d.certainty)).toEqual([false, false]);
		expect(draftFromClaims(SOURCE, ['c2'], [...kinds], true).map((d) => d.certainty)).toEqual([true, true]);
	});

	it('quotes words that hold double quotes in single ones', () => {
		expect(quoted('The plan costs too much.')).toBe('“The plan costs too much.”');
		expect(quoted('“We will not pay,” Díaz said.')).toBe('‘“We will not pay,” Díaz said.’');
	});

	it('drafts questions that pass the editor’s rules for the same ledger', () => {
		const drafts = draftFromClaims(SOURCE, ['c2', 'c3', 'c5'], ['who-said-it', 'whose-voice']);
		expect(drafts).toHaveLength(6);
		for (const d of drafts) expect(checkQuestion(d, SOURCE)).toMatchObject({ ok: true });
	});
});
