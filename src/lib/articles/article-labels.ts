/** The words pages use for an article's status and visibility. */

type ArticleVisibility = 'public' | 'private' | 'classes' | 'teachers';

export const STATUS_LABELS: Record<'draft' | 'published', string> = { draft: 'Draft', published: 'Published' };

export const VISIBILITY_LABELS: Record<ArticleVisibility, string> = {
	public: 'Anyone can read it',
	private: 'Only you can see it',
	classes: 'Your classes can read it',
	teachers: 'Every teacher and your classes can read it'
};
