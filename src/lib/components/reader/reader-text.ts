/**
 * The reader's words in the page's language (src/lib/server/articles/reader-text.ts),
 * shared with its components through context rather than passed down every level.
 */
import { getContext, setContext } from 'svelte';
import type { ReaderText } from '$lib/server/articles/reader-text';

const KEY = Symbol('reader-text');

/** Makes `text` the reader's words for the page's components. */
export const setReaderText = (text: ReaderText) => setContext(KEY, text);

/** The reader's words, as the page set them. */
export const readerText = () => getContext(KEY) as ReaderText;

/** Fills the `{name}` placeholders left in a reader string. */
export const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
