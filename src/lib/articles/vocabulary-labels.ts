/**
 * The ledger's vocabulary (attribution forms, checks, roles) in the page's language, for
 * the teacher's pages. The reader gets the same words from the server (reader-text.ts), so
 * it loads no message code; these use the same messages.
 */
import { m } from '$lib/i18n/messages';
import type { AttributionForm, Check, Role } from './types';

/** How the article credits a claim, in words. */
export function formLabel(form: AttributionForm | string): string {
	if (form === 'direct-quote') return m.form_direct_quote();
	if (form === 'paraphrase') return m.form_paraphrase();
	if (form === 'vague') return m.form_vague();
	if (form === 'writer') return m.form_writer();
	if (form === 'headline') return m.form_headline();
	return form;
}

/** How a claim compares with the original, in words. */
export function checkLabel(check: Check | string): string {
	if (check === 'matches') return m.check_matches();
	if (check === 'altered') return m.check_altered();
	if (check === 'stretched') return m.check_stretched();
	if (check === 'unverified') return m.check_unverified();
	return check;
}

/** A speaker's role, in words. */
export function roleLabel(role: Role | string): string {
	if (role === 'government-official') return m.role_government_official();
	if (role === 'government-unnamed') return m.role_government_unnamed();
	if (role === 'advocacy-group') return m.role_advocacy_group();
	if (role === 'think-tank') return m.role_think_tank();
	if (role === 'writer') return m.role_writer();
	return role;
}
