import { PassThrough } from 'node:stream';
import { runCli } from '../cli/run.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliSession {
  /** The command's stdin, a pipe: write lines to it, and `end()` it as closing the pipe would. */
  stdin: PassThrough;
  /** What the command wrote to stdout so far, as lines. */
  lines(): string[];
  stderr(): string;
  /** Resolves once stdout holds `count` lines (a streaming command answers line by line). */
  waitForLines(count: number): Promise<string[]>;
  done: Promise<CliRun>;
}

let running: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI in this process, as `tribune ARGS < stdin` would with `env` and its output piped, and
 * collects what it writes. Commands use the process's own streams, so those are borrowed for the run;
 * runs queue behind each other so two never share them.
 */
export function startTribune(argv: string[], env: Record<string, string>): CliSession {
  const stdin = new PassThrough();
  const output = { stdout: '', stderr: '' };
  const wakers: (() => void)[] = [];
  const lines = () => output.stdout.split('\n').filter(Boolean);
  const done = running.then(() => captured(argv, { TRIBUNE_LOG_LEVEL: 'warn', ...env }, stdin, output, () => wakers.splice(0).forEach((wake) => wake())));
  running = done.catch(() => undefined);
  return {
    stdin,
    lines,
    stderr: () => output.stderr,
    async waitForLines(count) {
      while (lines().length < count) {
        const ended = await Promise.race([done.then(() => true), new Promise<false>((wake) => wakers.push(() => wake(false)))]);
        if (ended && lines().length < count) throw new Error(`tribune ${argv.join(' ')} ended after ${lines().length} of ${count} lines:\n${output.stderr}`);
      }
      return lines();
    },
    done,
  };
}

/** Runs the CLI in this process with an empty stdin, as `tribune ARGS < /dev/null` would. */
export function runTribune(argv: string[], env: Record<string, string>): Promise<CliRun> {
  const session = startTribune(argv, env);
  session.stdin.end();
  return session.done;
}

async function captured(
  argv: string[], env: Record<string, string>, stdin: PassThrough, output: { stdout: string; stderr: string }, wrote: () => void,
): Promise<CliRun> {
  const borrowed = { stdin: Object.getOwnPropertyDescriptor(process, 'stdin')!, stdout: process.stdout.write, stderr: process.stderr.write };
  const ttys = { stdout: process.stdout.isTTY, stderr: process.stderr.isTTY };
  const collect = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      output[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      wrote();
      return true;
    }) as typeof process.stdout.write;
  Object.defineProperty(process, 'stdin', { configurable: true, enumerable: true, get: () => stdin });
  process.stdout.write = collect('stdout');
  process.stderr.write = collect('stderr');
  // Piped, not a terminal: commands print plain lines, as they do under a pipe or in CI.
  process.stdout.isTTY = false;
  process.stderr.isTTY = false;
  try {
    const code = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, env });
    return { code, stdout: output.stdout, stderr: output.stderr };
  } finally {
    Object.defineProperty(process, 'stdin', borrowed.stdin);
    process.stdout.write = borrowed.stdout;
    process.stderr.write = borrowed.stderr;
    process.stdout.isTTY = ttys.stdout;
    process.stderr.isTTY = ttys.stderr;
  }
}
