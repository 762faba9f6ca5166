import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readPack } from './read-pack';

const packDir = join(process.cwd(), 'src/content/articles/mexico-says-no-to-us-troops');

describe('the shipped Mexico article pack', async () => {
	const pack = await readPack(packDir);

	it('keeps the five section headings as headings', () => {
		const headings = pack.blocks.filter((b) => b.kind === 'heading').map((b) => pack.text.slice(b.start, b.end));
		expect(headings).toEqual(pack.meta.structure.headings);
		expect(headings).toHaveLength(5);
	});

	it('keeps the paragraph with the hard line break in one block', () => {
		const joined = pack.blocks.find((b) => pack.text.slice(b.start, b.end).includes('Responding to President\nDonald'));
		expect(joined?.kind).toBe('paragraph');
	});

	it('resolves every claim and note to the words it quotes', () => {
		for (const item of [...pack.claims, ...pack.notes]) {
			const { start, end } = item.selectors.position;
			expect(pack.text.slice(start, end)).toBe(item.quote);
		}
	});

	it('gives every speaker at least one claim', () => {
		const used = new Set(pack.claims.map((c) => c.speaker));
		for (const speaker of pack.meta.speakers) expect(used, speaker.id).toContain(speaker.id);
	});

	it('uses every attribution form and both note layers', () => {
		expect(new Set(pack.claims.map((c) => c.form))).toEqual(
			new Set(['direct-quote', 'paraphrase', 'vague', 'writer', 'headline'])
		);
		expect(new Set(pack.notes.map((n) => n.layer))).toEqual(new Set(['sourcing', 'framing']));
	});

	it('marks every heading as a headline claim', () => {
		const headlineQuotes = pack.claims.filter((c) => c.form === 'headline').map((c) => c.quote);
		expect(headlineQuotes).toEqual(pack.meta.structure.headings);
	});

	it('shows the Spanish original with all three translation choices', () => {
		const translation = pack.notes.find((n) => n.translation)?.translation;
		expect(translation?.original).toContain('El territorio es inviolable');
		expect(translation?.renderings.map((r) => r.word).sort()).toEqual(['inalienable', 'inviolable', 'sacrosanct']);
	});

	it('labels notes that cite unverified facts as unverified', () => {
		const unverified = new Set(pack.meta.facts.filter((f) => f.unverified).map((f) => f.id));
		for (const claim of pack.claims.filter((c) => c.facts.some((f) => unverified.has(f)))) {
			expect(['unverified', 'stretched', 'altered'], claim.id).toContain(claim.check);
		}
	});
});
