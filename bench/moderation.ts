import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Bench } from './run.js';

/**
 * Comments are scored in the assess pool's worker threads (`src/moderation/assess-worker.ts`), isolates
 * that load only the moderation code, so that is where assess() is timed: in a process of its own. Timed
 * in this runner, after the other benches' modules (Fastify, the app, the HTTP clients) were loaded,
 * the same assess() read 15–50% slower, by no cause in moderation's code.
 */
async function run(): Promise<void> {
  const script = fileURLToPath(new URL('./moderation-assess.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`moderation bench exited with code ${code}`);
}

export const moderationBench: Bench = {
  name: 'moderation',
  description: 'assess() per 1,000-char comment (median, p99), with and without a site adaptation; classifier load time and memory',
  run,
};
