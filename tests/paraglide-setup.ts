// Vitest's global setup: compile the messages once, as the build's Vite plugin does. The
// plugin stays out of test runs, and the compiler runs in a process of its own: in
// Vitest's process, either one left handles open that kept Vitest from exiting.
import { spawnSync } from 'node:child_process';
import { paraglideCompileArgs } from '../scripts/paraglide-options.js';

export default function setup() {
	const result = spawnSync('npx', paraglideCompileArgs, { stdio: 'inherit' });
	if (result.status !== 0) throw new Error('Compiling the messages (Paraglide JS) failed; see above.');
}
