// Paraglide JS's compiler options (issue 12 §1), shared by the Vite plugin (builds),
// the unit tests' global setup and `npm test`'s type check, which compile the messages
// without Vite. English and Spanish (project.inlang, messages/); no locale in the address,
// so every existing link keeps working. The order: the language switch's cookie, then the
// language remembered on the device's session (src/lib/server/i18n.ts), then the
// browser's Accept-Language, then English.
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: /** @type {const} */ (['cookie', 'custom-session', 'preferredLanguage', 'baseLocale'])
};

/** The same compile, by Paraglide's command line: in a process of its own, which exits when done. */
export const paraglideCompileArgs = [
	'paraglide-js',
	'compile',
	'--project',
	paraglideOptions.project,
	'--outdir',
	paraglideOptions.outdir,
	'--strategy',
	...paraglideOptions.strategy,
	'--silent'
];
