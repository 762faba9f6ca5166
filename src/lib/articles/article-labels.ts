/** The words pages use for an article's status and visibility (in the page's language). */
import { m } from '$lib/i18n/messages';

type ArticleVisibility = 'public' | 'private' | 'classes' | 'teachers';

/** An article's status, as a tag. */
export const statusLabel = (status: 'draft' | 'published') => (status === 'draft' ? m.author_status_draft() : m.author_status_published());

/** The publish form's choice of readers, by its value (the server's VISIBILITY_CHOICES). */
export function visibilityChoiceLabel(value: string): string {
	if (value === 'private') return m.author_choice_private();
	if (value === 'classes') return m.author_choice_classes();
	return m.author_choice_teachers();
}

/** Who can read a published article. */
export function visibilityLabel(visibility: ArticleVisibility): string {
	if (visibility === 'public') return m.author_vis_public();
	if (visibility === 'private') return m.author_vis_private();
	if (visibility === 'classes') return m.author_vis_classes();
	return m.author_vis_teachers();
}
