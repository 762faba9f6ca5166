/**
 * The words of the site header, footer and error page, rendered by the server in the
 * request's language and sent as the root layout's data. Every page loads the layout,
 * the article reader included, whose JavaScript must stay within 40 KB gzipped in both
 * languages: as data, these strings cost the reader no script (neither the two languages'
 * strings nor Paraglide's runtime), and the language only ever changes with a full page
 * load (the switch is a form post), so the data never goes stale in the browser.
 */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** The header, footer and error page's words in the current request's language. */
export function layoutText() {
	return {
		locale: getLocale(),
		skipToContent: m.layout_skip_to_content(),
		nav: m.layout_nav_label(),
		articles: m.layout_articles(),
		myClasses: m.layout_my_classes(),
		settings: m.layout_settings(),
		signOut: m.layout_sign_out(),
		signedInAs: m.layout_signed_in_as(),
		join: m.layout_join(),
		teacherSignIn: m.layout_teacher_sign_in(),
		footer: m.layout_footer(),
		language: m.layout_language(),
		errorTitle: m.error_title({ status: '{status}' }),
		errorDescription: m.error_description(),
		errorNotFound: m.error_not_found(),
		errorHeading: m.error_heading({ status: '{status}' }),
		errorGoArticles: m.error_go_articles()
	};
}

export type LayoutText = ReturnType<typeof layoutText>;
