import { runCli } from '../cli/run.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

let running: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI in this process, as `tribune ARGS` would with `env`, and collects what it writes. Commands
 * write to the process's own streams, so those are borrowed for the run; runs queue behind each other
 * so two never share them.
 */
export function runTribune(argv: string[], env: Record<string, string>): Promise<CliRun> {
  const run = running.then(() => captured(argv, { TRIBUNE_LOG_LEVEL: 'warn', ...env }));
  running = run.catch(() => undefined);
  return run;
}

async function captured(argv: string[], env: Record<string, string>): Promise<CliRun> {
  const output = { stdout: '', stderr: '' };
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
  const collect = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      output[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = collect('stdout');
  process.stderr.write = collect('stderr');
  try {
    const code = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, env });
    return { code, ...output };
  } finally {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  }
}
