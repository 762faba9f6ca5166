/**
 * Shuffling that is the same every time for one attempt: the order depends only on a
 * seed (the attempt and question ids), so a reload or another device shows the same
 * order, and two attempts almost always differ.
 */

/** A 32-bit hash of a string (FNV-1a). */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A small, fast, seeded generator (mulberry32); not for secrets. */
function generator(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `items` in an order fixed by `seed` (Fisher–Yates); the input is not changed. */
export function stableShuffle<T>(items: readonly T[], seed: string): T[] {
	const next = generator(hash(seed));
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
