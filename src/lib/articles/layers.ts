/**
 * Which annotation layers a reader has switched on. They travel in the address
 * (?layers=set&layer=voices&layer=framing) so the switch works as a plain form
 * without JavaScript and survives a reload or a shared link.
 */
export const LAYER_NAMES = ['voices', 'sourcing', 'framing'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];
export type Layers = Record<LayerName, boolean>;

export const ALL_LAYERS: Layers = { voices: true, sourcing: true, framing: true };

/** Reads the layer switches from a query string; no switches at all means every layer on. */
export function parseLayers(params: URLSearchParams): Layers {
	if (!params.has('layers')) return { ...ALL_LAYERS };
	const on = new Set(params.getAll('layer'));
	return { voices: on.has('voices'), sourcing: on.has('sourcing'), framing: on.has('framing') };
}

/** The query string for a set of layers; empty when every layer is on (the default). */
export function layersQuery(layers: Layers): string {
	if (LAYER_NAMES.every((name) => layers[name])) return '';
	const params = new URLSearchParams({ layers: 'set' });
	for (const name of LAYER_NAMES) if (layers[name]) params.append('layer', name);
	return `?${params}`;
}
