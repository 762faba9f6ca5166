import { describe, expect, it } from 'vitest';
import { ALL_LAYERS, layersQuery, parseLayers } from './layers';

describe('layers in the address', () => {
	it('turns every layer on when the address says nothing', () => {
		expect(parseLayers(new URLSearchParams())).toEqual(ALL_LAYERS);
	});

	it.each([
		[{ voices: true, sourcing: false, framing: true }],
		[{ voices: false, sourcing: false, framing: false }],
		[{ voices: false, sourcing: true, framing: false }]
	])('round-trips %o', (layers) => {
		expect(parseLayers(new URLSearchParams(layersQuery(layers)))).toEqual(layers);
	});

	it('writes nothing for the default', () => {
		expect(layersQuery(ALL_LAYERS)).toBe('');
	});

	it('ignores layer names it does not know', () => {
		expect(parseLayers(new URLSearchParams('layers=set&layer=voices&layer=bogus'))).toEqual({
			voices: true,
			sourcing: false,
			framing: false
		});
	});
});
