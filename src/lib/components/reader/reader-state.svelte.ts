/**
 * The reader's interactive state: which layers are on and which claim's notes are
 * open. Server-rendered pages start from the layers in the address.
 */
import type { Layers, LayerName } from '$lib/articles/layers';

export class ReaderState {
	#layers = $state<Layers>({ voices: true, sourcing: true, framing: true });
	#active = $state<string | null>(null);

	constructor(layers: Layers) {
		this.#layers = { ...layers };
	}

	get layers(): Layers {
		return this.#layers;
	}

	/** The key of the claim whose notes are shown, if any. */
	get active(): string | null {
		return this.#active;
	}

	get anyLayer(): boolean {
		return this.#layers.voices || this.#layers.sourcing || this.#layers.framing;
	}

	setLayer(name: LayerName, on: boolean) {
		this.#layers = { ...this.#layers, [name]: on };
	}

	open(claimKey: string) {
		this.#active = claimKey;
	}

	close() {
		this.#active = null;
	}
}
