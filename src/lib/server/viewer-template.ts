/**
 * A rendered page with a hole where the signed-in student's name goes, so that a whole
 * class opening the same article is served from one render. The page is rendered once
 * for no one in particular (the slot below stands in for the name), and each request
 * only fills the hole: in the HTML as escaped text, in the start-up script (which
 * carries the layout's data for hydration) as an escaped string literal. The CSP header
 * allows that script by its hash, so the hash is recomputed for the filled script.
 *
 * Nothing of any person ever enters a template: only the slot does. Pure module.
 */
import { createHash, randomBytes } from 'node:crypto';

/**
 * Stands in for the name while a template is rendered. Random per process, so no article
 * text or typed name can contain it; letters, digits and hyphens only, so every
 * serialiser writes it unchanged (between quotes in the script).
 */
export const VIEWER_SLOT = `viewer-slot-${randomBytes(12).toString('hex')}`;

interface Piece {
	/** Literal text before the slot (or the whole rest of the page, for the last piece). */
	text: string;
	/** The same, encoded once, so a request copies bytes instead of encoding the page again. */
	bytes: Buffer;
	/** Where the slot after `text` sits: page text, or a string literal in a script. */
	slot: 'html' | 'script' | null;
	/** Index of the inline script this piece belongs to (for its hash), or -1. */
	script: number;
}

export interface ViewerTemplate {
	pieces: Piece[];
	/** Each inline script holding the slot: its hash in the template, as the CSP writes it. */
	scriptHashes: string[];
	csp: string | null;
	/** The filled CSP by name: a class's few dozen names, each hashed once, not on every request. */
	cspByName: Map<string, string | null>;
}

/** Names whose CSP a template remembers; past this, it starts again (a school's worth is far more than one article sees at once). */
const CSP_MEMO_LIMIT = 2048;

const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

const sha256 = (parts: string[]) => {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part);
	return `'sha256-${hash.digest('base64')}'`;
};

/** Splits a page rendered with `VIEWER_SLOT` as the name into the pieces around it. */
export function makeViewerTemplate(html: string, csp: string | null, slot = VIEWER_SLOT): ViewerTemplate {
	const pieces: Piece[] = [];
	const scriptHashes: string[] = [];
	let at = 0;
	const cutHtml = (end: number) => {
		const parts = html.slice(at, end).split(slot);
		parts.forEach((text, i) => pieces.push({ text, bytes: Buffer.from(text), slot: i < parts.length - 1 ? 'html' : null, script: -1 }));
		at = end;
	};
	for (const match of html.matchAll(SCRIPT)) {
		const body = match[1];
		if (!body.includes(slot)) continue;
		const bodyStart = match.index + match[0].indexOf('>') + 1;
		cutHtml(bodyStart);
		// In a script the slot was serialised as a string literal: the quotes go with it.
		const index = scriptHashes.length;
		scriptHashes.push(sha256([body]));
		const parts = body.split(`"${slot}"`);
		if (parts.some((p) => p.includes(slot))) throw new Error('The viewer slot appears in a script outside a string literal.');
		parts.forEach((text, i) => pieces.push({ text, bytes: Buffer.from(text), slot: i < parts.length - 1 ? 'script' : null, script: index }));
		at = bodyStart + body.length;
	}
	cutHtml(html.length);
	return { pieces, scriptHashes, csp, cspByName: new Map() };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `name` as text in HTML. */
export function escapeHtml(name: string): string {
	return name.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** `name` as a string literal that cannot end its script (`</script>`, `<!--`) or break a line. */
export function scriptString(name: string): string {
	return JSON.stringify(name).replace(/</g, '\\u003C').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The page for `name`: its bytes, and the CSP with the filled scripts' hashes. */
export function fillViewerTemplate(template: ViewerTemplate, name: string): { body: Uint8Array<ArrayBuffer>; csp: string | null } {
	const asHtml = Buffer.from(escapeHtml(name));
	const asScript = Buffer.from(scriptString(name));
	const out: Buffer[] = [];
	for (const piece of template.pieces) {
		out.push(piece.bytes);
		if (piece.slot) out.push(piece.slot === 'html' ? asHtml : asScript);
	}
	return { body: Buffer.concat(out), csp: filledCsp(template, name) };
}

/** The template's CSP with each slot-holding script's hash recomputed for `name` (remembered per name). */
function filledCsp(template: ViewerTemplate, name: string): string | null {
	if (!template.csp || template.scriptHashes.length === 0) return template.csp;
	const known = template.cspByName.get(name);
	if (known !== undefined) return known;
	const asScript = scriptString(name);
	const scripts: string[][] = template.scriptHashes.map(() => []);
	for (const piece of template.pieces) {
		if (piece.script >= 0) scripts[piece.script].push(piece.text, piece.slot === 'script' ? asScript : '');
	}
	let csp = template.csp;
	template.scriptHashes.forEach((old, i) => (csp = csp.replace(old, sha256(scripts[i]))));
	if (template.cspByName.size >= CSP_MEMO_LIMIT) template.cspByName.clear();
	template.cspByName.set(name, csp);
	return csp;
}
