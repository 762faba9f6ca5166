/**
 * Numbers as the page's language writes them, with Intl: "45%" in English, "45 %" in
 * Spanish (Mexico). The dashboards' figures are computed elsewhere; this only writes them.
 */
import { getLocale } from '$lib/paraglide/runtime';

/** The Intl locale of the page's language. */
export const intlLocale = () => (getLocale() === 'es' ? 'es-MX' : 'en-US');

/** A whole percentage (0–100) as the language writes it: "45%", "45 %". */
export function wholePercent(percent: number): string {
	return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}
