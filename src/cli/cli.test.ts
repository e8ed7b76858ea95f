import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTribune as tribune } from '../testing/cli.js';

describe('tribune CLI', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tribune-cli-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops with exit code 1 and names the variable on bad configuration', async () => {
    const result = await tribune(['migrate'], { TRIBUNE_DATA_DIR: dataDir, TRIBUNE_PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TRIBUNE_PORT');
  });

  it('migrates, adds a staff user and backs the database up', async () => {
    const env = { TRIBUNE_DATA_DIR: dataDir };
    expect((await tribune(['migrate'], env)).stdout).toContain('Applied 0001-accounts');
    expect((await tribune(['migrate'], env)).stdout).toContain('up to date');

    const added = await tribune(['user', 'add', '--email', 'Ed@Example.org', '--role', 'editor'], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Added editor Ed@Example.org with password \S{12,}/);
    const duplicate = await tribune(['user', 'add', '--email', 'ed@example.org', '--role', 'editor', '--password', 'long-enough-password'], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');
    expect((await tribune(['user', 'add', '--email', 'x@example.org', '--role', 'reader'], env)).code).toBe(2);

    const backup = join(dataDir, 'backup.db');
    expect((await tribune(['backup', backup], env)).code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    const copy = new SQLite(backup, { readonly: true });
    expect(copy.prepare("select email, role from users").all()).toEqual([{ email: 'ed@example.org', role: 'editor' }]);
    copy.close();
  });

  it('explains unknown commands', async () => {
    const result = await tribune(['frobnicate'], { TRIBUNE_DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: tribune');
  });
});
