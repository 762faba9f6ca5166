// npm run bench workbench: import time and editor save latency for a 5,000-word article with
// 200 annotations, each against its bare database baseline (bench/workbench-case.ts). Pure
// TypeScript and a throwaway SQLite file, no server: Vite's module runner loads it from src/.
import { runnerImport } from 'vite';

const root = process.cwd();
const { module } = await runnerImport('/bench/workbench-case.ts', {
	configFile: false,
	root,
	logLevel: 'error',
	resolve: { alias: { $lib: `${root}/src/lib` } }
});
await module.run();
