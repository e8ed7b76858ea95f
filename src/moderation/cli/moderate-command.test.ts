import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createRuntime } from '../../runtime.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tribune-moderate-'));
  dirs.push(dir);
  return dir;
}

function start(databaseUrl: string, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'moderate', ...args], {
    env: { ...process.env, TRIBUNE_DATA_DIR: tempDir(), TRIBUNE_DATABASE_URL: databaseUrl, TRIBUNE_LOG_LEVEL: 'info' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    waiters.splice(0).forEach((wake) => wake());
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = () => stdout.split('\n').filter(Boolean);
  return {
    child,
    lines,
    stderr: () => stderr,
    async waitForLines(count: number) {
      while (lines().length < count) await new Promise<void>((wake) => waiters.push(wake));
      return lines();
    },
    done: new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1))),
  };
}

describe('tribune moderate', () => {
  it('answers line by line while stdin stays open, without creating a database', async () => {
    const databaseFile = join(tempDir(), 'absent.db');
    const run = start(`sqlite:${databaseFile}`, ['--content-only']);
    run.child.stdin.write('{"text": "liquidate them one by one", "author": "a"}\n');
    const first = await run.waitForLines(1);
    expect(JSON.parse(first[0])).toMatchObject({ decision: 'hold' });
    run.child.stdin.write('not json\n{"text": "I disagree with this article."}\n');
    run.child.stdin.end();
    expect(await run.done).toBe(0);
    const out = run.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    expect(out[1].error).toBeDefined();
    expect(out[2]).toMatchObject({ decision: 'publish' });
    expect(run.stderr()).toContain('moderation settings loaded');
    expect(existsSync(databaseFile)).toBe(false);
  }, 30_000);

  it("uses the site's saved word lists", async () => {
    const dir = tempDir();
    const databaseUrl = `sqlite:${join(dir, 'site.db')}`;
    const runtime = await createRuntime({ ...loadConfig({ TRIBUNE_DATA_DIR: dir, TRIBUNE_SECRET: 'x' }), databaseUrl });
    await runtime.settings.update('moderation', { bannedWords: ['grifter'] });
    await runtime.close();
    const run = start(databaseUrl);
    run.child.stdin.end('{"text": "what a grifter", "author": "b"}\n');
    expect(await run.done).toBe(0);
    expect(JSON.parse(run.lines()[0])).toMatchObject({ decision: 'reject', reasons: [{ code: 'BANNED_WORD' }] });
  }, 30_000);
});
