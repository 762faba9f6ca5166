import { describe, expect, it } from 'vitest';
import { confusionMatrix, errorRate, misreadings, possessive, topMisreading } from './confusion';

const NAMES: Record<string, string> = { 'anna-kelly': 'Anna Kelly', sheinbaum: 'Sheinbaum', 'heritage-foundation': 'the Heritage Foundation' };
const name = (key: string) => NAMES[key] ?? key;

describe('confusionMatrix', () => {
	it('lays out forms in the vocabulary order, keeps the diagonal column and sums rows, columns and the diagonal', () => {
		const m = confusionMatrix('form', [
			{ truth: 'writer', chosen: 'direct-quote', count: 9 },
			{ truth: 'writer', chosen: 'writer', count: 15 },
			{ truth: 'paraphrase', chosen: 'direct-quote', count: 4 },
			{ truth: 'paraphrase', chosen: 'vague', count: 1 },
			{ truth: 'paraphrase', chosen: 'writer', count: 0 }
		]);
		expect(m.rows).toEqual(['paraphrase', 'writer']);
		// Nobody chose "paraphrase", but its column stays so the diagonal cell reads 0.
		expect(m.columns).toEqual(['direct-quote', 'paraphrase', 'vague', 'writer']);
		expect(m.counts).toEqual([
			[4, 0, 1, 0],
			[9, 0, 0, 15]
		]);
		expect(m.rowTotals).toEqual([5, 24]);
		expect(m.columnTotals).toEqual([13, 0, 1, 15]);
		expect(m.total).toBe(29);
		expect(m.right).toBe(15);
	});

	it('adds counts that arrive split (the same truth and choice from several questions)', () => {
		const m = confusionMatrix('speaker', [
			{ truth: 'writer', chosen: 'anna-kelly', count: 2 },
			{ truth: 'writer', chosen: 'anna-kelly', count: 3 },
			{ truth: 'writer', chosen: 'writer', count: 1 }
		], ['writer', 'anna-kelly']);
		expect(m.columns).toEqual(['writer', 'anna-kelly']);
		expect(m.counts).toEqual([[1, 5]]);
		expect(m.right).toBe(1);
	});

	it('is empty when nobody answered', () => {
		const m = confusionMatrix('speaker', []);
		expect(m).toMatchObject({ rows: [], columns: [], total: 0, right: 0 });
	});
});

describe('misreadings', () => {
	it('names the most common wrong choices in words, largest first, leaving out the right ones', () => {
		const m = confusionMatrix('speaker', [
			{ truth: 'writer', chosen: 'anna-kelly', count: 9 },
			{ truth: 'writer', chosen: 'no-one-named', count: 4 },
			{ truth: 'writer', chosen: 'writer', count: 11 }
		]);
		expect(misreadings(m, name).map((x) => x.text)).toEqual([
			"9 of 24 took the writer's own sentence for Anna Kelly's words",
			"4 of 24 took the writer's own sentence for an unnamed source's words"
		]);
		expect(misreadings(m, name, 1)).toEqual([{ kind: 'speaker', truth: 'writer', chosen: 'anna-kelly', count: 9, of: 24, text: "9 of 24 took the writer's own sentence for Anna Kelly's words" }]);
	});

	it('speaks of forms in plain words and of a named speaker taken for the writer', () => {
		const forms = confusionMatrix('form', [
			{ truth: 'paraphrase', chosen: 'direct-quote', count: 3 },
			{ truth: 'paraphrase', chosen: 'paraphrase', count: 5 }
		]);
		expect(misreadings(forms)[0].text).toBe('3 of 8 took a paraphrase for a direct quote');
		const speakers = confusionMatrix('speaker', [{ truth: 'heritage-foundation', chosen: 'writer', count: 2 }]);
		expect(misreadings(speakers, name)[0].text).toBe("2 of 2 took the Heritage Foundation's words for the writer's own words");
	});

	it('has nothing to say when every answer is on the diagonal', () => {
		expect(misreadings(confusionMatrix('form', [{ truth: 'vague', chosen: 'vague', count: 7 }]))).toEqual([]);
	});
});

describe('topMisreading', () => {
	it('takes the larger count across both matrices, then the larger share', () => {
		const forms = confusionMatrix('form', [
			{ truth: 'writer', chosen: 'paraphrase', count: 3 },
			{ truth: 'writer', chosen: 'writer', count: 1 }
		]);
		const speakers = confusionMatrix('speaker', [
			{ truth: 'writer', chosen: 'sheinbaum', count: 3 },
			{ truth: 'writer', chosen: 'writer', count: 7 }
		]);
		expect(topMisreading([speakers, forms], name)?.text).toBe("3 of 4 took the writer's own sentence for a paraphrase");
		expect(topMisreading([confusionMatrix('form', [])])).toBeNull();
	});
});

describe('errorRate', () => {
	it.each([
		[0, 0, null, 0, 'not asked'],
		[10, 0, 0, 1, '0% wrong'],
		[10, 1, 10, 1, '10% wrong'],
		[10, 2, 20, 2, '20% wrong'],
		[17, 7, 41, 3, '41% wrong'],
		[10, 6, 60, 4, '60% wrong'],
		[3, 3, 100, 4, '100% wrong']
	])('%i answered, %i wrong → %s%%, level %i, "%s"', (answered, wrong, percent, level, label) => {
		expect(errorRate(answered, wrong)).toMatchObject({ percent, level, label });
	});
});

describe('possessive', () => {
	it('adds an apostrophe alone after a final s', () => {
		expect(possessive('Anna Kelly')).toBe("Anna Kelly's");
		expect(possessive('James Reyes')).toBe("James Reyes'");
	});
});
