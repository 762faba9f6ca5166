// npm run bench:anchoring (or npm run bench anchoring): re-anchoring accuracy on the seeded
// edit corpus and its speed over a 5,000-word article against an indexOf baseline. Pure
// TypeScript, no server: Vite's module runner loads it straight from src/.
import { runnerImport } from 'vite';

const root = process.cwd();
const { module } = await runnerImport('/bench/anchoring-case.ts', {
	configFile: false,
	root,
	logLevel: 'error',
	resolve: { alias: { $lib: `${root}/src/lib` } }
});
await module.run();
