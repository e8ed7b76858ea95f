import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** Node flags for the server process only, e.g. `BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'`. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

/**
 * Starts a bench's servers (`script`, beside this file) in a child process, so the load generator's own
 * work does not share their event loop. The script prints one JSON line saying where it listens, and
 * exits when its stdin ends.
 */
export async function startChildServer<Info>(script: string, env: Record<string, string> = {}): Promise<{ info: Info; pid: number; stop(): Promise<void> }> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, '--import', 'tsx', path], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  let buffered = '';
  child.stdout.setEncoding('utf8');
  const info = await new Promise<Info>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const line = buffered.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve(JSON.parse(line) as Info);
    });
    child.once('exit', (code) => reject(new Error(`bench servers (${script}) exited with code ${code}`)));
  });
  return {
    info,
    pid: child.pid!,
    async stop() {
      child.stdin.end();
      await once(child, 'exit');
    },
  };
}
