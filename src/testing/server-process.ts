import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { HUNG_AFTER_MS } from './wait.js';

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** What the process wrote to stderr and stdout so far, for failure messages. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const mainFile = fileURLToPath(new URL('../main.ts', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `tribune serve` as a real child process (from source, through tsx) and waits until it listens. */
export async function startServerProcess(env: Record<string, string>, args: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile, 'serve', ...args], {
    env: {
      ...process.env,
      TRIBUNE_PORT: String(port),
      TRIBUNE_HOST: '127.0.0.1',
      TRIBUNE_BASE_URL: `http://127.0.0.1:${port}`,
      TRIBUNE_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + HUNG_AFTER_MS;
  while (!output.includes('Tribune is serving')) {
    const early = await Promise.race([exited.then((code) => ({ code })), new Promise((resolve) => setTimeout(resolve, 50))]);
    if (early && typeof early === 'object' && 'code' in early) {
      throw new Error(`tribune serve exited with ${String(early.code)} before listening:\n${output}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`tribune serve did not listen within ${HUNG_AFTER_MS / 1000} s:\n${output}`);
    }
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
