import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('../../src/transfer/fixtures/wordpress-fidelity.xml', import.meta.url));

// The README's `npm exec tribune -- <command>`, as someone who just built the project runs it: the
// compiled dist/main.js through npm's bin link. Here, where `npm run test:e2e` has just built it.
describe('npm exec tribune', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tribune-npm-exec-'));
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first (npm run test:e2e does)');
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports a WordPress export from the built dist into a fresh data folder', () => {
    const result = spawnSync('npm', ['exec', 'tribune', '--', 'import', 'wordpress', fixture], {
      cwd: root,
      env: { ...process.env, TRIBUNE_DATA_DIR: dataDir, TRIBUNE_DATABASE_URL: `sqlite:${join(dataDir, 'tribune.db')}`, TRIBUNE_LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    expect(result.error).toBeUndefined();
    expect(result.stderr).not.toMatch(/ERR_|Cannot find/);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Import from wordpress finished:');
    expect(result.stdout).toContain('  posts: 8 imported, 0 skipped, 0 with errors');
    expect(result.stdout).toContain('password-protected posts, imported as drafts');
  });
});
