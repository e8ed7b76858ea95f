import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

function tribune(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    env: { ...process.env, TRIBUNE_LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tribune CLI', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tribune-cli-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops with exit code 1 and names the variable on bad configuration', () => {
    const result = tribune(['migrate'], { TRIBUNE_DATA_DIR: dataDir, TRIBUNE_PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TRIBUNE_PORT');
  });

  it('migrates, adds a staff user and backs the database up', () => {
    const env = { TRIBUNE_DATA_DIR: dataDir };
    expect(tribune(['migrate'], env).stdout).toContain('Applied 0001-accounts');
    expect(tribune(['migrate'], env).stdout).toContain('up to date');

    const added = tribune(['user', 'add', '--email', 'Ed@Example.org', '--role', 'editor'], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Added editor Ed@Example.org with password \S{12,}/);
    const duplicate = tribune(['user', 'add', '--email', 'ed@example.org', '--role', 'editor', '--password', 'long-enough-password'], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');
    expect(tribune(['user', 'add', '--email', 'x@example.org', '--role', 'reader'], env).code).toBe(2);

    const backup = join(dataDir, 'backup.db');
    expect(tribune(['backup', backup], env).code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    const copy = new SQLite(backup, { readonly: true });
    expect(copy.prepare("select email, role from users").all()).toEqual([{ email: 'ed@example.org', role: 'editor' }]);
    copy.close();
  });

  it('explains unknown commands', () => {
    const result = tribune(['frobnicate'], { TRIBUNE_DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: tribune');
  });
});
